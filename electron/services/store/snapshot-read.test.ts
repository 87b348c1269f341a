import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createQuiet } from '../quiet';
import { openStore, STORE_FILE } from '../store';
import { tempDirs } from '../test-support';
import { shelfOf } from './shelf';

const dataDir = tempDirs('facing-lazy-');

/** How many of this process's open files are this store's snapshot (Linux's /proc; 0 elsewhere). */
const openSnapshots = (dir: string) => {
  if (process.platform !== 'linux') return 0;
  const path = join(dir, STORE_FILE);
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      // A file replaced while open shows as "<path> (deleted)".
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(path);
    } catch {
      return false;
    }
  }).length;
};

const DOCUMENTS = 40;
const EACH = 200;
const annotation = (d: number, n: number) => {
  const id = `a-${d}-${n}`;
  return { id, documentId: `doc-${d}`, note: `Note ${n} on document ${d}: ${'words that make a store of several megabytes '.repeat(12)}` };
};

/** A store over the size read lazily (about 5 MB: 8,000 annotations on 40 documents), compacted and closed. */
async function largeStore(): Promise<string> {
  const dir = dataDir();
  const store = await openStore(dir);
  for (let d = 0; d < DOCUMENTS; d++) await store.commit(Array.from({ length: EACH }, (_, n) => ({ c: 'annotations' as const, k: annotation(d, n).id, v: annotation(d, n) })));
  await store.compact();
  await store.close();
  expect(statSync(join(dir, STORE_FILE)).size).toBeGreaterThan(4 * 1024 * 1024);
  return dir;
}

describe('a large snapshot read lazily', () => {
  it('reads each document block when first used, keeps the file open only until every block is read, and loses nothing', async () => {
    const dir = await largeStore();
    const store = await openStore(dir);
    const shelf = shelfOf(store.data);
    expect(shelf.unreadDocuments()).toHaveLength(DOCUMENTS);
    expect(openSnapshots(dir)).toBe(process.platform === 'linux' ? 1 : 0);
    expect(Object.fromEntries(shelf.entriesOf('doc-7'))['a-7-3']).toEqual(annotation(7, 3));
    await store.readAhead();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openSnapshots(dir)).toBe(0);
    expect(Object.keys(store.data.annotations)).toHaveLength(DOCUMENTS * EACH);
    await store.close();
  });

  it('reads ahead one document each time its owner lets it go on', async () => {
    const dir = await largeStore();
    const store = await openStore(dir);
    const shelf = shelfOf(store.data);
    const waiting: Array<() => void> = [];
    const done = store.readAhead(() => new Promise<void>((resolve) => waiting.push(resolve)));
    expect(shelf.unreadDocuments()).toHaveLength(DOCUMENTS - 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shelf.unreadDocuments()).toHaveLength(DOCUMENTS - 1);
    waiting.shift()!();
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    expect(shelf.unreadDocuments()).toHaveLength(DOCUMENTS - 2);
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      waiting.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(Object.keys(store.data.annotations)).toHaveLength(DOCUMENTS * EACH);
    await store.close();
  });

  it('paced by the wait for quiet, hands the event loop back between documents', async () => {
    const dir = await largeStore();
    const store = await openStore(dir);
    const shelf = shelfOf(store.data);
    let unreadAtFirstTurn = -1;
    setImmediate(() => (unreadAtFirstTurn = shelf.unreadDocuments().length));
    await store.readAhead(createQuiet().wait);
    expect(unreadAtFirstTurn).toBeGreaterThan(DOCUMENTS / 2);
    expect(shelf.unreadDocuments()).toHaveLength(0);
    await store.close();
  });

  it('closes the file when the store closes with blocks unread, and a compaction with blocks unread writes them all', async () => {
    const dir = await largeStore();
    let store = await openStore(dir);
    await store.commit([{ c: 'annotations', k: 'new', v: { id: 'new', documentId: 'doc-3', note: 'added' } }]);
    expect(openSnapshots(dir)).toBe(process.platform === 'linux' ? 1 : 0);
    await store.compact();
    // Closed before the new snapshot replaced it (Windows refuses to rename over an open file).
    expect(openSnapshots(dir)).toBe(0);
    await store.close();
    store = await openStore(dir);
    await store.close();
    expect(openSnapshots(dir)).toBe(0);
    store = await openStore(dir);
    const all = store.data.annotations;
    expect(Object.keys(all)).toHaveLength(DOCUMENTS * EACH + 1);
    expect(all['a-39-199']).toEqual(annotation(39, 199));
    await store.close();
  });

  it('quarantines a block damaged on disk when it is first used, and keeps the others', async () => {
    const dir = await largeStore();
    const file = join(dir, STORE_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('Note 5 on document 12')] = 0x4d;
    writeFileSync(file, bytes);
    let store = await openStore(dir);
    expect(shelfOf(store.data).entriesOf('doc-12')).toEqual([]);
    expect(store.notices.map((n) => n.message).join('\n')).toMatch(/200 stored annotations were damaged/);
    expect(store.data.quarantine['annotations:block:doc-12']).toMatch(/Mote 5 on document 12/);
    expect(shelfOf(store.data).entriesOf('doc-13')).toHaveLength(EACH);
    await store.close();
    store = await openStore(dir);
    expect(Object.keys(store.data.annotations)).toHaveLength((DOCUMENTS - 1) * EACH);
    expect(store.data.quarantine['annotations:block:doc-12']).toMatch(/Mote 5 on document 12/);
    await store.close();
  });

  it('keeps a block it cannot read from disk (the file cut short under it) unread, and refuses to compact without it', async () => {
    const dir = await largeStore();
    const store = await openStore(dir);
    const file = join(dir, STORE_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, 1024 * 1024));
    const shelf = shelfOf(store.data);
    expect(() => shelf.entriesOf('doc-39')).toThrow(/changed by another program/);
    expect(shelf.unreadDocuments()).toContain('doc-39');
    await expect(store.compact()).rejects.toThrow();
    await store.close().catch(() => {});
  });

  it('refuses to read a block from a file another program rewrote in place, says so once, and never writes over it', async () => {
    const dir = await largeStore();
    const store = await openStore(dir);
    const file = join(dir, STORE_FILE);
    const theirs = Buffer.from(readFileSync(file).toString('latin1').replace(/Note /g, 'Nope '), 'latin1');
    writeFileSync(file, theirs);
    expect(() => shelfOf(store.data).entriesOf('doc-2')).toThrow(/changed by another program/);
    expect(shelfOf(store.data).unreadDocuments()).toContain('doc-2');
    await store.readAhead();
    expect(store.notices.filter((n) => /changed by another program/.test(n.message))).toHaveLength(1);
    await expect(store.compact()).rejects.toThrow(/changed by another program/);
    expect(readFileSync(file).equals(theirs)).toBe(true);
    await store.close().catch(() => {});
  });

  it('starts no new journal at every change while a snapshot cannot be written', async () => {
    const dir = await largeStore();
    let clock = Date.now();
    const store = await openStore(dir, { now: () => new Date(clock) });
    const file = join(dir, STORE_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, 1024 * 1024));
    clock += 2 * 3600_000;
    const journals = () => readdirSync(dir).filter((f) => /journal-\d+\.jsonl$/.test(f)).length;
    const before = journals();
    for (let n = 0; n < 10; n++) {
      await store.commit([{ c: 'annotations', k: `late-${n}`, v: { id: `late-${n}`, documentId: 'doc-1', note: 'late' } }]);
      await store.settled().catch(() => {});
    }
    // The journal appends go on in, and the one the failed attempt started: not one a change.
    expect(journals() - before).toBeLessThanOrEqual(2);
    await store.close().catch(() => {});
  });

  it('reads a file that is not exactly as its index says whole, as before', async () => {
    const dir = await largeStore();
    appendFileSync(join(dir, STORE_FILE), '\n\n');
    const store = await openStore(dir);
    expect(openSnapshots(dir)).toBe(0);
    expect(Object.keys(store.data.annotations)).toHaveLength(DOCUMENTS * EACH);
    await store.close();
  });
});
