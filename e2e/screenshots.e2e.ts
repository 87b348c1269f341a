import { join } from 'node:path';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

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

test.describe('screenshots for the README, annotations', () => {
  test.skip(({ shell }) => shell !== 'web', 'Screenshots are taken once, from the web shell.');

  test('highlights, editor, notes, hub', async ({ app }) => {
    test.setTimeout(90_000);
    const ui = app.annotations;
    await app.page.setViewportSize({ width: 1300, height: 860 });
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'Its talent pool has expanded at an average annual rate exceeding 15%.', 'green');
    await ui.addTags('talent', 'figures');
    await ui.writeNote('German: *„mehr als 15 %“* — the same figure. Check the **2024 report**.');
    await ui.done();
    await ui.highlight(app.reader.article, 'Jinfeng Laboratory', 'purple');
    await ui.addTags('labs');
    await ui.done();
    await ui.highlight(app.reader.article, 'establishing angel funds', 'yellow');
    await ui.addTags('finance');
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: join(docs, 'annotate.png') });
    await ui.done();
    await app.page.getByTestId('toggle-notes').click();
    await app.page.screenshot({ path: join(docs, 'notes-panel.png') });

    await app.page.setViewportSize({ width: 1400, height: 900 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.parallel.row(6).scrollIntoViewIfNeeded();
    await app.page.mouse.move(0, 0);
    await app.page.screenshot({ path: join(docs, 'parallel-annotations.png') });

    await app.page.setViewportSize({ width: 1100, height: 800 });
    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(3);
    await app.page.screenshot({ path: join(docs, 'hub.png') });
  });
});

test.describe('screenshots for the README, your documents', () => {
  test.skip(({ shell }) => shell !== 'web', 'Screenshots are taken once, from the web shell.');

  test('library with imports, search, sepia and dark reading', async ({ app }, testInfo) => {
    const { docx, epub, sample, writeFiles } = await import('./data/documents');
    const files: Array<[string, string | Buffer]> = [
      ['The Markdown Guide.md', sample.md],
      ['report.docx', await docx(['Quarterly Report', 'Revenue rose by 12% in the third quarter.', 'Costs fell.'])],
      ['lindau.epub', await epub({ title: 'Lindau am Bodensee' })],
    ];
    const paths = writeFiles((name) => testInfo.outputPath(name), files);
    await app.page.setViewportSize({ width: 1200, height: 900 });
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles(paths);
    await expect(app.page.getByTestId('import-report').locator('li.import-done')).toHaveCount(3, { timeout: IMPORT_TIMEOUT });
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: join(docs, 'library-imports.png') });

    await app.open('#/search/chongqing%20innovation');
    await app.page.getByTestId('search-hit').first().waitFor();
    await app.page.screenshot({ path: join(docs, 'search.png') });

    await app.page.setViewportSize({ width: 1100, height: 760 });
    await app.open('#/read/003');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.reader.chooseTheme('Sepia');
    await app.page.screenshot({ path: join(docs, 'reader-sepia.png') });
    await app.reader.chooseTheme('Dark');
    await app.page.screenshot({ path: join(docs, 'reader-dark.png') });
    await app.reader.chooseTheme('Light');
  });
});
