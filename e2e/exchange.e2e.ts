import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseDelimited } from '../shared/formats/delimited';
import { readTmx } from '../shared/formats/tmx';
import { readXliff } from '../shared/formats/xliff';
import { openServices } from '../electron/services/handlers';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

/** A text without white space: a PDF's text runs break lines and join words differently from the page. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** The text of every page of a PDF, as pdf.js reads it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

test.describe('pairs in and out (issue 9)', () => {
  // Many exports and a Java-free but heavy scan per test: more than the default half minute on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test('exports the pair in every format from the parallel view, each file parsed', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const rows = await app.parallel.rowCount();
    const exported = async (format: string) => {
      await app.page.getByTestId('export-menu').click();
      const download = app.page.waitForEvent('download');
      await app.page.getByTestId(`export-${format}`).click();
      const file = await download;
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const tmx = await exported('tmx');
    expect(tmx.name).toMatch(/\(en-de\)\.tmx$/);
    expect(readTmx(tmx.bytes.toString('utf8')).units).toHaveLength(rows - 1);
    await expect(app.page.locator('.export-status')).toContainText('1 rows with one side empty were left out');
    expect(readXliff((await exported('xliff')).bytes.toString('utf8')).units.length).toBe(rows);
    expect(parseDelimited((await exported('tsv')).bytes.toString('utf8'), '\t')).toHaveLength(rows + 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported('xlsx')).bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(rows + 1);
    const docx = await exported('docx');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(docx.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    const epub = await exported('epub');
    expect(epub.bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(JSON.parse((await exported('json')).bytes.toString('utf8')).rows).toHaveLength(rows);
    const html = (await exported('html')).bytes.toString('utf8');
    expect(html).toContain('<table>');

    // The bilingual page on its own passes an accessibility scan.
    await app.page.setContent(html);
    const results = await new AxeBuilder({ page: app.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('exports the QA report from the Differences panel: HTML passing an axe scan, CSV with both sides', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const report = async (format: 'html' | 'csv') => {
      await app.page.getByTestId('export-report').click();
      const download = app.page.waitForEvent('download');
      await app.page.getByTestId(`export-report-${format}`).click();
      const file = await download;
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    // The checks run once the view has painted and been left alone a moment.
    const count = app.page.getByTestId('differences').locator('h2 .count');
    await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(0);
    const flagged = Number(await count.textContent());
    const csv = await report('csv');
    expect(csv.name).toMatch(/\(en-de\)\.csv$/);
    const lines = parseDelimited(csv.text, ',');
    expect(lines[0]).toEqual(['row', 'check', 'kind', 'message', 'status', 'en', 'de']);
    expect(lines.slice(1).filter((l) => l[4] === 'open')).toHaveLength(flagged);
    const first = lines[1]!;
    await expect(app.page.locator('.report-status')).toContainText(csv.name);
    // The row's own text is in the report, both sides where the row has them.
    await app.page.getByTestId('difference').filter({ hasText: `Row ${first[0]}` }).first().click();
    await expect(app.parallel.cell(Number(first[0]) - 1, first[5] ? 'left' : 'right')).toContainText((first[5] || first[6]!).slice(0, 20));

    const html = await report('html');
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).not.toMatch(/<script|<link /i);
    await app.page.setContent(html.text);
    await expect(app.page.locator('h1')).toContainText('Translation checks');
    await expect(app.page.locator('tbody tr')).toHaveCount(lines.length - 1);
    const results = await new AxeBuilder({ page: app.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('the Glossary dialog: a term added raises a terminology flag; edited, exported, imported and removed', async ({ app }, testInfo) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(app.page.getByTestId('differences-term-missing')).toHaveCount(0);
    await app.page.getByTestId('open-glossary').click();
    const dialog = app.page.getByTestId('glossary-dialog');
    await expect(dialog).toBeVisible();
    const add = dialog.getByTestId('glossary-add-form');
    await add.getByTestId('glossary-term').fill('Alliance');
    await add.getByTestId('glossary-translations').fill('Bündnis; Allianzvertrag');
    await add.getByTestId('glossary-save-entry').click();
    await expect(dialog.getByTestId('glossary-entry')).toHaveCount(1);
    await expect(dialog.getByTestId('glossary-entry')).toContainText('Bündnis; Allianzvertrag');
    await dialog.screenshot({ path: testInfo.outputPath('glossary-dialog.png') });

    const download = app.page.waitForEvent('download');
    await dialog.getByTestId('glossary-export-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('Alliance');
    expect(csv).toContain('Bündnis');

    const terms = testInfo.outputPath('terms.csv');
    writeFileSync(terms, 'en,de\nEurope,Europa\n');
    await dialog.getByTestId('glossary-import').setInputFiles(terms);
    await expect(dialog.getByTestId('glossary-entry')).toHaveCount(2);
    await expect(dialog.locator('.glossary-status')).toContainText('1 new, 2 terms in all');

    await app.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const group = app.page.getByTestId('differences-term-missing');
    await expect(group).toContainText('Glossary term');
    await expect(group.getByTestId('difference').first()).toContainText('"Alliance" is in the glossary as "Bündnis" or "Allianzvertrag"');

    // Removing the term takes its flags away; the command palette opens the same dialog.
    expect(await app.parallel.paletteFor('glossary of this pair')).toContain('Glossary of this pair…');
    await app.page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('glossary-entry').filter({ hasText: 'Alliance' }).getByTestId('glossary-remove').click();
    await expect(dialog.getByTestId('glossary-entry')).toHaveCount(1);
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('difference').filter({ hasText: '"Alliance"' })).toHaveCount(0);
  });

  test('imports a TMX through the library and shows its rows side by side', async ({ app }, testInfo) => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>The pump starts after five seconds.</seg></tuv><tuv xml:lang="de"><seg>Die Pumpe startet nach fünf Sekunden.</seg></tuv></tu>
<tu><prop type="x-checked">yes</prop><tuv xml:lang="en"><seg>Close the valve first.</seg></tuv><tuv xml:lang="de"><seg>Schließen Sie zuerst das Ventil.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Is the light green?</seg></tuv><tuv xml:lang="de"><seg>Leuchtet die Lampe grün?</seg></tuv></tu>
</body></tmx>`;
    const path = testInfo.outputPath('pump manual.tmx');
    writeFileSync(path, tmx);
    await app.library.waitForLoad();
    await app.page.getByTestId('import-documents').setInputFiles([path]);
    await expect(app.page.getByTestId('import-report').locator('li.import-done')).toHaveCount(1, { timeout: IMPORT_TIMEOUT });
    await app.library.pairs.filter({ hasText: 'pump manual' }).getByTestId('open-parallel').click();
    await app.parallel.waitForRows();
    expect(await app.parallel.allRows()).toHaveLength(3);
    await expect(app.parallel.cell(0, 'left')).toHaveText('The pump starts after five seconds.');
    await expect(app.parallel.cell(0, 'right')).toHaveText('Die Pumpe startet nach fünf Sekunden.');
    await expect(app.parallel.cell(2, 'right')).toHaveText('Leuchtet die Lampe grün?');
    // Agreeing numbers in words and digits raise nothing.
    await expect(app.page.getByTestId('differences-number-mismatch')).toHaveCount(0);
  });

  test.describe('a glossary flag', () => {
    test.use({
      prepareData: {
        async run(dataDir, corpusDir) {
          const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 3_600_000 });
          await services.handlers['glossary:import']({ source: 'en', target: 'de', name: 'terms.csv', content: 'en,de\nAlliance,Bündnis\n' });
          await services.close();
        },
      },
    });

    test('is raised, marked "not an error", and stays so after a reload', async ({ app }) => {
      await app.open('#/parallel/000/001');
      await app.parallel.waitForRows();
      const group = app.page.getByTestId('differences-term-missing');
      await expect(group).toContainText('Glossary term');
      const count = Number(await group.locator('.count').first().textContent());
      expect(count).toBeGreaterThan(0);
      await expect(group.getByTestId('difference').first()).toContainText('"Alliance" is in the glossary as "Bündnis"');
      await group.getByTestId('difference-dismiss').first().click();
      const dismissed = app.page.getByTestId('differences-dismissed');
      await expect(dismissed.locator('.count')).toHaveText('1');
      await app.page.reload();
      await app.parallel.waitForRows();
      await expect(app.page.getByTestId('differences-dismissed').locator('.count')).toHaveText('1');
      if (count > 1) await expect(app.page.getByTestId('differences-term-missing').locator('.count').first()).toHaveText(String(count - 1));
      else await expect(app.page.getByTestId('differences-term-missing')).toHaveCount(0);
    });

    test('the grouped differences and the export menu, as a person sees them', async ({ app }, testInfo) => {
      await app.open('#/parallel/000/001');
      await app.parallel.waitForRows();
      await app.page.locator('.check-switches summary').click();
      await app.page.getByTestId('differences').screenshot({ path: testInfo.outputPath('differences.png') });
      await app.page.getByTestId('export-menu').click();
      await expect(app.page.getByTestId('export-tmx')).toBeVisible();
      await app.page.screenshot({ path: testInfo.outputPath('export-menu.png') });
    });

    test('the terminology check can be turned off for the pair', async ({ app }) => {
      await app.open('#/parallel/000/001');
      await app.parallel.waitForRows();
      await expect(app.page.getByTestId('differences-term-missing')).toHaveCount(1);
      await app.page.locator('.check-switches summary').click();
      await app.page.getByTestId('check-terminology').uncheck();
      await expect(app.page.getByTestId('differences-term-missing')).toHaveCount(0);
    });
  });

  test('print preview of the parallel view shows both columns, every row, and no toolbars', async ({ app }, testInfo) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const rows = await app.parallel.rowCount();
    // The last row's two sides, read where the screen shows them: at the end of the virtual list.
    const scroller = app.page.getByTestId('parallel-rows');
    await scroller.evaluate((s) => (s.scrollTop = s.scrollHeight));
    const last = app.parallel.alignmentRow(rows - 1);
    const lastSides = await Promise.all((['left', 'right'] as const).map((column) => last.locator(`.pcell[data-column="${column}"]`).innerText()));
    await scroller.evaluate((s) => (s.scrollTop = 0));
    await expect(app.parallel.alignmentRow(rows - 1)).toHaveCount(0);

    // What Chromium prints (Ctrl+P and Save as PDF take the same path): every row, both sides.
    const printed = squash(await pdfText(await app.page.pdf({ format: 'A4' })));
    for (const side of lastSides) expect(printed).toContain(squash(side));

    await app.page.emulateMedia({ media: 'print' });
    await expect(app.page.locator('.parallel-toolbar')).toBeHidden();
    await expect(app.page.getByTestId('differences')).toBeHidden();
    const print = app.page.getByTestId('parallel-print');
    await expect(print.locator('.prow')).toHaveCount(rows);
    const left = print.locator('.prow').first().locator('.pcell[data-column="left"]');
    const right = print.locator('.prow').first().locator('.pcell[data-column="right"]');
    await expect(left).toBeVisible();
    await expect(right).toBeVisible();
    const [a, b] = [await left.boundingBox(), await right.boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(4);
    await expect(print.locator('.prow').last()).toBeVisible();
    await app.page.screenshot({ path: testInfo.outputPath('print-preview.png'), fullPage: true });
    await app.page.emulateMedia({ media: 'screen' });
    await expect(print).toHaveCount(0);
  });

  test('print of the parallel view scrolled apart shows both columns and every row, as together', async ({ app }, testInfo) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const rows = await app.parallel.rowCount();
    await app.parallel.action('sync');
    await expect(app.page.getByTestId('free-pane-left')).toBeVisible();
    // Each pane's last sentence: in the printout it ends the last row holding that side.
    const lastSentence = (column: 'left' | 'right') => app.page.getByTestId(`free-pane-${column}`).locator('.sentence').last().innerText();
    const lastSides = [await lastSentence('left'), await lastSentence('right')];

    const printed = squash(await pdfText(await app.page.pdf({ format: 'A4' })));
    for (const side of lastSides) expect(printed).toContain(squash(side));

    await app.page.emulateMedia({ media: 'print' });
    await expect(app.page.getByTestId('free-pane-left')).toBeHidden();
    await expect(app.page.locator('.parallel-toolbar')).toBeHidden();
    const print = app.page.getByTestId('parallel-print');
    await expect(print.locator('.prow')).toHaveCount(rows);
    const first = print.locator('.prow').first();
    const [a, b] = [await first.locator('.pcell[data-column="left"]').boundingBox(), await first.locator('.pcell[data-column="right"]').boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(4);
    await expect(app.page.locator('.free-print .column-heads')).toBeVisible();
    await app.page.screenshot({ path: testInfo.outputPath('print-apart.png'), fullPage: true });
    await app.page.emulateMedia({ media: 'screen' });
    await expect(print).toHaveCount(0);
    await expect(app.page.getByTestId('free-pane-left')).toBeVisible();
  });
});
