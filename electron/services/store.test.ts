import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from './test-support';
import { defaultSettings } from '../../shared/model/settings';
import { openStore, STORE_FILE, STORE_VERSION } from './store';
import { shelfOf } from './store/shelf';

const dataDir = tempDirs('facing-store-');

/** The snapshot file as JSON, its per-document annotation lines merged back into one collection. */
const snapshot = (dir: string) => {
  const json = JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'));
  return { ...json, annotations: Object.assign({}, ...json.annotations) };
};
const journals = (dir: string) => readdirSync(dir).filter((f) => /^facing-store\.journal-\d+\.jsonl$/.test(f));
const settings = (fontSize: number) => ({ c: 'settings' as const, v: { ...defaultSettings, fontSize } });

describe('the store', () => {
  it('a damaged annotation block the store never read is quarantined and reported when compaction copies it, not rewritten with a fresh checksum', async () => {
    const dir = dataDir();
    const note = (id: string, documentId: string, text: string) => ({ c: 'annotations' as const, k: id, v: { id, documentId, note: text } });
    let store = await openStore(dir);
    await store.commit([note('a1', 'd1', 'first note'), note('a2', 'd2', 'second note')]);
    await store.compact();
    await store.commit([note('a3', 'd3', 'a later note')]);
    await store.close();
    const file = join(dir, STORE_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('second note')] = 0xff;
    writeFileSync(file, bytes);
    store = await openStore(dir);
    await store.close();
    expect(store.notices.map((n) => n.message).join('\n')).toMatch(/One stored annotation was damaged/);
    store = await openStore(dir);
    expect(Object.keys(store.data.annotations).sort()).toEqual(['a1', 'a3']);
    expect(store.data.quarantine['annotations:block:d2']).toMatch(/\ufffdecond note/);
    for (const backup of readdirSync(join(dir, 'backups'))) {
      const json = JSON.parse(readFileSync(join(dir, 'backups', backup), 'utf8'));
      expect(Object.assign({}, ...json.annotations).a2?.note ?? 'second note').toBe('second note');
    }
    await store.close();
  });

  it('starts empty; an acknowledged commit is on disk and there after a restart', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    expect(store.data.settings.theme).toBe('system');
    await store.commit([settings(21), { c: 'annotations', k: 'a1', v: { hello: 1 } }]);
    expect(readFileSync(join(dir, journals(dir)[0]!), 'utf8').trim().split('\n')).toHaveLength(2);
    const again = await openStore(dir);
    expect(again.data.settings.fontSize).toBe(21);
    expect(again.data.annotations).toEqual({ a1: { hello: 1 } });
    // Reopening folds the journal into a fresh snapshot: after the start, not during it.
    expect(snapshot(dir).annotations).toEqual({});
    await again.settled();
    expect(snapshot(dir)).toMatchObject({ schemaVersion: STORE_VERSION, annotations: { a1: { hello: 1 } } });
    // The journal written to before is kept only for the backups, never replayed again.
    expect(snapshot(dir).journal).toBeGreaterThan(Math.max(...journals(dir).map((j) => Number(/\d+/.exec(j)![0])).filter((n) => n !== snapshot(dir).journal)));
  });

  it('writes its snapshot and backups as ASCII JSON that reads back every character', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    const text = 'Grüße, “quotes”, 重庆, an emoji 😀, a lone half \ud800 and a backslash \\u00fc';
    await store.commit([{ c: 'annotations', k: 'ü', v: { text } }]);
    await store.compact();
    const bytes = readFileSync(join(dir, STORE_FILE));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const backup = readdirSync(join(dir, 'backups')).sort().at(-1)!;
    expect(readFileSync(join(dir, 'backups', backup)).equals(bytes)).toBe(true);
    await store.close();
    expect((await openStore(dir)).data.annotations).toEqual({ ü: { text } });
  });

  it('folds a replayed journal in after the start, not during it, and at the latest when closed', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    await store.commit([{ c: 'annotations', k: 'a', v: 1 }]);
    await store.close();
    const before = readFileSync(join(dir, STORE_FILE), 'utf8');
    const again = await openStore(dir);
    expect(again.data.annotations).toEqual({ a: 1 });
    expect(readFileSync(join(dir, STORE_FILE), 'utf8')).toBe(before);
    // Appends go on in the replayed journal until the fold moves them to the next.
    await again.commit([{ c: 'annotations', k: 'b', v: 2 }]);
    expect(journals(dir)).toEqual(['facing-store.journal-1.jsonl']);
    await again.close();
    expect(snapshot(dir)).toMatchObject({ journal: 2, annotations: { a: 1, b: 2 } });
    expect((await openStore(dir)).data.annotations).toEqual({ a: 1, b: 2 });
  });

  it('commits a burst together and loses none', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.commit([{ c: 'annotations', k: `id${i}`, v: { i } }])));
    const again = await openStore(dir);
    expect(Object.keys(again.data.annotations)).toHaveLength(300);
  });

  it('deletes with null and compacts without losing what came during compaction', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    await store.commit([{ c: 'annotations', k: 'x', v: 1 }, { c: 'annotations', k: 'y', v: 2 }]);
    const compaction = store.compact();
    const during = store.commit([{ c: 'annotations', k: 'x', v: null }, { c: 'annotations', k: 'z', v: 3 }]);
    await Promise.all([compaction, during]);
    await store.close();
    expect((await openStore(dir)).data.annotations).toEqual({ y: 2, z: 3 });
  });

  it.each([
    ['not JSON', '{"schemaVersion": 2, "settings": '],
    ['the wrong shape', '{"hello": "world"}'],
    ['from a newer version', '{"schemaVersion": 99, "settings": {}}'],
  ])('moves a store that is %s aside, reports it and never overwrites it', async (_label, contents) => {
    const dir = dataDir();
    writeFileSync(join(dir, STORE_FILE), contents);
    const store = await openStore(dir);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.level).toBe('error');
    const aside = readdirSync(dir).find((f) => f.startsWith('facing-store.unreadable-'));
    expect(store.notices[0]!.message).toContain(aside!);
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(contents);
    await store.commit([settings(20)]);
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(contents);
    expect((await openStore(dir)).data.settings.fontSize).toBe(20);
  });

  it('migrates a version 1 store and keeps a copy of the original', async () => {
    const dir = dataDir();
    const v1 = JSON.stringify({ schemaVersion: 1, settings: { ...defaultSettings, theme: 'sepia' }, alignments: { 'a|b': { kept: true } } });
    writeFileSync(join(dir, STORE_FILE), v1);
    const store = await openStore(dir);
    expect(store.notices).toEqual([]);
    expect(store.data).toMatchObject({ schemaVersion: STORE_VERSION, settings: { theme: 'sepia' }, alignments: { 'a|b': { kept: true } }, annotations: {} });
    const copy = readdirSync(dir).find((f) => f.startsWith('facing-store.v1-'));
    expect(readFileSync(join(dir, copy!), 'utf8')).toBe(v1);
    expect(snapshot(dir).schemaVersion).toBe(STORE_VERSION);
  });

  it('drops a torn last journal line with an info notice, and applies every record around a damaged line', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    await store.commit([{ c: 'annotations', k: 'a', v: 1 }]);
    const file = join(dir, journals(dir)[0]!);
    appendFileSync(file, '{"c":"annotations","k":"b","v":');
    const torn = await openStore(dir);
    expect(torn.notices.filter((n) => n.level !== 'info')).toEqual([]);
    expect(torn.data.annotations).toEqual({ a: 1 });

    await torn.commit([{ c: 'annotations', k: 'c', v: 3 }]);
    const live = join(dir, `facing-store.journal-${snapshot(dir).journal}.jsonl`);
    writeFileSync(live, `garbage\n${readFileSync(live, 'utf8')}`);
    const damaged = await openStore(dir);
    expect(damaged.notices.find((n) => n.level === 'error')?.message).toMatch(/1 change in the store's journal could not be read \(line 1\)/);
    expect(damaged.data.annotations).toEqual({ a: 1, c: 3 });
    expect(readdirSync(dir).some((f) => /^facing-store\.unreadable-.*journal/.test(f))).toBe(true);
  });

  it('tells, after an unclean exit, what it recovered; after a clean one, nothing', async () => {
    const dir = dataDir();
    const first = await openStore(dir);
    await first.commit([settings(22), { c: 'annotations', k: 'a', v: 1 }]);
    const afterCrash = await openStore(dir);
    expect(afterCrash.notices).toEqual([{ level: 'info', message: expect.stringMatching(/did not close properly.*2 recent changes were recovered/) }]);
    await afterCrash.close();
    expect((await openStore(dir)).notices).toEqual([]);
  });

  it('takes a marker left behind, whoever its PID now belongs to, for an unclean exit', async () => {
    const dir = dataDir();
    await (await openStore(dir)).close();
    writeFileSync(join(dir, 'facing.running'), String(process.ppid));
    expect((await openStore(dir)).notices[0]?.message).toMatch(/did not close properly/);
    writeFileSync(join(dir, 'facing.running'), '999999999');
    expect((await openStore(dir)).notices[0]?.message).toMatch(/did not close properly/);
  });

  it('keeps the day copies older versions made within the retention, and lists them', async () => {
    const dir = dataDir();
    await (await openStore(dir)).commit([settings(18)]);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    for (let day = 1; day <= 9; day++) writeFileSync(join(dir, 'backups', `facing-store-2020-01-0${day}.json`), JSON.stringify({ schemaVersion: 2, annotations: { [`d${day}`]: {} } }));
    const store = await openStore(dir);
    await store.settled();
    const backups = readdirSync(join(dir, 'backups')).sort();
    // The newest of each of the last 7 days that have a backup: today's and the last 6 day copies.
    expect(backups.filter((f) => f.startsWith('facing-store-2020-'))).toHaveLength(6);
    expect(existsSync(join(dir, 'backups', 'facing-store-2020-01-03.json'))).toBe(false);
    expect((await store.backups()).find((b) => b.id === 'facing-store-2020-01-09.json')).toMatchObject({ annotations: 1 });
  });

  it('parses only the first line at start and reads the annotations ahead, most recently opened document first', async () => {
    const dir = dataDir();
    const first = await openStore(dir);
    const note = (documentId: string) => ({ documentId });
    await first.commit([
      { c: 'annotations', k: 'x1', v: note('old') },
      { c: 'annotations', k: 'x2', v: note('new') },
      { c: 'annotations', k: 'x3', v: note('never') },
      { c: 'reading', k: 'old', v: { opened: '2026-01-01T00:00:00.000Z' } },
      { c: 'reading', k: 'new', v: { opened: '2026-02-01T00:00:00.000Z' } },
    ]);
    await first.compact();
    await first.close();
    const store = await openStore(dir);
    const shelf = shelfOf(store.data);
    expect(shelf.unreadDocuments().sort()).toEqual(['never', 'new', 'old']);
    const ahead = store.readAhead();
    // The first document is read at once, the others one per turn of the event loop.
    expect(shelf.unreadDocuments()).toEqual(['old', 'never']);
    await ahead;
    expect(shelf.complete).toBe(true);
    expect(Object.keys(shelf.parsed).sort()).toEqual(['x1', 'x2', 'x3']);
    await store.close();
  });
});
