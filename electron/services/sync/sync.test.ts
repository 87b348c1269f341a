import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/annotations/anchoring';
import { openServices, type Services } from '../handlers';
import { tempDirs } from '../test-support';
import { startCouch, type CouchServer } from './pouchdb-server.fixture';

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-sync-');
let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouch();
});
afterAll(async () => {
  await couch.dispose();
});

let database = 0;
/** Two computers' worth of Facing, each with its own data folder, on one new database. */
async function twoComputers() {
  const db = `group${++database}`;
  const open = async (dataDir: string, displayName: string) => {
    const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
    await services.handlers['sync:set']({ url: couch.url, database: db, username: '', displayName, enabled: true, password: '' });
    return services;
  };
  const a = await open(temp(), 'Ana');
  const b = await open(temp(), 'Ben');
  return { a, b, db, open };
}

async function highlight(services: Services, phrase: string, extra: object = {}) {
  const doc = await services.handlers['documents:get']({ id: '000' });
  const start = doc.text.indexOf(phrase);
  return services.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + phrase.length), colour: 'yellow', tags: [], note: '', ...extra });
}

/** Polls until `check` passes (replication is asynchronous), failing with its last error after 5 s. */
async function eventually(check: () => Promise<void> | void, ms = 5000): Promise<void> {
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
  it('carries annotations, tags, deletions, alignments and reading positions both ways within 5 s', async () => {
    const { a, b } = await twoComputers();
    const created = await highlight(a, 'talent pool has expanded', { tags: ['talent'], note: 'from A' });
    await eventually(async () => expect(await b.handlers['annotations:list']({})).toEqual([created]));

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
