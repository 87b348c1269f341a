import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sample } from './data/documents';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

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
    await expect(app.page.getByTestId('import-report').locator('li.import-done')).toHaveCount(1, { timeout: IMPORT_TIMEOUT });
    await app.library.open('Hostile Page');
    await expect(app.reader.title).toHaveText('Hostile Page');

    await app.open('#/read/000');
    // The reader stays mounted from the document before: wait for this one's text.
    await expect(app.reader.article).toContainText('angel funds');
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

  test('a cookie the browser hands another server on 127.0.0.1 opens no API call', async ({ app, shell }) => {
    test.skip(shell !== 'web', 'The loopback web host sets the cookie; Electron has none.');
    await app.library.waitForLoad();
    const token = await app.page.evaluate(() => sessionStorage.getItem('facing.token'));
    // Cookies are not scoped by port: Chromium sends Facing's page cookie to any server on 127.0.0.1.
    const received: string[] = [];
    const other = createServer((req, res) => {
      received.push(req.headers.cookie ?? '');
      res.end('other server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await app.page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    } finally {
      other.closeAllConnections();
      other.close();
    }
    const leaked = received.join('; ');
    expect(leaked).toMatch(/^facing_\w+=./);
    const call = (headers: Record<string, string>) =>
      fetch(`${app.origin}/api/documents:list`, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.origin, ...headers }, body: '{}' }).then((r) => r.status);
    for (const part of leaked.split(/;\s*/)) {
      const value = part.slice(part.indexOf('=') + 1);
      expect(await call({ cookie: leaked, 'x-facing-token': value })).toBe(401);
    }
    expect(await call({ cookie: leaked })).toBe(401);
    // The tab's own token, which never left it, still works: the refusals above are about the cookie.
    expect(await call({ 'x-facing-token': token! })).toBe(200);
  });

  test('the app works at http://localhost:PORT too', async ({ app, shell }) => {
    test.skip(shell !== 'web', 'Only the web host answers on a port.');
    await app.library.waitForLoad();
    const token = await app.page.evaluate(() => sessionStorage.getItem('facing.token'));
    await app.page.goto(`${app.origin.replace('127.0.0.1', 'localhost')}/?token=${token}`);
    await app.library.waitForLoad();
    await expect(app.page.getByText(/could not start|not valid JSON/)).toHaveCount(0);
    await app.page.evaluate(() => void (location.hash = '/search/chongqing'));
    await expect(app.page.getByTestId('search-hit').first()).toBeVisible();
  });

  test('a malformed escape in the address leaves the app standing', async ({ app }) => {
    await app.open('#/search/%E0%A4%A');
    await expect(app.page.getByTestId('search-input')).toHaveValue('%E0%A4%A');
    await app.open('#/search/100%25');
    await expect(app.page.getByTestId('search-input')).toHaveValue('100%');
    await app.open('#/search/caf%C3%A9');
    await expect(app.page.getByTestId('search-input')).toHaveValue('café');
    await app.open('#/read/%E0%A4%A');
    await expect(app.page.getByRole('heading', { name: /cannot be opened|not found/i })).toBeVisible();
  });
});
