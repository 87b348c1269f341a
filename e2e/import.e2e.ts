import { writeFileSync } from 'node:fs';
import { docx, epub, pdf, sample, writeFiles } from './data/documents';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

test.describe('your own documents', () => {
  test('imports one file of each format, and each opens in the reader', async ({ app }, testInfo) => {
    const files: Array<[string, string | Buffer, string]> = [
      ['story.txt', sample.txt, 'A Plain Text Story'],
      ['guide.md', sample.md, 'The Markdown Guide'],
      ['page.html', sample.html, 'Hostile Page'],
      ['report.docx', await docx(), 'Word Title'],
      ['book.epub', await epub(), 'An EPUB Book'],
      ['paper.pdf', await pdf(), 'PDF Title'],
    ];
    const paths = writeFiles((name) => testInfo.outputPath(name), files);
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles(paths);
    const report = app.page.getByTestId('import-report');
    await expect(report.locator('li.import-done')).toHaveCount(6, { timeout: IMPORT_TIMEOUT });
    await expect(app.library.rows).toHaveCount(11);

    for (const [, , title] of files) {
      await app.library.open(title);
      await expect(app.reader.title).toHaveText(title);
      await expect(app.reader.paragraphs.first()).toBeVisible();
      await app.reader.backToLibrary();
    }
    await app.library.open('The Markdown Guide');
    await expect(app.reader.article.locator('em')).toHaveText('emphasis');
    await expect(app.reader.article.locator('strong')).toHaveText('strong words');
    await expect(app.reader.article.locator('blockquote')).toHaveText('A quoted line.');
    await app.reader.backToLibrary();
    await app.library.open('Hostile Page');
    await expect(app.reader.article.locator('script, iframe, img')).toHaveCount(0);
  });

  test('bad files are refused with a clear message and the library is unchanged', async ({ app }, testInfo) => {
    const bad: Array<[string, Buffer]> = [
      ['empty.txt', Buffer.alloc(0)],
      ['photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10])],
      ['latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f])],
    ];
    const paths = writeFiles((name) => testInfo.outputPath(name), bad);
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles(paths);
    const failed = app.page.getByTestId('import-report').locator('li.import-failed');
    await expect(failed).toHaveCount(3, { timeout: IMPORT_TIMEOUT });
    await expect(failed.nth(0)).toContainText('is empty');
    await expect(failed.nth(1)).toContainText('binary data');
    await expect(failed.nth(2)).toContainText('not valid UTF-8');
    await expect(app.library.rows).toHaveCount(5);
  });

  test('pair two imported documents and read them side by side', async ({ app }, testInfo) => {
    const en = testInfo.outputPath('harbour-en.txt');
    const de = testInfo.outputPath('hafen-de.txt');
    writeFileSync(en, 'The Harbour\n\nThe harbour of Lindau lies on an island in Lake Constance. Its lighthouse is 33 metres high.\n\nFerries leave every hour for Bregenz, 10 km away.\n');
    writeFileSync(de, 'Der Hafen\n\nDer Hafen von Lindau liegt auf einer Insel im Bodensee. Sein Leuchtturm ist 33 Meter hoch.\n\nFähren fahren stündlich nach Bregenz, 10 km entfernt.\n');
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([en, de]);
    const report = app.page.getByTestId('import-report');
    await expect(report.locator('li.import-done')).toHaveCount(2, { timeout: IMPORT_TIMEOUT });
    await expect(report).toContainText('Looks like a translation of “The Harbour” (English).');
    await report.getByRole('button', { name: 'Pair them' }).click();
    await expect(app.library.pairs.filter({ hasText: 'Der Hafen' })).toHaveCount(1);
    await app.library.pairs.filter({ hasText: 'Der Hafen' }).getByTestId('open-parallel').click();
    await app.parallel.waitForRows();
    await expect(app.parallel.cell(1, 'right')).toContainText('Der Hafen von Lindau liegt auf einer Insel im Bodensee.');
    await expect(app.parallel.cell(1, 'left')).toContainText('The harbour of Lindau lies on an island in Lake Constance.');
  });

  test('edit details and remove an imported document, keeping its highlights as orphans', async ({ app }, testInfo) => {
    const path = testInfo.outputPath('notes.txt');
    writeFileSync(path, 'Field Notes\n\nThe river rose by two metres overnight.\n');
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([path]);
    await expect(app.library.rows).toHaveCount(6, { timeout: IMPORT_TIMEOUT });
    await app.page.getByRole('button', { name: 'Edit details of Field Notes' }).click();
    await app.page.getByRole('dialog').getByLabel('Title', { exact: true }).fill('River notes');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByRole('link', { name: 'River notes' })).toBeVisible();

    await app.library.open('River notes');
    await app.annotations.highlight(app.reader.article, 'rose by two metres');
    await app.annotations.done();
    await app.reader.backToLibrary();
    await app.page.getByRole('button', { name: 'Remove River notes' }).click();
    await expect(app.page.getByRole('dialog')).toContainText('Keep them');
    await app.page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(app.library.rows).toHaveCount(5);
    await app.open('#/annotations');
    await app.hub.tab('Orphans');
    await expect(app.hub.cards).toHaveCount(1);
    await expect(app.hub.cards.first()).toContainText('rose by two metres');
  });

  test('search the corpus and jump to a hit; find in the document', async ({ app }) => {
    await app.library.waitForLoad();
    await app.page.getByTestId('corpus-search').fill('"angel funds"');
    await app.page.getByTestId('corpus-search').press('Enter');
    await expect(app.page.getByTestId('search-summary')).toContainText('1 passage in 1 document');
    await expect(app.page.getByTestId('search-hit').locator('mark')).toHaveText(['angel', 'funds']);
    await app.page.getByTestId('search-hit').click();
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await expect(app.page.locator('[data-paragraph-id="p2"]')).toBeInViewport();

    await app.page.keyboard.press('Control+f');
    await app.page.getByTestId('find-input').fill('chongqing');
    await expect(app.page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
    await app.page.getByTestId('find-input').press('Enter');
    await expect(app.page.getByTestId('find-count')).toHaveText(/^2 of \d+$/);
  });

  test('the command palette lists actions and runs them', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.title).toBeVisible();
    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByTestId('command-palette');
    await expect(palette).toBeVisible();
    await expect(palette.getByRole('option', { name: /Find in document\s*Ctrl\+F/ })).toBeVisible();
    await palette.getByRole('combobox').fill('sepia');
    await palette.getByRole('combobox').press('Enter');
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  });

  test('the reader comes back to where you left off', async ({ app }) => {
    await app.open('#/read/004');
    await expect(app.reader.title).toBeVisible();
    await app.page.locator('[data-paragraph-id="p12"]').scrollIntoViewIfNeeded();
    await app.page.mouse.wheel(0, 200);
    await app.page.waitForTimeout(1200);
    await app.reader.backToLibrary();
    await expect(app.page.getByRole('navigation', { name: 'Continue reading' })).toContainText('Chongqing science and technology in figures');
    await app.open('#/read/004');
    await expect(app.page.locator('[data-paragraph-id="p12"]')).toBeInViewport();
  });
});
