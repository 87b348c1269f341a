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
