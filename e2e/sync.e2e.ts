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

test.describe('sync conflicts', () => {
  test.skip(({ shell }) => shell !== 'web', 'The web shell runs the same services; one shell is enough for a server round trip.');
  let couch: CouchServer;
  let couchDir: string;
  test.beforeAll(async () => {
    couchDir = mkdtempSync(join(tmpdir(), 'facing-e2e-couch-'));
    couch = await startCouch({ dir: couchDir });
  });
  test.afterAll(async () => {
    await couch.dispose();
    rmSync(couchDir, { recursive: true, force: true });
  });
  // This computer and another change the same note while the server is down, before the app opens.
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const otherDir = mkdtempSync(join(tmpdir(), 'facing-e2e-b-'));
        const open = async (dir: string, name: string) => {
          const s = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
          await s.handlers['sync:set']({ url: couch.url, database: 'pair', username: '', displayName: name, enabled: true });
          return s;
        };
        const [mine, other] = [await open(dataDir, 'Ana'), await open(otherDir, 'Ben')];
        const doc = await mine.handlers['documents:get']({ id: '000' });
        const start = doc.text.indexOf('talent pool has expanded');
        const note = await mine.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + 24), colour: 'yellow', tags: ['growth'], note: 'First thoughts' });
        const arrived = async () => (await other.handlers['annotations:list']({})).length === 1;
        for (let i = 0; i < 300 && !(await arrived()); i++) await new Promise((r) => setTimeout(r, 100));
        await couch.stop();
        await mine.handlers['annotations:update']({ id: note.id, patch: { note: 'Rewritten on the laptop' } });
        await other.handlers['annotations:update']({ id: note.id, patch: { note: 'Rewritten on the desktop', tags: ['growth', 'check'] } });
        await couch.start();
        const listed = async () => (await mine.handlers['sync:conflicts']({})).length === 1;
        for (let i = 0; i < 900 && !(await listed()); i++) await new Promise((r) => setTimeout(r, 100));
        await other.close();
        await mine.close();
        rmSync(otherDir, { recursive: true, force: true });
      },
    },
  });

  test('shows a note changed on two computers in the hub, and keeps both on request', async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 860 });
    await app.open('#/annotations');
    const conflict = page.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1, { timeout: 15_000 });
    await expect(conflict).toContainText('Rewritten on the laptop');
    await expect(conflict).toContainText('Rewritten on the desktop');
    await expect(conflict).toContainText(/by Ana/);
    await expect(conflict).toContainText(/by Ben/);
    if (shots) await page.screenshot({ path: join(shots, 'sync-conflict.png') });
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(app.hub.cards).toHaveCount(2);
  });
});
