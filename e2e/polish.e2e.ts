import type { Page } from '@playwright/test';
import { openServices } from '../electron/services/handlers';
import { expect, test } from './fixtures';

/** Counts the API calls the page makes on one channel from now on. */
function countCalls(page: Page, channel: string): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (decodeURIComponent(new URL(request.url()).pathname) === `/api/${channel}`) seen.count++;
  });
  return seen;
}

test.describe('requests', () => {
  test.skip(({ shell }) => shell !== 'web', 'Counts HTTP requests to the loopback host.');

  test('with sync off, the sync status is asked once, not every two seconds', async ({ app }) => {
    await app.library.waitForLoad();
    const status = countCalls(app.page, 'sync:status');
    await app.page.reload();
    await app.library.waitForLoad();
    await expect(app.page.getByTestId('sync-indicator')).toHaveText(/Sync/);
    await app.page.waitForTimeout(5000);
    expect(status.count).toBe(1);
  });

  test('the reader asks for a document’s blocks once when it opens', async ({ app }) => {
    await app.library.waitForLoad();
    const blocks = countCalls(app.page, 'documents:blocks');
    await app.open('#/read/000');
    await expect(app.reader.paragraphs).toHaveCount(9);
    await app.page.waitForTimeout(1500);
    expect(blocks.count).toBe(1);
  });
});

test.describe('a reader opened straight away in German', () => {
  test.skip(({ shell }) => shell !== 'web', 'Counts HTTP requests to the loopback host.');
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
        await services.handlers['settings:set']({ patch: { language: 'de' } });
        await services.close();
      },
    },
  });

  test('asks for the document’s blocks once (the interface language arriving does not open it again)', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.paragraphs).toHaveCount(9);
    const blocks = countCalls(app.page, 'documents:blocks');
    await app.page.reload();
    await expect(app.reader.paragraphs).toHaveCount(9);
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'de');
    await app.page.waitForTimeout(1500);
    expect(blocks.count).toBe(1);
  });
});

test.describe('the parallel view', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  test('the highlight editor opens beside the words just highlighted, never over them', async ({ app }, testInfo) => {
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 800 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    for (const [row, block] of [[1, 'start'], [3, 'end']] as const) {
      const cell = app.parallel.cell(row, 'left');
      await cell.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
      const phrase = (await cell.innerText()).split(/\s+/).slice(0, 5).join(' ');
      await app.annotations.highlight(cell, phrase);
      const mark = cell.locator('mark').first();
      const [marked, editor] = [await mark.boundingBox(), await app.annotations.editor.boundingBox()];
      await page.screenshot({ path: testInfo.outputPath(`editor-${block}.png`) });
      expect(overlaps(marked!, editor!), `editor ${JSON.stringify(editor)} over the words ${JSON.stringify(marked)}`).toBe(false);
      await app.annotations.done();
    }
  });

  test("the toolbar's Undo undoes the alignment edit, not the highlight made after it", async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const count = await app.parallel.rowCount();
    await app.parallel.row(2).click();
    await app.parallel.action('merge');
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count - 1}`);
    const cell = app.parallel.cell(1, 'right');
    await app.annotations.highlight(cell, 'Start-ups im Bereich Wissenschaft und Technologie', 'pink');
    await app.annotations.done();
    await app.parallel.action('undo');
    await expect(app.parallel.activeRow).toHaveText(new RegExp(`of ${count}$`));
    await expect(cell.locator('mark.hl-pink')).toHaveText('Start-ups im Bereich Wissenschaft und Technologie');
    await expect(app.parallel.actionButton('undo')).toBeDisabled();
  });
});

test.describe('sync with the server down', () => {
  test.skip(({ shell }) => shell !== 'web', 'The web shell runs the same services.');
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
        await services.handlers['sync:set']({ url: 'http://127.0.0.1:9', database: 'group', username: '', displayName: 'Ana', enabled: true });
        await services.close();
      },
    },
  });

  test('the status says so in a sentence; the technical reason is a details line', async ({ app }, testInfo) => {
    await app.page.setViewportSize({ width: 1100, height: 800 });
    await app.open('#/settings/sync');
    const message = app.page.getByTestId('sync-status-message');
    await expect(message).toContainText('The server at 127.0.0.1:9 cannot be reached.', { timeout: 30_000 });
    await expect(app.page.getByTestId('sync-status-detail')).toContainText(/^Details: .+/);
    expect(await message.evaluate((p) => p.firstChild?.textContent ?? '')).not.toMatch(/ECONNREFUSED|fetch failed/);
    await app.page.screenshot({ path: testInfo.outputPath('sync-offline.png') });
  });
});

test('the reading settings and the note fields share one field style', async ({ app }, testInfo) => {
  await app.page.setViewportSize({ width: 1100, height: 800 });
  await app.open('#/read/000');
  await expect(app.reader.paragraphs).toHaveCount(9);
  const panel = await app.reader.openSettings();
  await app.page.screenshot({ path: testInfo.outputPath('reading-settings.png') });
  // One border and radius for all (the typeface buttons each show their typeface, the theme buttons their colours).
  const looks = await panel.locator('.field').evaluateAll((fields) => fields.map((f) => { const s = getComputedStyle(f); return `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopLeftRadius}`; }));
  expect(looks.length).toBeGreaterThan(5);
  expect(new Set(looks).size).toBe(1);
});
