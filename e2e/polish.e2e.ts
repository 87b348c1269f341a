import type { Page } from '@playwright/test';
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
});
