import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

test.describe('library', () => {
  test('lists the five bundled documents', async ({ app }) => {
    await app.library.waitForLoad();
    await expect(app.library.rows).toHaveCount(5);
    await expect(app.page).toHaveTitle('Facing');
  });

  test('shows the English/German press release as one pair', async ({ app }) => {
    await app.library.waitForLoad();
    await expect(app.library.pairs).toHaveCount(1);
    const pair = app.library.pairs.first();
    await expect(pair.getByTestId('document-row')).toHaveCount(2);
    await expect(pair.getByText('English original · 1 translation')).toBeVisible();
    await expect(pair.locator('[data-document-id="000"]')).toContainText('EN');
    await expect(pair.locator('[data-document-id="001"]')).toContainText('DE');
    await expect(app.library.items).toHaveCount(4);
  });

  test('filters by title and by language', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.filterByTitle('golden PHOENIX');
    await expect(app.library.rows).toHaveCount(1);
    await expect(app.library.rows.first()).toContainText('Golden Phoenix');

    await app.library.filterByTitle('no such title');
    await expect(app.library.rows).toHaveCount(0);
    await expect(app.page.getByText('No document matches “no such title”.')).toBeVisible();
    await app.page.getByRole('button', { name: 'Show all documents' }).click();
    await expect(app.library.rows).toHaveCount(5);

    await app.library.filterByLanguage('German');
    // The German translation keeps its English original beside it.
    await expect(app.library.items).toHaveCount(1);
    await expect(app.library.pairs).toHaveCount(1);
  });
});

test.describe('library at work', () => {
  const french = readFileSync(join(import.meta.dirname, 'data', '000-fr.txt'), 'utf8');

  test('a translation of a translation is listed with its family, editable, and a cycle is refused', async ({ app }, testInfo) => {
    test.slow();
    const fr = testInfo.outputPath('communique.txt');
    const it = testInfo.outputPath('comunicato.txt');
    writeFileSync(fr, french);
    writeFileSync(it, 'Comunicato\n\nLa zona high-tech di Chongqing lancia una filiale.\n');
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([fr, it]);
    const report = app.page.getByTestId('import-report');
    await expect(report.getByTestId('pair-suggestion')).toHaveCount(1, { timeout: IMPORT_TIMEOUT });
    await expect(report.getByTestId('pair-suggestion')).toContainText(/Why: .*paragraphs.*shared numbers/);
    await report.getByRole('button', { name: 'Pair them' }).click();
    const family = app.library.pairs.filter({ hasText: 'Chongqing High-tech Zone' });
    const frId = await family.getByTestId('document-row').filter({ hasText: 'French' }).getAttribute('data-document-id');

    // The Italian text translates the French one, which translates the English original.
    await app.page.getByRole('button', { name: 'Edit details of Comunicato' }).click();
    // Nine words are too few to tell the language: the dialog asks for it.
    await app.page.getByRole('dialog').getByLabel(/^Language/).fill('it');
    await app.page.getByRole('dialog').getByLabel('Translation of').selectOption(frId!);
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(family.getByTestId('document-row')).toHaveCount(4);
    await expect(app.library.rows).toHaveCount(7);
    await expect(family.getByRole('button', { name: 'Edit details of Comunicato' })).toBeVisible();
    const itId = await app.library.rows.filter({ hasText: 'Comunicato' }).getAttribute('data-document-id');
    // It reads side by side with the French text it was made from.
    await expect(family.getByRole('link', { name: 'Read side by side (French–Italian)' })).toHaveAttribute('href', `#/parallel/${frId}/${itId}`);
    await app.page.screenshot({ path: testInfo.outputPath('library-chain.png'), fullPage: true });

    await family.getByTestId('document-row').filter({ hasText: 'French' }).getByRole('button', { name: /^Edit details/ }).click();
    await app.page.getByRole('dialog').getByLabel('Translation of').selectOption(itId!);
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByRole('dialog')).toContainText('it is itself a translation of this document');
  });

  test('a new import is brought into view and marked; the same file again points at the copy', async ({ app }, testInfo) => {
    const path = testInfo.outputPath('zebra.txt');
    writeFileSync(path, 'Zebra Notes\n\n' + 'Zebras graze quietly on the plain. '.repeat(20) + '\n');
    await app.page.setViewportSize({ width: 1000, height: 500 });
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([path]);
    const card = app.page.locator('.card-fresh');
    await expect(card).toContainText('Zebra Notes', { timeout: IMPORT_TIMEOUT });
    await expect(card).toBeInViewport();
    await app.page.getByTestId('import-documents').setInputFiles([path]);
    await expect(app.page.getByTestId('import-duplicate')).toContainText('Already in your library');
    await expect(app.library.rows).toHaveCount(6);
    await app.page.getByTestId('import-duplicate').getByRole('link', { name: 'Open the copy you have' }).click();
    await expect(app.reader.title).toHaveText('Zebra Notes');
  });

  test('titles sort past leading quotes; long "Continue reading" titles end in an ellipsis', async ({ app }) => {
    await app.library.waitForLoad();
    await app.page.getByTestId('library-sort').selectOption('title');
    await expect(app.library.rows.first()).toContainText('Chengdu-Chongqing Economic Circle');
    await expect(app.library.rows.last()).toContainText('Golden Phoenix');

    await app.open('#/read/003');
    await expect(app.reader.title).toBeVisible();
    await app.reader.backToLibrary();
    const chip = app.page.getByRole('navigation', { name: 'Continue reading' }).locator('.recent-title').first();
    await expect(chip).toContainText('Chengdu-Chongqing');
    expect(await chip.evaluate((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)).toBe(true);
  });

  test('search follows the box as you type, folds ß and forgives a typo, and marks the paragraph it opens', async ({ app }, testInfo) => {
    test.slow();
    const path = testInfo.outputPath('verein.txt');
    writeFileSync(path, 'Club News\n\nOur trip to Straßburg was a success.\n\nThe club thanks all its volunteers for their help.\n');
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([path]);
    await expect(app.library.rows).toHaveCount(6, { timeout: IMPORT_TIMEOUT });
    await app.open('#/search/');
    const box = app.page.getByTestId('search-input');
    await box.pressSequentially('strassburg', { delay: 30 });
    await expect(app.page.getByTestId('search-hit').locator('mark')).toHaveText(['Straßburg']);
    await box.fill('volunters');
    await expect(app.page.getByTestId('search-hit').locator('mark')).toHaveText(['volunteers']);
    await expect(app.page.getByTestId('search-summary')).toContainText('1 passage in 1 document, found');
    await app.page.screenshot({ path: testInfo.outputPath('search.png') });
    await app.page.getByTestId('search-hit').click();
    await expect(app.reader.title).toHaveText('Club News');
    await expect(app.page.locator('.block-flash')).toContainText('volunteers');
  });

  test('search lists a document whose paragraphs hold the words between them, after one with a paragraph holding both', async ({ app }, testInfo) => {
    test.slow();
    const apart = testInfo.outputPath('apart.txt');
    const together = testInfo.outputPath('together.txt');
    writeFileSync(apart, 'Harbour Notes\n\nThe lighthouse keeper wrote letters every winter.\n\nNothing about boats here.\n\nThe ferries crossed at dawn.\n');
    writeFileSync(together, 'Coast Guide\n\nFrom the lighthouse we watched the ferries come in.\n');
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([apart, together]);
    await expect(app.library.rows).toHaveCount(7);
    await app.open('#/search/lighthouse%20ferries');
    const documents = app.page.getByTestId('search-document');
    await expect(documents).toHaveCount(2);
    await expect(documents.nth(0)).toContainText('Coast Guide');
    await expect(documents.nth(0).getByTestId('search-hit').locator('mark')).toHaveText(['lighthouse', 'ferries']);
    await expect(documents.nth(0)).not.toContainText('different paragraphs');
    await expect(documents.nth(1)).toContainText('Harbour Notes');
    await expect(documents.nth(1)).toContainText('The words are in different paragraphs of this document');
    await expect(documents.nth(1).getByTestId('search-hit')).toHaveCount(2);
    await expect(documents.nth(1).getByTestId('search-hit').locator('mark')).toHaveText(['lighthouse', 'ferries']);
    await expect(app.page.getByTestId('search-summary')).toContainText('3 passages in 2 documents');
    await app.page.screenshot({ path: testInfo.outputPath('search-apart.png') });
    await documents.nth(1).getByTestId('search-hit').nth(1).click();
    await expect(app.reader.title).toHaveText('Harbour Notes');
    const paragraph = /\/p\/(\d+)$/.exec(decodeURIComponent(app.page.url()))?.[1];
    await expect(app.page.locator(`[data-paragraph-id="p${paragraph}"]`)).toContainText('The ferries crossed at dawn.');
  });
});
