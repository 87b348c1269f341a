import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDirs } from './test-support';
import { describeRange } from '../../shared/annotations/anchoring';
import { dispatch } from '../../shared/ipc/dispatch';
import { sample } from '../../e2e/data/documents';
import { openServices } from './handlers';
import { openCorpus } from './corpus';
import { openLibrary } from './library';
import { openStore } from './store';

// The first import starts an import worker, compiled from source: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-lib-');

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const germanSeed = readFileSync(join(bundled, '001_60f9e0f360a24205.txt'), 'utf8');

async function setup(dataDir = temp()) {
  const { handlers } = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test' });
  return { handlers, dataDir };
}

describe('the library', () => {
  it('imports a file into the data folder, lists it, opens it, and keeps it after a restart', async () => {
    const { handlers, dataDir } = await setup();
    const { document } = await handlers['documents:import']({ name: 'story.txt', data: base64(sample.txt) });
    expect(document).toMatchObject({ title: 'A Plain Text Story', language: 'en', origin: 'imported', format: 'txt', originalName: 'story.txt' });
    const folder = join(dataDir, 'library', document.id);
    expect(readFileSync(join(folder, 'original.txt'), 'utf8')).toBe(sample.txt);
    const again = (await setup(dataDir)).handlers;
    expect((await again['documents:list']({})).map((d) => d.id)).toContain(document.id);
    expect((await again['documents:get']({ id: document.id })).paragraphs).toHaveLength(3);
  });

  it("gives a document's text alone, read from its stored blocks or from the open document, as the whole document has it", async () => {
    const dataDir = temp();
    const store = await openStore(dataDir);
    const library = openLibrary(await openCorpus(bundled), store, dataDir);
    const { document } = await library.import('story.md', Buffer.from(sample.md));
    const fromBlocks = await library.text(document.id);
    expect(fromBlocks).toBe((await library.get(document.id)).text);
    expect(await library.text(document.id)).toBe(fromBlocks);
    expect(await library.text('001')).toBe((await library.get('001')).text);
    await expect(library.text('nope')).rejects.toThrow(/nope/);
    await store.close();
  });

  it('suggests the original of an imported translation, and pairs and unpairs it', async () => {
    const { handlers } = await setup();
    const { document, suggestions } = await handlers['documents:import']({ name: 'pressemitteilung.txt', data: base64(germanSeed) });
    expect(document.language).toBe('de');
    expect(suggestions[0]).toMatchObject({ id: '000' });
    const paired = await handlers['documents:update']({ id: document.id, patch: { translationOf: '000', title: 'Pressemitteilung' } });
    expect(paired).toMatchObject({ translationOf: '000', title: 'Pressemitteilung' });
    expect((await handlers['alignment:get']({ left: '000', right: document.id })).rows.length).toBeGreaterThan(10);
    expect(await handlers['documents:update']({ id: document.id, patch: { translationOf: null } })).not.toHaveProperty('translationOf');
  });

  it('refuses to edit or remove a bundled document, and a bad import leaves the library unchanged', async () => {
    const { handlers, dataDir } = await setup();
    expect(await dispatch(handlers, 'documents:remove', { id: '000', annotations: 'keep' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const before = await handlers['documents:list']({});
    const bad = await dispatch(handlers, 'documents:import', { name: 'photo.txt', data: base64(Buffer.from([0xff, 0xd8, 0x00, 0x01])) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/binary data/) } });
    expect(await handlers['documents:list']({})).toEqual(before);
    expect(existsSync(join(dataDir, 'library')) ? readdirSync(join(dataDir, 'library')) : []).toEqual([]);
  });

  it('removes a document, keeping its annotations as orphans or deleting them, as asked', async () => {
    const { handlers } = await setup();
    for (const choice of ['keep', 'delete'] as const) {
      const { document } = await handlers['documents:import']({ name: `s-${choice}.txt`, data: base64(sample.txt) });
      const doc = await handlers['documents:get']({ id: document.id });
      await handlers['annotations:create']({ documentId: document.id, target: describeRange(doc.text, 0, 7), colour: 'blue', tags: [], note: '' });
      // Listed once (found in place) before the document goes: the list after must not trust that.
      expect((await handlers['annotations:list']({})).find((a) => a.documentId === document.id)?.anchor?.method).toBe('position');
      const { removedAnnotations } = await handlers['documents:remove']({ id: document.id, annotations: choice });
      expect(removedAnnotations).toBe(choice === 'delete' ? 1 : 0);
      const left = (await handlers['annotations:list']({})).filter((a) => a.documentId === document.id);
      expect(left.map((a) => a.anchor)).toEqual(choice === 'keep' ? [null] : []);
      expect(await dispatch(handlers, 'documents:get', { id: document.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('remembers the reading position and when a document was opened', async () => {
    const { handlers } = await setup();
    await handlers['documents:get']({ id: '002' });
    await handlers['reading:save']({ documentId: '002', state: { paragraph: 4 } });
    const summary = (await handlers['documents:list']({})).find((d) => d.id === '002')!;
    expect(summary.reading).toMatchObject({ paragraph: 4, opened: expect.any(String) });
  });

  it('lists from its last list until the store changes, whoever changes it', async () => {
    const dataDir = temp();
    const store = await openStore(dataDir);
    const library = openLibrary(await openCorpus(bundled), store, dataDir);
    const { document } = await library.import('story.txt', Buffer.from(sample.txt));
    const first = await library.list();
    first.length = 0;
    expect((await library.list()).map((d) => d.id)).toContain(document.id);
    // Written to the store by another service (sync, a restore), not through the library.
    const raw = store.data.documents[document.id] as { meta: object };
    const renamed = store.commit([{ c: 'documents', k: document.id, v: { ...raw, meta: { ...raw.meta, title: 'Renamed' } } }]);
    // Already in the data before the commit is on disk: so is the list.
    expect((await library.list()).find((d) => d.id === document.id)?.title).toBe('Renamed');
    await renamed;
    await store.commit([{ c: 'reading', k: '002', v: { paragraph: 9 } }]);
    expect((await library.list()).find((d) => d.id === '002')?.reading).toMatchObject({ paragraph: 9 });
    await store.close();
  });
});

describe('full-text search', () => {
  it('finds words, prefixes and phrases across the corpus, without regard to accents', async () => {
    const { handlers } = await setup();
    await handlers['documents:import']({ name: 'namen.txt', data: base64('Herr Müller besuchte Chongqing.\n\nFrau Schmidt blieb zu Hause.') });
    const muller = await handlers['search:query']({ query: 'Muller' });
    expect(muller.hits.map((h) => h.parts.filter((p) => p.hit).map((p) => p.text))).toEqual([['Müller']]);
    const prefix = await handlers['search:query']({ query: 'Chongq' });
    expect(new Set(prefix.hits.map((h) => h.documentId)).size).toBeGreaterThan(4);
    const phrase = await handlers['search:query']({ query: '"angel funds"' });
    expect(phrase.hits.map((h) => [h.documentId, h.paragraph])).toEqual([['000', 2]]);
    expect((await handlers['search:query']({ query: '"funds angel"' })).hits).toEqual([]);
  });

  it('forgets a removed document', async () => {
    const { handlers } = await setup();
    const { document } = await handlers['documents:import']({ name: 'zebra.txt', data: base64('Zebras graze quietly.') });
    expect((await handlers['search:query']({ query: 'zebras' })).total).toBe(1);
    await handlers['documents:remove']({ id: document.id, annotations: 'delete' });
    expect((await handlers['search:query']({ query: 'zebras' })).total).toBe(0);
  });
});
