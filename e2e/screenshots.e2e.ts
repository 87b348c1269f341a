import { join } from 'node:path';
import { expect, test } from './fixtures';

// The README's pictures, taken from the real renderer on every run so they never go stale.
const docs = join(import.meta.dirname, '..', 'docs', 'screenshots');

test.describe('screenshots for the README', () => {
  test.skip(({ shell }) => shell !== 'web', 'Screenshots are taken once, from the web shell.');

  test('library and reader', async ({ app }) => {
    await app.page.setViewportSize({ width: 1200, height: 760 });
    await app.library.waitForLoad();
    await app.page.screenshot({ path: join(docs, 'library.png') });
    await app.open('#/read/000');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: join(docs, 'reader.png') });
    await app.reader.chooseTheme('Dark');
    await app.page.screenshot({ path: join(docs, 'reader-dark.png') });
    await app.reader.chooseTheme('Light');
  });

  test('parallel view', async ({ app }) => {
    await app.page.setViewportSize({ width: 1400, height: 900 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.page.evaluate(() => document.fonts.ready);
    await app.parallel.cell(1, 'left').hover();
    await app.page.screenshot({ path: join(docs, 'parallel.png') });
    await app.parallel.differences.first().click();
    await app.page.mouse.move(0, 0);
    await app.page.screenshot({ path: join(docs, 'parallel-end.png') });
  });
});

test.describe('screenshots for the README, three columns', () => {
  test.skip(({ shell }) => shell !== 'web', 'Screenshots are taken once, from the web shell.');
  test.use({ corpus: 'with-french' });

  test('three columns', async ({ app }) => {
    await app.page.setViewportSize({ width: 1500, height: 900 });
    await app.open('#/parallel/000/001/005');
    await app.parallel.waitForRows();
    await app.page.evaluate(() => document.fonts.ready);
    await app.parallel.row(2).locator('.pcell').first().hover();
    await app.page.screenshot({ path: join(docs, 'three-columns.png') });
  });
});
