import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apply, emptyStore, STORE_VERSION, type StoreData } from './schema';
import { damagedBlockKey, shelfOf } from './shelf';
import { parseSnapshot, serializeSnapshot, UnusableStoreError } from './snapshot';

const note = (id: string, documentId: string, text = 'ä note') => ({ id, documentId, note: text });

function store(): StoreData {
  const data = emptyStore();
  Object.assign(data.annotations, {
    a1: note('a1', 'd1'),
    a2: note('a2', 'd2'),
    a3: note('a3', 'd1'),
    odd: 42,
    a4: note('a4', 'd3'),
  });
  data.documents.d1 = { title: 'Straße' };
  return data;
}

const text = serializeSnapshot(store());

describe('the snapshot laid out by document', () => {
  it('is one ASCII JSON document: a first line with all but the annotations, then one line per document', () => {
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    const lines = text.split('\n');
    expect(lines).toHaveLength(6);
    const json = JSON.parse(text);
    expect(json.schemaVersion).toBe(STORE_VERSION);
    expect(json.blocks.map((b: unknown[]) => b.slice(0, 2))).toEqual([['d1', 2], ['d2', 1], ['', 1], ['d3', 1]]);
    expect(json.annotations).toEqual([{ a1: note('a1', 'd1'), a3: note('a3', 'd1') }, { a2: note('a2', 'd2') }, { odd: 42 }, { a4: note('a4', 'd3') }]);
  });

  it('parses only the first line at start and each document when first asked; the whole collection on demand', () => {
    const { data } = parseSnapshot(text);
    const shelf = shelfOf(data);
    expect(shelf.complete).toBe(false);
    expect(data.documents).toEqual({ d1: { title: 'Straße' } });
    expect(shelf.documents).toEqual(['d1', 'd2', '', 'd3']);
    expect(shelf.parsed).toEqual({});
    expect(shelf.entriesOf('d1')).toEqual([['a1', note('a1', 'd1')], ['a3', note('a3', 'd1')]]);
    expect(Object.keys(shelf.parsed)).toEqual(['a1', 'a3']);
    expect(shelf.count()).toBe(5);
    expect(data.annotations).toEqual(store().annotations);
    expect(shelf.complete).toBe(true);
  });

  it('a change made after the snapshot wins over the block read later, and an unchanged store is written back byte for byte without parsing', () => {
    const unchanged = parseSnapshot(text).data;
    expect(serializeSnapshot(unchanged)).toBe(text);
    expect(shelfOf(unchanged).complete).toBe(false);

    const { data } = parseSnapshot(text);
    apply(data, { c: 'annotations', k: 'a3', v: note('a3', 'd1', 'edited') });
    apply(data, { c: 'annotations', k: 'a1', v: null });
    apply(data, { c: 'annotations', k: 'a5', v: note('a5', 'd2') });
    const shelf = shelfOf(data);
    expect(shelf.loose()).toEqual([['a3', note('a3', 'd1', 'edited')], ['a5', note('a5', 'd2')]]);
    expect(shelf.entriesOf('d1')).toEqual([]);
    expect(shelf.entriesOf('d2')).toEqual([['a2', note('a2', 'd2')]]);
    const again = parseSnapshot(serializeSnapshot(data)).data;
    expect(again.annotations).toEqual({ a2: note('a2', 'd2'), a3: note('a3', 'd1', 'edited'), a4: note('a4', 'd3'), a5: note('a5', 'd2'), odd: 42 });
  });

  it('compaction reads only the blocks that hold a changed key or a document with new entries', () => {
    const { data } = parseSnapshot(text);
    apply(data, { c: 'annotations', k: 'a4', v: null });
    apply(data, { c: 'annotations', k: 'a6', v: note('a6', 'd2') });
    const shelf = shelfOf(data);
    expect(shelf.count()).toBe(5);
    const written = serializeSnapshot(data);
    // d1's block and the odd entry's are copied as they were, never parsed.
    expect(Object.keys(shelf.parsed).sort()).toEqual(['a2', 'a6']);
    expect(written.split('\n').map((line) => line.replace(/^,/, ''))).toContain(text.split('\n')[1]);
    expect(parseSnapshot(written).data.annotations).toEqual({ a1: note('a1', 'd1'), a2: note('a2', 'd2'), a3: note('a3', 'd1'), a6: note('a6', 'd2'), odd: 42 });
  });

  it('a block whose bytes do not match its checksum is kept whole in the quarantine and reported; the others read; a backup read whole refuses it', () => {
    const damaged = text.replace('"a2"', '"b2"');
    expect(damaged).not.toBe(text);
    const { data } = parseSnapshot(damaged);
    const shelf = shelfOf(data);
    const reported: unknown[] = [];
    shelf.onDamaged = (block) => reported.push(block);
    expect(shelf.entriesOf('d1')).toHaveLength(2);
    expect(shelf.entriesOf('d2')).toEqual([]);
    expect(reported).toEqual([{ document: 'd2', count: 1, reason: 'checksum' }]);
    expect(data.quarantine[damagedBlockKey('d2')]).toBe(JSON.stringify({ b2: note('a2', 'd2') }).replace('ä', '\\u00e4'));
    // Written back, the damaged block stays in the quarantine and out of the annotations.
    const again = parseSnapshot(serializeSnapshot(data)).data;
    expect(Object.keys(again.annotations).sort()).toEqual(['a1', 'a3', 'a4', 'odd']);
    expect(again.quarantine[damagedBlockKey('d2')]).toBe(data.quarantine[damagedBlockKey('d2')]);
    expect(() => parseSnapshot(damaged, { whole: true })).toThrow(UnusableStoreError);
  });

  it('a damaged block copied unread is checked first: quarantined whole and reported as when read, never given a new checksum', () => {
    for (const byte of [0xff, 0x62]) {
      const bytes = Buffer.from(text, 'latin1');
      bytes[bytes.indexOf('"a2"') + 1] = byte;
      const { data } = parseSnapshot(bytes);
      const reported: unknown[] = [];
      shelfOf(data).onDamaged = (block) => reported.push(block);
      data.documents.x = { title: 'an unrelated change' };
      const written = serializeSnapshot(data);
      expect(reported).toEqual([{ document: 'd2', count: 1, reason: 'checksum' }]);
      const kept = data.quarantine[damagedBlockKey('d2')];
      const start = bytes.indexOf('\n,') + 2;
      expect(kept).toBe(bytes.toString('utf8', start, bytes.indexOf('\n,', start)));
      const again = parseSnapshot(written, { whole: true }).data;
      expect(Object.keys(again.annotations).sort()).toEqual(['a1', 'a3', 'a4', 'odd']);
      expect(again.quarantine[damagedBlockKey('d2')]).toBe(kept);
    }
  });

  it('a file whose lines no longer have the lengths its index names is split at its newlines: each line checked against its checksum, only one that fails quarantined', () => {
    const lineOf = (file: string, n: number) => file.split('\n')[n]!.replace(/^,/, '');
    const edited = text.replace('"id":"a2"', '"id":"a"');
    const { data } = parseSnapshot(edited);
    const shelf = shelfOf(data);
    const reported: unknown[] = [];
    shelf.onDamaged = (block) => reported.push(block);
    expect(shelf.entriesOf('d1')).toHaveLength(2);
    expect(shelf.entriesOf('d2')).toEqual([]);
    expect(reported).toEqual([{ document: 'd2', count: 1, reason: 'checksum' }]);
    expect(data.quarantine[damagedBlockKey('d2')]).toBe(lineOf(edited, 2));
    expect(data.annotations).toEqual({ a1: note('a1', 'd1'), a3: note('a3', 'd1'), odd: 42, a4: note('a4', 'd3') });
    expect(() => parseSnapshot(edited, { whole: true })).toThrow(UnusableStoreError);

    // A newline put into a block, and a block gone: what matches its checksum is read, the rest kept and reported.
    const split = text.replace('"id":"a2",', '"id":"a2",\n').replace(`\n,${lineOf(text, 4)}`, '');
    const broken = parseSnapshot(split).data;
    const told: unknown[] = [];
    shelfOf(broken).onDamaged = (block) => told.push(block);
    expect(broken.annotations).toEqual({ a1: note('a1', 'd1'), a3: note('a3', 'd1'), odd: 42 });
    expect(told).toEqual([
      { document: 'd2', count: 1, reason: 'checksum' },
      { document: 'line 4', count: 0, reason: 'checksum' },
      { document: 'd3', count: 1, reason: 'checksum' },
    ]);
    expect(broken.quarantine[damagedBlockKey('d2')]).toBe(lineOf(split, 2));
    expect(broken.quarantine[damagedBlockKey('line 4')]).toBe(lineOf(split, 3));
    expect(broken.quarantine[damagedBlockKey('d3')]).toBe('');
  });

  it('a file cut short or with bytes appended is not laid out as written: read whole, it is refused or, if still JSON, used', () => {
    expect(() => parseSnapshot(text.slice(0, text.length - 10))).toThrow(UnusableStoreError);
    expect(() => parseSnapshot(text.slice(0, text.indexOf('\n') + 5))).toThrow(UnusableStoreError);
    expect(() => parseSnapshot(`${text}x`)).toThrow(UnusableStoreError);
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(parseSnapshot(pretty).data.annotations).toEqual(store().annotations);
    const moved = parseSnapshot(`${text}\n`);
    expect(moved.data.annotations).toEqual(store().annotations);
  });

  it('migrates a version 2 snapshot (one JSON document) with its annotations', () => {
    const v2 = JSON.stringify({ ...store(), schemaVersion: 2 });
    const { data, migratedFrom } = parseSnapshot(v2);
    expect(migratedFrom).toBe(2);
    expect(data.annotations).toEqual(store().annotations);
    expect(parseSnapshot(serializeSnapshot(data)).data.annotations).toEqual(store().annotations);
  });

  it('an index whose checksum fails (a document renamed by one character, or none, as older files have) has each block searched for the documents its entries name; written again, each entry goes to its own document', () => {
    const renamed = text.replace('"blocks":[["d1"', '"blocks":[["d9"');
    const older = text.replace(/,"blocksCrc":\d+/, '');
    expect(older).not.toBe(text);
    expect(parseSnapshot(text).rewrite).toBe(false);
    expect(parseSnapshot(older).rewrite).toBe(true);
    expect(shelfOf(parseSnapshot(older).data).filedElsewhere('d1')).toEqual([]);

    const parsed = parseSnapshot(renamed);
    expect(parsed.rewrite).toBe(true);
    const shelf = shelfOf(parsed.data);
    expect(shelf.documents).toEqual(['d9', 'd2', '', 'd3']);
    expect(shelf.parsed).toEqual({});
    // Known before any block is read: d1's entries sit in the block filed under d9.
    expect(shelf.filedElsewhere('d1')).toEqual(['d9']);
    expect(shelf.filedElsewhere('d2')).toEqual([]);
    expect(shelf.entriesOf('d9')).toEqual([['a1', note('a1', 'd1')], ['a3', note('a3', 'd1')]]);

    const again = parseSnapshot(serializeSnapshot(parseSnapshot(renamed).data));
    expect(again.rewrite).toBe(false);
    expect(shelfOf(again.data).documents.slice().sort()).toEqual(['', 'd1', 'd2', 'd3']);
    expect(again.data.annotations).toEqual(store().annotations);
  });

  it('a block is searched for a document named in any way JSON allows, and names its own document only once', () => {
    const written = serializeSnapshot({ ...emptyStore(), annotations: { x: { id: 'x', documentId: 'd1', target: { documentId: 'inner' } }, y: { id: 'y', documentId: 'd1' } } });
    const [head, line, ...rest] = written.split('\n');
    const edited = line!.replace('"documentId":"d1"', '"documentId" :  "\\u0064\\u0032"');
    const index = JSON.parse(`${head!.slice(0, -'"annotations":['.length - 1)}}`).blocks as [string, number, number, number][];
    expect(index).toEqual([['d1', 2, line!.length, crc32(line!)]]);
    const file = [head!.replace(JSON.stringify(index), JSON.stringify([['d1', 2, edited.length, crc32(edited)]])), edited, ...rest].join('\n');
    const parsed = parseSnapshot(file);
    expect(parsed.rewrite).toBe(true);
    const shelf = shelfOf(parsed.data);
    expect(shelf.filedElsewhere('d2')).toEqual(['d1']);
    expect(shelf.filedElsewhere('inner')).toEqual(['d1']);
    expect(shelf.filedElsewhere('d1')).toEqual([]);
    expect(shelf.entriesOf('d1').map(([key, value]) => [key, (value as { documentId: string }).documentId])).toEqual([['x', 'd2'], ['y', 'd1']]);
  });
});
