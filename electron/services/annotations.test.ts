import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './test-support';
import { describeRange } from '../../shared/annotations/anchoring';
import { dispatch } from '../../shared/ipc/dispatch';
import { openServices } from './handlers';
import { openStore } from './store';
import { createAnnotationService } from './annotations';
import { openCorpus } from './corpus';
import { openLibrary } from './library';
import { shelfOf } from './store/shelf';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-ann-');

async function setup(dataDir = temp(), corpusDir = bundled) {
  const { handlers } = await openServices({ dataDir, corpusDir, shell: 'web', version: 'test' });
  const doc = await handlers['documents:get']({ id: '000' });
  const highlight = (phrase: string, extra: object = {}) => {
    const start = doc.text.indexOf(phrase);
    return handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + phrase.length), colour: 'yellow', tags: [], note: '', ...extra });
  };
  return { handlers, doc, highlight, dataDir };
}

const strip = <T extends { anchor: unknown }>({ anchor: _a, ...rest }: T) => rest;

describe('annotations', () => {
  it('creates an annotation that is anchored and still there after a restart', async () => {
    const { highlight, dataDir } = await setup();
    const created = await highlight('talent pool has expanded', { tags: ['talent', 'growth'], note: 'Compare **15%**' });
    expect(created).toMatchObject({ documentId: '000', colour: 'yellow', tags: ['talent', 'growth'], anchor: { method: 'position' } });
    const again = await setup(dataDir);
    expect(await again.handlers['annotations:list']({ documentId: '000' })).toEqual([created]);
  });

  it('refuses a selection that does not match the text', async () => {
    const { handlers, doc } = await setup();
    const target = describeRange(doc.text, 10, 20);
    target.quote.exact = 'something else';
    const result = await dispatch(handlers, 'annotations:create', { documentId: '000', target, colour: 'blue' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/does not match/) } });
  });

  it('edits, deletes and restores exactly', async () => {
    const { handlers, highlight } = await setup();
    const a = await highlight('angel funds');
    const edited = await handlers['annotations:update']({ id: a.id, patch: { colour: 'pink', tags: ['Funding', 'funding '], note: 'x' } });
    expect(edited).toMatchObject({ colour: 'pink', tags: ['Funding'], note: 'x' });
    const [removed] = await handlers['annotations:delete']({ ids: [a.id] });
    expect(await handlers['annotations:list']({})).toEqual([]);
    await handlers['annotations:restore']({ annotations: [removed!] });
    expect(await handlers['annotations:list']({})).toEqual([edited]);
  });

  it('renames, merges and deletes tags, returning what undo needs', async () => {
    const { handlers, highlight } = await setup();
    const a = await highlight('angel funds', { tags: ['finance'] });
    const b = await highlight('Jinfeng Laboratory', { tags: ['Finance', 'labs'] });
    const before = await handlers['tags:rename']({ from: 'FINANCE', to: 'labs' });
    expect(before.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const after = await handlers['annotations:list']({});
    expect(after.map((x) => x.tags)).toEqual([['labs'], ['labs']]);
    await handlers['annotations:restore']({ annotations: before });
    expect((await handlers['annotations:list']({})).map((x) => x.tags)).toEqual([['finance'], ['Finance', 'labs']]);
    await handlers['tags:delete']({ tag: 'labs' });
    expect((await handlers['annotations:list']({})).map((x) => x.tags)).toEqual([['finance'], ['Finance']]);
  });

  it.each(['json', 'w3c'] as const)('round-trips %s: export, wipe, import, identical', async (format) => {
    const { handlers, highlight } = await setup();
    await highlight('angel funds', { tags: ['a', 'b'], note: '# Note\n\nwith *markdown*' });
    await highlight('Jinfeng Laboratory', { colour: 'green' });
    const before = await handlers['annotations:list']({});
    const file = await handlers['annotations:export']({ format });
    await handlers['annotations:delete']({ ids: before.map((a) => a.id) });
    expect(await handlers['annotations:import']({ content: file.content })).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(await handlers['annotations:list']({})).toEqual(before);
    expect(await handlers['annotations:import']({ content: file.content })).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: 0 });
  });

  it('importing an older export keeps the newer edits and says how many were skipped', async () => {
    const { handlers, highlight } = await setup();
    const a = await highlight('angel funds', { tags: ['finance'] });
    const b = await highlight('Jinfeng Laboratory', { tags: ['finance'] });
    const c = await highlight('talent pool has expanded', { tags: ['people'] });
    const earlier = await handlers['annotations:export']({ format: 'json' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handlers['tags:rename']({ from: 'finance', to: 'money' });
    expect(await handlers['annotations:import']({ content: earlier.content })).toEqual({ added: 0, updated: 0, unchanged: 1, skipped: 2 });
    const tags = new Map((await handlers['annotations:list']({})).map((x) => [x.id, x.tags]));
    expect([tags.get(a.id), tags.get(b.id), tags.get(c.id)]).toEqual([['money'], ['money'], ['people']]);

    // A genuinely newer copy from elsewhere still wins.
    const file = JSON.parse(earlier.content) as { annotations: Array<{ id: string; modified: string; note: string }> };
    const later = file.annotations.find((x) => x.id === c.id)!;
    later.modified = new Date(Date.now() + 60_000).toISOString();
    later.note = 'edited on the laptop';
    expect(await handlers['annotations:import']({ content: JSON.stringify(file) })).toEqual({ added: 0, updated: 1, unchanged: 0, skipped: 2 });
    expect((await handlers['annotations:list']({})).find((x) => x.id === c.id)!.note).toBe('edited on the laptop');
  });

  it("keeps the title of a removed document on the annotations it orphans", async () => {
    const { handlers } = await setup();
    const data = Buffer.from('A Short Story\n\nThe lighthouse keeper counted the ships every night.\n').toString('base64');
    const { document } = await handlers['documents:import']({ name: 'story.txt', data });
    const doc = await handlers['documents:get']({ id: document.id });
    const start = doc.text.indexOf('lighthouse keeper');
    await handlers['annotations:create']({ documentId: document.id, target: describeRange(doc.text, start, start + 17), colour: 'blue', tags: [], note: '' });
    await handlers['documents:remove']({ id: document.id, annotations: 'keep' });
    const [orphan] = await handlers['annotations:list']({ documentId: document.id });
    expect(orphan).toMatchObject({ anchor: null, documentTitle: document.title });
    const markdown = await handlers['annotations:export']({ format: 'markdown' });
    expect(markdown.content).toContain(`## ${document.title}`);
  });

  it('lists one document without the others, and keeps the index right through edits, moves and deletes', async () => {
    const { handlers, highlight } = await setup();
    const english = await highlight('angel funds');
    const german = await handlers['documents:get']({ id: '001' });
    const at = german.text.indexOf('Start-ups');
    const other = await handlers['annotations:create']({ documentId: '001', target: describeRange(german.text, at, at + 9), colour: 'pink', tags: [], note: '' });
    expect((await handlers['annotations:list']({ documentId: '000' })).map((a) => a.id)).toEqual([english.id]);
    expect((await handlers['annotations:list']({ documentId: '001' })).map((a) => a.id)).toEqual([other.id]);
    await handlers['annotations:delete']({ ids: [english.id] });
    expect(await handlers['annotations:list']({ documentId: '000' })).toEqual([]);
    await handlers['annotations:restore']({ annotations: [strip(english)] });
    expect((await handlers['annotations:list']({ documentId: '000' })).map((a) => a.id)).toEqual([english.id]);
    expect(await handlers['annotations:list']({ documentId: '002' })).toEqual([]);
  });

  it('refuses a bad import and changes nothing', async () => {
    const { handlers, highlight } = await setup();
    await highlight('angel funds');
    const before = await handlers['annotations:list']({});
    for (const content of ['not json', '{"format":"facing-annotations","version":1,"annotations":[{"id":"x"}]}']) {
      const result = await dispatch(handlers, 'annotations:import', { content });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const huge = await dispatch(handlers, 'annotations:import', { content: ' '.repeat(100 * 1024 * 1024) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [expect.stringMatching(/limited to 20 MB/)] } });
    expect(await handlers['annotations:list']({})).toEqual(before);
  });

  it('follows the passage when the document changes, and keeps an orphan when it is gone', async () => {
    const corpus = temp();
    cpSync(bundled, corpus, { recursive: true });
    const dataDir = temp();
    const first = await setup(dataDir, corpus);
    const moved = await first.highlight('exploring mechanisms like');
    const lost = await first.highlight('Jinfeng Laboratory');
    const file = join(corpus, '000_215b7419f4917f36.txt');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `A new first paragraph.\n\n${text.replace('exemplified by Jinfeng Laboratory', 'such as a new lab')}`);
    const list = await (await setup(dataDir, corpus)).handlers['annotations:list']({ documentId: '000' });
    const byId = new Map(list.map((a) => [a.id, a]));
    expect(byId.get(moved.id)!.anchor).toMatchObject({ method: 'exact' });
    expect(byId.get(lost.id)!.anchor).toBeNull();
    expect(strip(byId.get(lost.id)!)).toEqual(strip(lost));
  });

  it("keeps a document's list ready and in step with every change, its own and other computers'", async () => {
    const store = await openStore(temp());
    const corpus = await openCorpus(bundled);
    const service = await createAnnotationService(corpus, store);
    const doc = await corpus.get('000');
    const on = (phrase: string) => ({ documentId: '000', target: describeRange(doc.text, doc.text.indexOf(phrase), doc.text.indexOf(phrase) + phrase.length), colour: 'yellow' as const });
    const b = await service.create(on('Jinfeng Laboratory'));
    const a = await service.create(on('angel funds'));
    const inOrder = [a, b].sort((x, y) => x.target.position.start - y.target.position.start).map((x) => x.id);
    const first = await service.list('000');
    expect(first.map((x) => x.id)).toEqual(inOrder);
    first.pop();
    expect((await service.list('000')).map((x) => x.id)).toEqual(inOrder);
    await service.update(a.id, { colour: 'pink' });
    expect((await service.list('000')).find((x) => x.id === a.id)?.colour).toBe('pink');
    const { anchor: _anchor, ...stored } = b;
    await store.commit([{ c: 'annotations', k: b.id, v: { ...stored, note: 'from the other computer' } }], 'sync');
    expect((await service.list('000')).find((x) => x.id === b.id)?.note).toBe('from the other computer');
    await service.remove([a.id]);
    expect((await service.list('000')).map((x) => x.id)).toEqual([b.id]);
    await store.commit([{ c: 'annotations', k: b.id, v: null }], 'sync');
    expect(await service.list('000')).toEqual([]);
    await store.close();
  });

  it('quarantines a damaged stored annotation with a notice and keeps the rest', async () => {
    const dataDir = temp();
    const { highlight } = await setup(dataDir);
    const good = await highlight('angel funds');
    const store = await openStore(dataDir);
    await store.commit([{ c: 'annotations', k: 'broken', v: { id: 'broken', colour: 12 } }]);
    await store.close();
    const { handlers } = await setup(dataDir);
    const info = await handlers['app:info']({});
    expect(info.notices.map((n) => n.message).join('\n')).toMatch(/One stored annotation was damaged and could not be shown. It was kept/);
    expect((await handlers['annotations:list']({})).map((a) => a.id)).toEqual([good.id]);
    expect((await openStore(dataDir)).data.quarantine).toEqual({ 'annotations:broken': { id: 'broken', colour: 12 } });
  });
});

describe('annotations read per document', () => {
  it('reads and checks a document\'s stored annotations when it is first listed, and reports a damaged one then', async () => {
    const dataDir = temp();
    const corpus = await openCorpus(bundled);
    const mark = async (service: Awaited<ReturnType<typeof createAnnotationService>>, documentId: string) => {
      const { text } = await corpus.get(documentId);
      return service.create({ documentId, target: describeRange(text, 100, 140), colour: 'blue', tags: [], note: '' });
    };
    const first = await openStore(dataDir);
    const service = await createAnnotationService(corpus, first);
    const a = await mark(service, '000');
    const b = await mark(service, '001');
    const damaged = { ...strip(b), id: '0c0b3a1e-5f5d-4c57-9d0c-3a1c2e4b5f60', colour: 'plaid' };
    await first.commit([{ c: 'annotations', k: damaged.id, v: damaged }]);
    await first.compact();
    await first.close();

    const store = await openStore(dataDir);
    const later = await createAnnotationService(corpus, store);
    const shelf = shelfOf(store.data);
    expect(shelf.parsed).toEqual({});
    expect((await later.list('000')).map((x) => x.id)).toEqual([a.id]);
    expect(Object.keys(shelf.parsed)).toEqual([a.id]);
    await later.update(a.id, { note: 'read only where it lives' });
    expect(Object.keys(shelf.parsed)).toEqual([a.id]);
    expect(later.notices).toEqual([]);
    expect((await later.list('001')).map((x) => x.id)).toEqual([b.id]);
    expect(later.notices.map((n) => n.message).join('\n')).toMatch(/One stored annotation was damaged/);
    expect(store.data.quarantine[`annotations:${damaged.id}`]).toEqual(damaged);
    expect((await later.list()).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    await store.close();
  });

  it('an annotation in a block filed under another document is listed in its own document the first time, and after the block is read', async () => {
    const dataDir = temp();
    const corpus = await openCorpus(bundled);
    const first = await openStore(dataDir);
    const service = await createAnnotationService(corpus, first);
    const { text } = await corpus.get('000');
    const a = await service.create({ documentId: '000', target: describeRange(text, 100, 140), colour: 'blue', tags: [], note: 'filed wrong' });
    const other = await corpus.get('001');
    const b = await service.create({ documentId: '001', target: describeRange(other.text, 100, 140), colour: 'blue', tags: [], note: '' });
    await first.compact();
    await first.close();
    const file = join(dataDir, 'facing-store.json');
    const relabelled = readFileSync(file, 'latin1').replace('"blocks":[["000"', '"blocks":[["009"');
    expect(relabelled).toContain('["009"');

    for (const read of ['all', 'ahead'] as const) {
      writeFileSync(file, relabelled, 'latin1');
      const store = await openStore(dataDir);
      const later = await createAnnotationService(corpus, store);
      expect((await later.list('000')).map((x) => x.id)).toEqual([a.id]);
      if (read === 'all') expect((await later.list()).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      else await store.readAhead();
      expect((await later.list('000')).map((x) => x.id)).toEqual([a.id]);
      expect((await later.list('001')).map((x) => x.id)).toEqual([b.id]);
      expect(later.notices).toEqual([]);
      await store.close();
    }
  });

  it('two documents whose blocks swapped names each list their own annotations the first time, before anything is read ahead; compaction files them under their own names again', async () => {
    const dataDir = temp();
    const corpus = await openCorpus(bundled);
    const first = await openStore(dataDir);
    const service = await createAnnotationService(corpus, first);
    const mark = async (documentId: string, note: string) => {
      const { text } = await corpus.get(documentId);
      return service.create({ documentId, target: describeRange(text, 100, 140), colour: 'blue', tags: [], note });
    };
    const a = await mark('000', 'in 000');
    const b = await mark('001', 'in 001');
    const c = await mark('002', 'in 002');
    await first.compact();
    await first.close();
    const file = join(dataDir, 'facing-store.json');
    const swapped = readFileSync(file, 'latin1').replace('["000",', '["tmp",').replace('["001",', '["000",').replace('["tmp",', '["001",');
    expect(swapped.indexOf('["001",')).toBeLessThan(swapped.indexOf('["000",'));
    writeFileSync(file, swapped, 'latin1');

    const store = await openStore(dataDir);
    const later = await createAnnotationService(corpus, store);
    expect((await later.list('001')).map((x) => x.id)).toEqual([b.id]);
    expect((await later.list('000')).map((x) => x.id)).toEqual([a.id]);
    expect(shelfOf(store.data).unreadDocuments()).toEqual(['002']);
    expect((await later.list('002')).map((x) => x.id)).toEqual([c.id]);
    expect(later.notices).toEqual([]);
    expect(store.notices).toEqual([]);
    await store.compact();
    await store.close();

    const json = JSON.parse(readFileSync(file, 'utf8')) as { blocks: [string][]; annotations: Record<string, { documentId: string }>[] };
    json.blocks.forEach(([document], i) => expect(Object.values(json.annotations[i]!).map((x) => x.documentId)).toEqual([document]));
    expect(json.blocks.map(([document]) => document).sort()).toEqual(['000', '001', '002']);
  });
});

describe('annotations of a document that goes while Facing runs', () => {
  it('are orphans in the full list once its record is gone (as sync removes one), although they were found in place before', async () => {
    const dataDir = temp();
    const store = await openStore(dataDir);
    const library = openLibrary(await openCorpus(bundled), store, dataDir);
    const annotations = await createAnnotationService(library, store);
    const { document } = await library.import('story.txt', Buffer.from('A first paragraph of the story.\n\nA second paragraph follows it.'));
    const text = await library.text(document.id);
    await annotations.create({ documentId: document.id, target: describeRange(text, 2, 7), colour: 'yellow', tags: [], note: '' });
    expect((await annotations.list()).find((a) => a.documentId === document.id)?.anchor?.method).toBe('position');
    // As sync applies a removal made on another computer: the record and the files go, the annotations stay as they were.
    await store.commit([{ c: 'documents', k: document.id, v: null }]);
    rmSync(join(dataDir, 'library', document.id), { recursive: true, force: true });
    expect((await annotations.list()).filter((a) => a.documentId === document.id).map((a) => a.anchor)).toEqual([null]);
    await store.close();
  });
});
