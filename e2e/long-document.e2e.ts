import { writeFileSync } from 'node:fs';
import { generateBook } from '../bench/text';
import { expect, test } from './fixtures';

// A book far longer than one page of paragraphs: the reader gets its first page and an outline,
// then the rest as it goes there.
test('a long book opens at once and fetches the rest as the reader goes there', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const path = testInfo.outputPath('long-book.txt');
  writeFileSync(path, `The Long Book\n\n${generateBook(4 * 1024 * 1024, 11)}\n\nThe Last Chapter\n\nThe very last sentence of the long book.\n`);
  await app.library.waitForLoad();
  await app.page.getByTestId('import-documents').setInputFiles(path);
  await expect(app.page.getByTestId('import-report').locator('li.import-done')).toHaveCount(1, { timeout: 60_000 });

  const pages: Array<{ from: number; paragraphs: number; text: number; textLength: number }> = [];
  app.page.on('response', async (response) => {
    if (!decodeURIComponent(response.url()).includes('/api/documents:blocks')) return;
    const body = await response.json().catch(() => null);
    const page = body?.value ?? body;
    if (page?.paragraphs) pages.push({ from: page.from, paragraphs: page.paragraphs.length, text: page.text.length, textLength: page.textLength });
  });
  await app.library.open('The Long Book');
  await expect(app.reader.title).toHaveText('The Long Book');
  await expect(app.page.locator('[data-paragraph-id="p1"]')).toBeVisible();
  await expect.poll(() => pages.length).toBeGreaterThan(0);
  expect(pages[0]!.from).toBe(0);
  expect(pages[0]!.text).toBeLessThan(pages[0]!.textLength / 2);

  // The contents list knows the last heading before its text has arrived; going there fetches it.
  const contents = app.page.getByTestId('contents');
  const last = contents.locator('option', { hasText: 'The Last Chapter' });
  await expect(last).toHaveCount(1);
  await contents.selectOption({ label: 'The Last Chapter' });
  await expect(app.reader.article.getByText('The very last sentence of the long book.')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => pages.some((p) => p.from > 0)).toBe(true);

  // Find searches the whole book, fetching what is missing.
  await app.page.keyboard.press('Control+f');
  await app.page.getByTestId('find-input').fill('very last sentence');
  await expect(app.page.getByTestId('find-count')).toHaveText(/^1 of 1$/, { timeout: 30_000 });
});
