import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeRange } from '../shared/annotations/anchoring';
import { openServices } from '../electron/services/handlers';
import { startCountingProxy, type CountingProxy } from '../electron/services/sync/counting-proxy.fixture';
import { startCouch, type CouchServer } from '../electron/services/sync/pouchdb-server.fixture';
import { sample } from './data/documents';
import { expect, test, IMPORT_TIMEOUT } from './fixtures';

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
    test.setTimeout(240_000);
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
      // A row checked on the other computer shows on the side-by-side view open here.
      await app.open('#/parallel/000/001');
      await app.parallel.waitForRows();
      await expect(app.parallel.row(2).locator('.prow-checked')).toHaveCount(0);
      const { rows } = await other.handlers['alignment:get']({ left: '000', right: '001' });
      await other.handlers['alignment:save']({ left: '000', right: '001', rows: rows.map((r, k) => (k === 2 ? { ...r, checked: true } : r)) });
      await expect(app.parallel.row(2).locator('.prow-checked')).toBeVisible({ timeout: 15_000 });
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
        const computed = await mine.handlers['alignment:get']({ left: '000', right: '001' });
        const checkedAt = (i: number) => computed.rows.map((row, j) => (j === i ? { ...row, checked: true } : row));
        await mine.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(0) });
        const arrived = async () => (await other.handlers['annotations:list']({})).length === 1 && (await other.handlers['alignment:get']({ left: '000', right: '001' })).edited;
        for (let i = 0; i < 300 && !(await arrived()); i++) await new Promise((r) => setTimeout(r, 100));
        await couch.stop();
        await mine.handlers['annotations:update']({ id: note.id, patch: { note: 'Rewritten on the laptop' } });
        await other.handlers['settings:set']({ patch: { editOthers: true } });
        await other.handlers['annotations:update']({ id: note.id, patch: { note: 'Rewritten on the desktop', tags: ['growth', 'check'] } });
        await mine.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(1) });
        await other.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(2) });
        await couch.start();
        const listed = async () => (await mine.handlers['sync:conflicts']({})).length === 2;
        for (let i = 0; i < 900 && !(await listed()); i++) await new Promise((r) => setTimeout(r, 100));
        await other.close();
        await mine.close();
        rmSync(otherDir, { recursive: true, force: true });
      },
    },
  });

  test('shows a note and an alignment changed on two computers in the hub, and keeps both notes or the other alignment on request', async ({ app }, testInfo) => {
    test.setTimeout(400_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 860 });
    await app.open('#/annotations');
    const conflict = page.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1, { timeout: 15_000 });
    await expect(conflict).toContainText('Rewritten on the laptop');
    await expect(conflict).toContainText('Rewritten on the desktop');
    await expect(conflict).toContainText(/by Ana/);
    await expect(conflict).toContainText(/by Ben/);
    const alignment = page.getByTestId('sync-conflict-alignment');
    await expect(alignment).toHaveCount(1);
    await expect(alignment).toContainText(/Alignment of .* and /);
    await expect(alignment).toContainText(/1 checked/);
    await expect(alignment).toContainText('2 rows differ between the two versions.');
    if (shots) await page.screenshot({ path: join(shots, 'sync-conflict.png') });
    await page.screenshot({ path: testInfo.outputPath('conflicts.png'), fullPage: true });
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(app.hub.cards).toHaveCount(2);

    // The side-by-side view says its alignment has another version set aside, until one is chosen.
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(page.getByRole('status').filter({ hasText: 'edited on two computers' })).toBeVisible();
    await app.open('#/annotations');
    await alignment.getByRole('button', { name: 'Keep other' }).click();
    await expect(alignment).toHaveCount(0);
    // Back to the pair it still has open: the side-by-side view reads the choice without a reload.
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(page.getByText('edited on two computers')).toHaveCount(0);
  });
});

test.describe('sync and the network', () => {
  test.skip(({ shell }) => shell !== 'web', 'The web host runs the services in this process, where its connections can be watched.');
  let couch: CouchServer;
  let proxy: CountingProxy;
  test.beforeAll(async () => {
    couch = await startCouch();
    proxy = await startCountingProxy(couch.url);
  });
  test.afterAll(async () => {
    await proxy.close();
    await couch.dispose();
  });

  test('with sync on, the window asks only the app, and the app only the configured server', async ({ app }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // Every outgoing connection of this process (the web host's services run in it): where it went, and any name looked up.
    const connections: string[] = [];
    const lookups: string[] = [];
    const watch = (message: unknown) => {
      const { socket } = message as { socket: Socket };
      let noted = false;
      const note = (address: string) => {
        if (!noted) connections.push(address);
        noted = true;
      };
      socket.once('connectionAttempt', (ip: string, port: number) => note(`${ip}:${port}`));
      socket.once('connect', () => note(`${socket.remoteAddress}:${socket.remotePort}`));
      socket.once('lookup', (_error: unknown, _address: unknown, _family: unknown, host: string) => lookups.push(host));
    };
    subscribe('net.client.socket', watch);
    try {
      await app.library.waitForLoad();
      await page.getByTestId('sync-indicator').click();
      await page.getByTestId('sync-url').fill(proxy.url);
      await page.getByTestId('sync-database').fill('quiet');
      await page.getByTestId('sync-display-name').fill('Ana');
      await page.getByTestId('sync-enabled').check();
      await page.getByTestId('sync-save').click();
      await expect(page.getByTestId('sync-state')).toHaveText(/Up to date/, { timeout: 30_000 });

      await app.open('#/');
      await app.library.waitForLoad();
      const hostile = testInfo.outputPath('hostile.html');
      writeFileSync(hostile, sample.html.replace('</body>', '<link rel="stylesheet" href="https://example.org/x.css"><img src="https://example.org/pixel.png"></body>'));
      await page.getByTestId('import-documents').setInputFiles([hostile]);
      await expect(page.getByTestId('import-report').locator('li.import-done')).toHaveCount(1, { timeout: IMPORT_TIMEOUT });
      await app.library.open('Hostile Page');
      await expect(app.reader.title).toHaveText('Hostile Page');
      await app.open('#/read/000');
      await app.annotations.highlight(app.reader.article, 'angel funds');
      await app.annotations.writeNote('![tracker](https://example.org/t.png) [link](https://example.org)');
      await app.annotations.editor.getByRole('tab', { name: 'Preview' }).click();
      await app.annotations.done();
      await app.open('#/parallel/000/001');
      await app.parallel.waitForRows();
      await app.open('#/annotations');
      await expect(app.hub.cards).toHaveCount(1);
      // Sent: the highlight, the imported page and its files reached the server through the configured address.
      await expect.poll(() => proxy.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/quiet/_bulk_docs')).reduce((sum, r) => sum + r.sent, 0), { timeout: 30_000 }).toBeGreaterThan(sample.html.length);
      await app.open('#/');
      await expect(page.getByTestId('sync-indicator')).toHaveText(/Up to date/, { timeout: 30_000 });
    } finally {
      unsubscribe('net.client.socket', watch);
    }

    expect(requests.filter((url) => !url.startsWith(`${app.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    expect(lookups).toEqual([]);
    const server = `127.0.0.1:${proxy.port}`;
    const behindProxy = `127.0.0.1:${couch.port}`;
    expect(connections.filter((c) => c !== server && c !== behindProxy)).toEqual([]);
    expect(connections.filter((c) => c === server).length).toBeGreaterThan(0);
    // Connections to the real server were the proxy's own, never the app going round it.
    expect(connections.filter((c) => c === behindProxy).length).toBeLessThanOrEqual(proxy.upstreamConnections());
    expect(proxy.requests.filter((r) => !(r.path === '/' || r.path.startsWith('/quiet') || r.path.startsWith('/_session')))).toEqual([]);
    const stored = (await (await fetch(`${couch.url}/quiet/_all_docs`)).json()) as { rows: Array<{ id: string }> };
    expect(stored.rows.map((r) => r.id.split(':')[0])).toEqual(expect.arrayContaining(['annotation', 'document', 'file']));
  });
});
