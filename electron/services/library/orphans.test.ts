import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openCorpus } from '../corpus';
import { openLibrary } from '../library';
import { openStore, STORE_FILE } from '../store';
import { tempDirs } from '../test-support';
import { removeOrphanFolders } from './orphans';

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
  it('are removed when no record names them and they are older than the start; nothing else is', async () => {
    const libraryDir = join(temp(), 'library');
    const orphan = folderOf(libraryDir, imported);
    const halfWritten = folderOf(libraryDir, { 'original.pdf': '%PDF-' });
    const empty = folderOf(libraryDir, {});
    const recorded = folderOf(libraryDir, imported);
    const withUserFile = folderOf(libraryDir, { ...imported, 'notes.odt': 'mine' });
    const notOurName = folderOf(libraryDir, imported, anHourAgo, 'Meine Bücher');
    const underWay = folderOf(libraryDir, imported, new Date(Date.now() + 60_000));
    writeFileSync(join(libraryDir, 'readme.txt'), 'mine');
    const start = new Date();

    const removed = await removeOrphanFolders(libraryDir, (id) => id === recorded, start);

    expect(removed.sort()).toEqual([orphan, halfWritten, empty].sort());
    expect(readdirSync(libraryDir).sort()).toEqual([recorded, withUserFile, notOurName, underWay, 'readme.txt'].sort());
  });

  it('are looked for only in a library folder that exists', async () => {
    expect(await removeOrphanFolders(join(temp(), 'library'), () => false, new Date())).toEqual([]);
  });
});

describe('the library at start', () => {
  async function open(dataDir: string) {
    const store = await openStore(dataDir);
    return { store, library: openLibrary(await openCorpus(bundled), store, dataDir) };
  }

  it('removes the folder of an import the app stopped before recording, and keeps the documents it lists', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const { document } = await first.library.import('story.txt', Buffer.from('A story.\n\nIn two paragraphs.'));
    await first.store.close();
    const orphan = folderOf(join(dataDir, 'library'), imported);

    const second = await open(dataDir);
    expect(await second.library.removeOrphans()).toEqual([orphan]);
    expect(readdirSync(join(dataDir, 'library'))).toEqual([document.id]);
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
});
