import { writeFileSync } from 'node:fs';
import { sample } from './data/documents';
import { expect, test } from './fixtures';

test.describe('security', () => {
  test('a whole session makes no request beyond the app itself', async ({ app }, testInfo) => {
    const requests: string[] = [];
    app.page.on('request', (request) => requests.push(request.url()));
    const ui = app.annotations;

    await app.open('#/');
    await app.library.waitForLoad();
    const hostile = testInfo.outputPath('hostile.html');
    writeFileSync(hostile, sample.html.replace('</body>', '<link rel="stylesheet" href="https://example.org/x.css"><img src="https://example.org/pixel.png"></body>'));
    await app.page.getByTestId('import-documents').setInputFiles([hostile]);
    await expect(app.page.getByTestId('import-report').locator('li.import-done')).toHaveCount(1);
    await app.library.open('Hostile Page');
    await expect(app.reader.title).toHaveText('Hostile Page');

    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds');
    await ui.writeNote('![tracker](https://example.org/t.png) [link](https://example.org)');
    await ui.editor.getByRole('tab', { name: 'Preview' }).click();
    await ui.done();
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.open('#/search/chongqing');
    await app.page.getByTestId('search-hit').first().waitFor();
    await app.open('#/annotations');
    await app.hub.export('w3c');
    await app.hub.export('markdown');

    const foreign = requests.filter((url) => !url.startsWith(`${app.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
  });

  test('the Content Security Policy blocks inline script and inline event handlers', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.title).toBeVisible();
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const w = window as unknown as { ranScript?: boolean; ranHandler?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.ranScript = true';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.ranHandler = true">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ranScript: w.ranScript ?? false, ranHandler: w.ranHandler ?? false, violations };
    });
    expect(outcome.ranScript).toBe(false);
    expect(outcome.ranHandler).toBe(false);
    expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });
});
