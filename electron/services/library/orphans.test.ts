import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openCorpus } from '../corpus';
import { openLibrary } from '../library';
import { openStore, STORE_FILE } from '../store';
import { tempDirs } from '../test-support';
import { bringBackSetAside, SET_ASIDE, setAsideOrphanFolders } from './orphans';

// The first import starts an import worker, compiled from source: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-orphans-');
const anHourAgo = new Date(Date.now() - 3_600_000);

/** A folder as an import writes one, its times set to `when`. */
function folderOf(libraryDir: string, files: Record<string, string>, when = anHourAgo, name: string = randomUUID()): string {
  const dir = join(libraryDir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(dir, file), text);
    utimesSync(join(dir, file), when, when);
  }
  utimesSync(dir, when, when);
  return name;
}

const imported = { 'original.txt': 'A story.', 'document.json': '{"version":1,"blocks":[]}' };

describe('folders of imports never recorded', () => {
  it('are moved aside (never deleted) when no record names them, none is being written and they are older than the start; nothing else is', async () => {
    const libraryDir = join(temp(), 'library');
    const orphan = folderOf(libraryDir, imported);
    const halfWritten = folderOf(libraryDir, { 'original.pdf': '%PDF-' });
    const empty = folderOf(libraryDir, {});
    const recorded = folderOf(libraryDir, imported);
    const withUserFile = folderOf(libraryDir, { ...imported, 'notes.odt': 'mine' });
    const notOurName = folderOf(libraryDir, imported, anHourAgo, 'Meine Bücher');
    const underWay = folderOf(libraryDir, imported, new Date(Date.now() + 60_000));
    // Being written by an import, with times in the past (a clock set back, a network drive's clock).
    const beingWritten = folderOf(libraryDir, imported);
    writeFileSync(join(libraryDir, 'readme.txt'), 'mine');
    const start = new Date();

    const moved = await setAsideOrphanFolders(libraryDir, (id) => id === recorded, (id) => id === beingWritten, start);

    expect(moved.sort()).toEqual([orphan, halfWritten, empty].sort());
    expect(readdirSync(libraryDir).sort()).toEqual([recorded, withUserFile, notOurName, underWay, beingWritten, 'readme.txt', SET_ASIDE].sort());
    expect(readdirSync(join(libraryDir, SET_ASIDE)).sort()).toEqual(moved.sort());
    expect(readdirSync(join(libraryDir, SET_ASIDE, orphan)).sort()).toEqual(['document.json', 'original.txt']);
  });

  it('come back when a record names them again, unless the library has a folder of that name', async () => {
    const libraryDir = join(temp(), 'library');
    const first = folderOf(libraryDir, imported);
    const second = folderOf(libraryDir, imported);
    await setAsideOrphanFolders(libraryDir, () => false, () => false, new Date());
    folderOf(libraryDir, { 'original.txt': 'newer' }, anHourAgo, second);

    expect(await bringBackSetAside(libraryDir, () => true)).toEqual([first]);
    expect(readdirSync(join(libraryDir, first)).sort()).toEqual(['document.json', 'original.txt']);
    expect(readdirSync(join(libraryDir, SET_ASIDE))).toEqual([second]);
  });

  it('are looked for only in a library folder that exists', async () => {
    expect(await setAsideOrphanFolders(join(temp(), 'library'), () => false, () => false, new Date())).toEqual([]);
    expect(await bringBackSetAside(join(temp(), 'library'), () => true)).toEqual([]);
  });
});

describe('the library at start', () => {
  async function open(dataDir: string) {
    const store = await openStore(dataDir);
    return { store, library: openLibrary(await openCorpus(bundled), store, dataDir) };
  }

  it('moves aside the folder of an import the app stopped before recording, and keeps the documents it lists', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const { document } = await first.library.import('story.txt', Buffer.from('A story.\n\nIn two paragraphs.'));
    await first.store.close();
    const orphan = folderOf(join(dataDir, 'library'), imported);

    const second = await open(dataDir);
    expect(await second.library.removeOrphans()).toEqual([orphan]);
    expect(readdirSync(join(dataDir, 'library')).sort()).toEqual([document.id, SET_ASIDE].sort());
    expect(readdirSync(join(dataDir, 'library', SET_ASIDE))).toEqual([orphan]);
    expect((await second.library.get(document.id)).text).toContain('two paragraphs');
    await second.store.close();
  });

  it('removes nothing when the store had to be recovered: a folder no record names may be a document whose record was lost', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    await first.library.import('story.txt', Buffer.from('A story.\n\nIn two paragraphs.'));
    await first.store.compact();
    await first.store.close();
    writeFileSync(join(dataDir, STORE_FILE), '{"documents": {"');
    const unnamed = folderOf(join(dataDir, 'library'), imported);

    const second = await open(dataDir);
    expect(second.store.notices.length).toBeGreaterThan(0);
    expect(await second.library.removeOrphans()).toEqual([]);
    expect(existsSync(join(dataDir, 'library', unnamed))).toBe(true);
    await second.store.close();
  });

  it('loses no document when a backup from before its import is restored, and gives it back when that restore is undone', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const { document: a } = await first.library.import('a.txt', Buffer.from('First story.\n\nTwo paragraphs.'));
    await first.store.compact();
    const withA = (await first.store.backups())[0]!.id;
    const { document: b } = await first.library.import('b.txt', Buffer.from('Second story, imported after the backup.\n\nMore.'));
    await first.store.compact();
    const { keptAs } = await first.store.restoreBackup(withA);
    await first.store.close();

    const second = await open(dataDir);
    expect(await second.library.removeOrphans()).toEqual([b.id]);
    expect(existsSync(join(dataDir, 'library', a.id))).toBe(true);
    await second.store.restoreBackup(keptAs);
    await second.store.close();

    const third = await open(dataDir);
    await third.library.removeOrphans();
    expect((await third.library.get(b.id)).text).toContain('imported after the backup');
    await third.store.close();
  });

  it('moves nothing when the store is new: a library folder kept without its store holds documents, not leftovers', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const { document } = await first.library.import('story.txt', Buffer.from('A story.\n\nIn two paragraphs.'));
    await first.store.close();
    for (const file of readdirSync(dataDir)) if (file !== 'library') rmSync(join(dataDir, file), { recursive: true, force: true });

    const second = await open(dataDir);
    expect(await second.library.removeOrphans()).toEqual([]);
    expect(readdirSync(join(dataDir, 'library'))).toEqual([document.id]);
    await second.store.close();
  });
});
