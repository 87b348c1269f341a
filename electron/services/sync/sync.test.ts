import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/annotations/anchoring';
import { openServices, type Services } from '../handlers';
import { openStore, STORE_FILE, STORE_VERSION } from '../store';
import { defaultSettings } from '../../../shared/model/settings';
import { tempDirs } from '../test-support';
import { startCountingProxy } from './counting-proxy.fixture';
import { freePort, startCouch, type CouchServer } from './pouchdb-server.fixture';

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-sync-');
let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouch();
}, 120_000);
afterAll(async () => {
  await couch.dispose();
});

let database = 0;
/** Two computers' worth of Facing, each with its own data folder, on one new database. */
async function twoComputers(server = couch, dirs: readonly [string, string] = [temp(), temp()]) {
  const db = `group${++database}`;
  const open = async (dataDir: string, displayName: string) => {
    const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    await services.handlers['sync:set']({ url: server.url, database: db, username: '', displayName, enabled: true, password: '' });
    return services;
  };
  const a = await open(dirs[0], 'Ana');
  const b = await open(dirs[1], 'Ben');
  // Ben edits Ana's annotations in these tests, as a reading group member may when allowed.
  await b.handlers['settings:set']({ patch: { editOthers: true } });
  return { a, b, db, open };
}

/** A computer started again on its data folder, with the sync settings it saved. */
const reopen = (dataDir: string) => openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });

async function highlight(services: Services, phrase: string, extra: object = {}) {
  const doc = await services.handlers['documents:get']({ id: '000' });
  const start = doc.text.indexOf(phrase);
  return services.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + phrase.length), colour: 'yellow', tags: [], note: '', ...extra });
}

/**
 * Polls until `check` passes (replication is asynchronous), failing with its last error. Generous on a
 * shared machine: how fast a change arrives is measured in bench/sync.ts, not asserted here.
 */
async function eventually(check: () => Promise<void> | void, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('sync between two computers through a real CouchDB server', { timeout: 60_000 }, () => {
  it('carries annotations, tags, deletions, alignments and reading positions both ways', async () => {
    const { a, b } = await twoComputers();
    const created = await highlight(a, 'talent pool has expanded', { tags: ['talent'], note: 'from A' });
    await eventually(async () => expect(await b.handlers['annotations:list']({})).toEqual([created]));
    // Reading groups: the annotation carries who made it, and the W3C export says so.
    expect(created.creator).toBe('Ana');
    const w3c = JSON.parse((await b.handlers['annotations:export']({ format: 'w3c' })).content);
    expect(w3c.first.items[0].creator).toEqual({ type: 'Person', name: 'Ana' });

    const retagged = await a.handlers['tags:rename']({ from: 'talent', to: 'people' });
    expect(retagged).toHaveLength(1);
    await eventually(async () => expect((await b.handlers['annotations:list']({}))[0]?.tags).toEqual(['people']));

    const edited = await b.handlers['annotations:update']({ id: created.id, patch: { note: 'edited on B' } });
    await eventually(async () => expect((await a.handlers['annotations:list']({}))[0]).toEqual(edited));

    await a.handlers['reading:save']({ documentId: '001', state: { paragraph: 7, offset: 12 } });
    await eventually(async () => expect((await b.handlers['documents:list']({})).find((d) => d.id === '001')?.reading).toMatchObject({ paragraph: 7, offset: 12 }));

    const computed = await a.handlers['alignment:get']({ left: '000', right: '001' });
    const rows = computed.rows.map((row, i) => (i === 0 ? { ...row, checked: true } : row));
    await a.handlers['alignment:save']({ left: '000', right: '001', rows });
    await eventually(async () => expect(await b.handlers['alignment:get']({ left: '000', right: '001' })).toMatchObject({ edited: true, rows }));

    await b.handlers['annotations:delete']({ ids: [created.id] });
    await eventually(async () => expect(await a.handlers['annotations:list']({})).toEqual([]));

    expect((await a.handlers['sync:status']({})).revision).toBeGreaterThan(0);
    await a.close();
    await b.close();
  });
});

describe('imported documents through sync', { timeout: 60_000 }, () => {
  it('arrive with their files so the other computer can open them, and a removal removes them there', async () => {
    const { a, b } = await twoComputers();
    const text = 'A Short Story\n\nThe lighthouse keeper counted the ships. Each night the lamp turned twice.';
    const { document } = await a.handlers['documents:import']({ name: 'story.txt', data: Buffer.from(text).toString('base64') });
    await eventually(async () => expect((await b.handlers['documents:list']({})).find((d) => d.id === document.id)).toMatchObject({ title: document.title, wordCount: document.wordCount }));
    expect((await b.handlers['documents:get']({ id: document.id })).text).toBe((await a.handlers['documents:get']({ id: document.id })).text);
    await a.handlers['documents:update']({ id: document.id, patch: { title: 'The Lighthouse' } });
    await eventually(async () => expect((await b.handlers['documents:list']({})).find((d) => d.id === document.id)?.title).toBe('The Lighthouse'));
    await a.handlers['documents:remove']({ id: document.id, annotations: 'keep' });
    await eventually(async () => expect((await b.handlers['documents:list']({})).find((d) => d.id === document.id)).toBeUndefined());
    await a.close();
    await b.close();
  });
});

describe('sync when things go wrong', { timeout: 120_000 }, () => {
  it('keeps both versions of a note changed on two computers while the server was down, on both', async () => {
    const server = await startCouch({ dir: temp() });
    const { a, b } = await twoComputers(server);
    const created = await highlight(a, 'talent pool has expanded', { note: 'first' });
    await eventually(async () => expect(await b.handlers['annotations:list']({})).toHaveLength(1));

    await server.stop();
    await a.handlers['annotations:update']({ id: created.id, patch: { note: 'changed on A' } });
    await b.handlers['annotations:update']({ id: created.id, patch: { note: 'changed on B' } });
    await eventually(async () => expect((await a.handlers['sync:status']({})).state).toBe('offline'), 15_000);
    expect((await a.handlers['sync:status']({})).pending).toBeGreaterThan(0);
    await server.start();

    for (const side of [a, b]) {
      await eventually(async () => {
        const conflicts = await side.handlers['sync:conflicts']({});
        expect(conflicts).toHaveLength(1);
        expect(new Set([(conflicts[0]!.winner as { note: string }).note, (conflicts[0]!.other as { note: string }).note])).toEqual(new Set(['changed on A', 'changed on B']));
      }, 70_000);
    }
    // The same winner everywhere, and it is what each side shows.
    const [onA, onB] = [(await a.handlers['sync:conflicts']({}))[0]!, (await b.handlers['sync:conflicts']({}))[0]!];
    expect(onA.winner).toEqual(onB.winner);
    await eventually(async () => expect((await a.handlers['annotations:list']({}))[0]?.note).toBe((onA.winner as { note: string }).note));
    await eventually(async () => expect((await b.handlers['annotations:list']({}))[0]?.note).toBe((onA.winner as { note: string }).note));
    expect(onA.winnerBy && onA.otherBy ? new Set([onA.winnerBy, onA.otherBy]) : null).toEqual(new Set(['Ana', 'Ben']));

    // Keep both: the other version becomes an annotation of its own, on both computers.
    await a.handlers['sync:resolve']({ id: onA.id, keep: 'both' });
    expect(await a.handlers['sync:conflicts']({})).toEqual([]);
    await eventually(async () => expect((await b.handlers['annotations:list']({})).map((x) => x.note).sort()).toEqual(['changed on A', 'changed on B']));
    await eventually(async () => expect(await b.handlers['sync:conflicts']({})).toEqual([]));
    await a.close();
    await b.close();
    await server.dispose();
  });

  it('brings every item exactly once when the server is SIGKILLed halfway through a first sync', async () => {
    const server = await startCouch({ dir: temp() });
    const dataDir = temp();
    const reader = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    const doc = await reader.handlers['documents:get']({ id: '000' });
    await reader.close();
    const now = new Date().toISOString();
    const annotations = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const start = (i * 7) % (doc.text.length - 30);
        return [id, { id, documentId: '000', target: describeRange(doc.text, start, start + 20), colour: 'blue', tags: [], note: `n${i}`, created: now, modified: now }];
      }),
    );
    writeFileSync(join(dataDir, STORE_FILE), JSON.stringify({ schemaVersion: STORE_VERSION, journal: 0, settings: defaultSettings, alignments: {}, annotations, documents: {}, reading: {}, quarantine: {} }));
    const settings = { url: server.url, database: 'big', username: '', displayName: 'A', enabled: true };
    const a = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    await a.handlers['sync:set'](settings);
    await eventually(async () => expect(((await (await fetch(`${server.url}/big`)).json()) as { doc_count: number }).doc_count).toBe(3000), 60_000);
    await a.close();

    const b = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    await b.handlers['sync:set']({ ...settings, displayName: 'B' });
    await eventually(async () => expect((await b.handlers['sync:status']({})).docs).toBeGreaterThan(0), 30_000);
    await server.stop('SIGKILL');
    const partial = (await b.handlers['annotations:list']({})).length;
    await server.start();
    await eventually(async () => expect((await b.handlers['annotations:list']({})).length).toBe(3000), 90_000);
    const ids = (await b.handlers['annotations:list']({})).map((x) => x.id);
    expect(new Set(ids).size).toBe(3000);
    expect(new Set(ids)).toEqual(new Set(Object.keys(annotations)));
    expect(partial).toBeLessThan(3000);
    await b.close();
    await server.dispose();
  });

  it('loses nothing when Facing is killed mid-sync, and sync resumes after the restart', async () => {
    const { b, db, open } = await twoComputers();
    const dataDir = temp();
    const first = await open(dataDir, 'Ana');
    await first.close();
    const acknowledged = await new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-writer.fixture.ts'), dataDir, 'killed'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').length > 40) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', () => resolve(out.split('\n').slice(0, -1)));
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    const a = await open(dataDir, 'Ana');
    await a.syncIdle();
    const onA = new Set((await a.handlers['annotations:list']({})).map((x) => x.id));
    expect(acknowledged.filter((id) => !onA.has(id))).toEqual([]);
    await eventually(async () => {
      const onB = new Set((await b.handlers['annotations:list']({})).map((x) => x.id));
      expect(acknowledged.filter((id) => !onB.has(id))).toEqual([]);
      expect(onB.size).toBe(onA.size);
    }, 20_000);
    expect(db).toMatch(/^group/);
    await a.close();
    await b.close();
  });

  it('says clearly when the server is unreachable, refuses the password or is not CouchDB, and changes nothing local', async () => {
    const dataDir = temp();
    const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    const created = await highlight(services, 'talent pool has expanded', { note: 'mine' });
    const settings = { database: 'facing', username: 'ana', displayName: 'Ana', enabled: true, password: 'wrong' };

    const nobody = `http://127.0.0.1:${await freePort()}`;
    expect(await services.handlers['sync:test']({ settings: { ...settings, url: nobody } })).toMatchObject({ ok: false, kind: 'unreachable', message: expect.stringMatching(/No server answered/) });

    const html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const htmlUrl = `http://127.0.0.1:${(html.address() as { port: number }).port}`;
    expect(await services.handlers['sync:test']({ settings: { ...settings, url: htmlUrl } })).toMatchObject({ ok: false, kind: 'not-couchdb', message: expect.stringMatching(/not as a CouchDB server \(HTTP 200, text\/html/) });

    const guarded = await startCouch();
    const admin = await fetch(`${guarded.url}/_config/admins/ana`, { method: 'PUT', body: JSON.stringify('right') });
    expect(admin.ok).toBe(true);
    expect(await services.handlers['sync:test']({ settings: { ...settings, url: guarded.url } })).toMatchObject({ ok: false, kind: 'unauthorized', message: expect.stringMatching(/refused this user name and password \(401\)/) });
    expect(await services.handlers['sync:test']({ settings: { ...settings, url: guarded.url, password: 'right' } })).toMatchObject({ ok: false, kind: 'no-database', canCreate: true });

    expect(await services.handlers['sync:test']({ settings: { ...settings, url: 'http://couch.example.org:5984' } })).toMatchObject({ ok: false, kind: 'insecure' });

    // Turned on against each: an error that says what to do, and the local annotation untouched.
    await services.handlers['sync:set']({ ...settings, url: guarded.url });
    expect(await services.handlers['sync:status']({})).toMatchObject({ state: 'error', message: expect.stringMatching(/refused this user name and password/) });
    await services.handlers['sync:set']({ ...settings, url: htmlUrl });
    expect(await services.handlers['sync:status']({})).toMatchObject({ state: 'error', message: expect.stringMatching(/not as a CouchDB server/) });
    await services.handlers['sync:set']({ ...settings, url: nobody });
    expect(await services.handlers['sync:status']({})).toMatchObject({ state: 'offline', message: expect.stringMatching(/cannot be reached/) });
    const got = await services.handlers['sync:get']({});
    expect(got).toMatchObject({ hasPassword: true, config: { url: nobody, username: 'ana' } });
    expect(JSON.stringify(got)).not.toContain('wrong');
    expect(await services.handlers['annotations:list']({})).toEqual([created]);

    await services.close();
    html.close();
    await guarded.dispose();
  });

  it('quarantines a document from the server that fails validation, and applies nothing of it', async () => {
    const { a, b, db } = await twoComputers();
    const created = await highlight(a, 'talent pool has expanded', { note: 'good' });
    await eventually(async () => expect(await b.handlers['annotations:list']({})).toHaveLength(1));
    const bad = '6f1d1c9e-2b7a-4b1e-9a53-2f3d8f3f1a22';
    const put = await fetch(`${couch.url}/${db}/annotation:${bad}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'annotation', origin: 'elsewhere', body: { ...created, id: bad, colour: 'chartreuse' } }) });
    expect(put.status).toBe(201);
    await eventually(async () => expect((await b.handlers['sync:get']({})).quarantine).toEqual([{ id: `annotation:${bad}`, reason: expect.stringMatching(/^colour/) }]));
    expect((await b.handlers['sync:status']({})).quarantined).toBe(1);
    expect((await b.handlers['annotations:list']({})).map((x) => x.id)).toEqual([created.id]);
    await a.close();
    await b.close();
  });
});

describe('alignment edits changed on two computers', { timeout: 400_000 }, () => {
  it('apply the same winner on both, set the other version aside in each store with a notice, and list it in the hub', async () => {
    const server = await startCouch({ dir: temp() });
    const dirs = [temp(), temp()] as const;
    const { a, b } = await twoComputers(server, dirs);
    const computed = await a.handlers['alignment:get']({ left: '000', right: '001' });
    const checkedAt = (i: number) => computed.rows.map((row, j) => (j === i ? { ...row, checked: true } : row));
    await a.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(0) });
    await eventually(async () => expect((await b.handlers['alignment:get']({ left: '000', right: '001' })).edited).toBe(true));

    await server.stop();
    await a.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(1) });
    await b.handlers['alignment:save']({ left: '000', right: '001', rows: checkedAt(2) });
    await eventually(async () => expect((await b.handlers['sync:status']({})).state).toBe('offline'), 15_000);
    await server.start();

    for (const side of [a, b]) {
      await eventually(async () => {
        const conflicts = await side.handlers['sync:conflicts']({});
        expect(conflicts.map((c) => [c.id, c.kind])).toEqual([['alignment:000:001', 'alignment']]);
      }, 120_000);
    }
    const [onA, onB] = [(await a.handlers['sync:conflicts']({}))[0]!, (await b.handlers['sync:conflicts']({}))[0]!];
    expect(onA.winner).toEqual(onB.winner);
    const winnerRows = (onA.winner as { rows: unknown }).rows;
    const otherRows = (onA.other as { rows: unknown }).rows;
    expect(new Set([JSON.stringify(winnerRows), JSON.stringify(otherRows)])).toEqual(new Set([JSON.stringify(checkedAt(1)), JSON.stringify(checkedAt(2))]));
    expect(new Set([onA.winnerBy, onA.otherBy])).toEqual(new Set(['Ana', 'Ben']));
    for (const side of [a, b]) {
      await eventually(async () => {
        const shown = await side.handlers['alignment:get']({ left: '000', right: '001' });
        expect(shown.rows).toEqual(winnerRows);
        expect(shown.notice).toMatch(/edited on two computers/);
      });
    }
    await a.syncIdle();
    await b.syncIdle();
    await a.close();
    await b.close();
    // Each store keeps the version it does not show, under a key that stays on that computer.
    for (const dir of dirs) {
      const store = await openStore(dir);
      const setAside = Object.entries(store.data.alignments).filter(([key]) => key.startsWith('000|001|conflict-'));
      await store.close();
      expect(setAside.map(([, value]) => (value as { rows: unknown }).rows)).toEqual([otherRows]);
    }

    // Choosing the other version: every computer shows it, and the notice and the conflict go.
    const [a2, b2] = [await reopen(dirs[0]), await reopen(dirs[1])];
    await eventually(async () => expect(await a2.handlers['sync:conflicts']({})).toHaveLength(1));
    await a2.handlers['sync:resolve']({ id: 'alignment:000:001', keep: 'other' });
    for (const side of [a2, b2]) {
      await eventually(async () => {
        const shown = await side.handlers['alignment:get']({ left: '000', right: '001' });
        expect(shown.rows).toEqual(otherRows);
        expect(shown.notice).toBeUndefined();
        expect(await side.handlers['sync:conflicts']({})).toEqual([]);
      });
    }
    await a2.close();
    await b2.close();
    await server.dispose();
  });
});

describe('imported documents’ files through sync', { timeout: 400_000 }, () => {
  const fileDocs = async (server: CouchServer, db: string) => {
    const listed = (await (await fetch(`${server.url}/${db}/_all_docs?startkey=${encodeURIComponent('"file:"')}&endkey=${encodeURIComponent('"file:\uffff"')}`)).json()) as { rows: Array<{ id: string; value: { rev: string } }> };
    return listed.rows;
  };
  const story = (sentences: number) => `A Long Story\n\n${Array.from({ length: sentences }, (_, i) => `The keeper counted ship ${i} and wrote its name down.${i % 20 === 19 ? '\n\n' : ' '}`).join('')}`;

  it('are stored once for two documents holding the same file, and travel once from two computers that import it', async () => {
    const { a, b, db } = await twoComputers();
    await b.close();
    // An equal-sided pair: two documents of the same bytes.
    const pair = await a.handlers['pairs:import']({ name: 'same.tsv', data: Buffer.from('Berlin is a city.\tBerlin is a city.\nIt has rivers.\tIt has rivers.\n').toString('base64') });
    expect('left' in pair && pair.left.id !== pair.right.id).toBe(true);
    await a.syncIdle();
    await eventually(async () => expect((await fileDocs(couch, db)).length).toBe(2));

    const text = story(8000);
    expect(text.length).toBeGreaterThan(300_000);
    const { document } = await a.handlers['documents:import']({ name: 'story.txt', data: Buffer.from(text).toString('base64') });
    await eventually(async () => expect((await fileDocs(couch, db)).length).toBe(4));

    // Another computer, sync off, imports the same file as a document of its own, then turns sync on through a proxy that counts what it sends.
    const proxy = await startCountingProxy(couch.url);
    const c = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    const own = (await c.handlers['documents:import']({ name: 'story.txt', data: Buffer.from(text).toString('base64') })).document;
    expect(own.id).not.toBe(document.id);
    await c.handlers['sync:set']({ url: proxy.url, database: db, username: '', displayName: 'Cleo', enabled: true });
    await eventually(async () => expect((await a.handlers['documents:list']({})).some((d) => d.id === own.id)).toBe(true));
    await eventually(async () => expect((await c.handlers['documents:list']({})).some((d) => d.id === document.id)).toBe(true));
    expect((await a.handlers['documents:blocks']({ id: own.id, from: 0, count: 20 })).text).toBe((await c.handlers['documents:blocks']({ id: document.id, from: 0, count: 20 })).text);
    // Still one document per file content on the server, each at its one revision: nothing stored twice, no conflict.
    const files = await fileDocs(couch, db);
    expect(files.length).toBe(4);
    expect(files.every((f) => f.value.rev.startsWith('1-'))).toBe(true);
    // What C sent holds its annotations-sized documents, not the 300 KB file again.
    expect(proxy.sent()).toBeLessThan(text.length / 2);
    expect(proxy.requests.some((r) => r.method === 'POST' && r.path.includes('_bulk_docs'))).toBe(true);

    // Removing both documents made of the file removes the file from the server too.
    await a.handlers['documents:remove']({ id: document.id, annotations: 'keep' });
    await c.handlers['documents:remove']({ id: own.id, annotations: 'keep' });
    await eventually(async () => expect((await fileDocs(couch, db)).length).toBe(2));
    await a.close();
    await c.close();
    await proxy.close();
  });
});

describe('settings through sync, when the user opts in', { timeout: 300_000 }, () => {
  it('carry the reading preferences to the same person’s other computer only, and never the backups kept', async () => {
    const db = `settings${++database}`;
    const open = async (displayName: string, syncSettings: boolean) => {
      const services = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
      await services.handlers['sync:set']({ url: couch.url, database: db, username: '', displayName, enabled: true, syncSettings });
      return services;
    };
    const laptop = await open('Ana', true);
    await laptop.handlers['settings:set']({ patch: { fontSize: 24, theme: 'sepia', measure: 80, backupsHourly: 48 } });
    await laptop.syncIdle();
    // Turned on later on Ana's desktop: it takes what Ana already synced.
    const desktop = await open('Ana', true);
    const otherPerson = await open('Ben', true);
    const optedOut = await open('Ana', false);
    await eventually(async () => expect(await desktop.handlers['settings:get']({})).toMatchObject({ fontSize: 24, theme: 'sepia', measure: 80, backupsHourly: 24 }));
    await desktop.handlers['settings:set']({ patch: { lineHeight: 2, parallelScrolling: 'apart' } });
    await eventually(async () => expect(await laptop.handlers['settings:get']({})).toMatchObject({ fontSize: 24, lineHeight: 2, parallelScrolling: 'apart', backupsHourly: 48 }));
    await otherPerson.syncIdle();
    await optedOut.syncIdle();
    for (const untouched of [otherPerson, optedOut]) expect(await untouched.handlers['settings:get']({})).toEqual(defaultSettings);
    for (const s of [laptop, desktop, otherPerson, optedOut]) await s.close();
  });
});
