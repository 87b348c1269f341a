import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeRange } from '../shared/annotations/anchoring';
import { openServices } from '../electron/services/handlers';
import { startCouch, type CouchServer } from '../electron/services/sync/pouchdb-server.fixture';
import { expect, test } from './fixtures';

// Sync through a real pouchdb-server on 127.0.0.1: set up in Settings → Sync, and a change made on
// another computer appears on the open screen without a reload.
const shots = process.env.FACING_SCREENSHOT_DIR;

test.describe('sync', () => {
  test.skip(({ shell }) => shell !== 'web', 'The web shell runs the same services; one shell is enough for a server round trip.');
  let couch: CouchServer;
  test.beforeAll(async () => {
    couch = await startCouch();
  });
  test.afterAll(async () => {
    await couch.dispose();
  });

  test('is set up in Settings → Sync, and another computer’s note appears on the open hub', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 860 });
    await app.library.waitForLoad();
    await expect(page.getByTestId('sync-indicator')).toHaveText(/Sync/);
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-url').fill(couch.url);
    await page.getByTestId('sync-database').fill('reading-group');
    await page.getByTestId('sync-display-name').fill('Ana');
    await page.getByTestId('sync-test').click();
    await expect(page.getByTestId('sync-message')).toHaveText(/no database named reading-group\. Facing will create it/);
    await page.getByTestId('sync-enabled').check();
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-state')).toHaveText(/Up to date/, { timeout: 30_000 });
    if (shots) await page.screenshot({ path: join(shots, 'sync-panel.png') });

    const otherDir = mkdtempSync(join(tmpdir(), 'facing-e2e-b-'));
    const other = await openServices({ dataDir: otherDir, corpusDir: app.corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
    try {
      await other.handlers['sync:set']({ url: couch.url, database: 'reading-group', username: '', displayName: 'Ben', enabled: true });
      await app.open('#/annotations');
      await expect(app.hub.cards).toHaveCount(0);
      const doc = await other.handlers['documents:get']({ id: '000' });
      const start = doc.text.indexOf('talent pool has expanded');
      await other.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + 24), colour: 'green', tags: ['group'], note: 'Written on the other computer' });
      await expect(app.hub.cards).toHaveCount(1, { timeout: 15_000 });
      await expect(app.hub.cards.first()).toContainText('Written on the other computer');
      await app.open('#/');
      await expect(page.getByTestId('sync-indicator')).toHaveText(/Up to date/);
      if (shots) await page.screenshot({ path: join(shots, 'sync-header.png') });
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
