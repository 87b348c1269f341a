import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder names the library gives imported documents (randomUUID). */
const DOCUMENT_FOLDER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The files the library writes into one: the original and its stored text. */
const DOCUMENT_FILE = /^(original\.[a-z0-9]{1,10}|document\.json)$/;
/** Where folders no record names are kept, inside the library folder; never emptied by Facing. */
export const SET_ASIDE = '.unrecorded';

/**
 * Moves out of the way (into `libraryDir/.unrecorded/`) the folders an import wrote but never recorded
 * (the app stopped between writing a document's files and committing its record). Never deletes: a
 * folder no record names may also be a document the store forgot (a backup restored, a store file
 * rolled back by hand), and `bringBackSetAside` returns it when a record names it again. Only a folder
 * that no record names, is not being written now (`busy`), is named as the library names its folders,
 * holds nothing but the files an import writes, and was last changed before `before` is moved.
 * Returns the names of the folders moved.
 */
export async function setAsideOrphanFolders(libraryDir: string, named: (id: string) => boolean, busy: (id: string) => boolean, before: Date): Promise<string[]> {
  const entries = await readdir(libraryDir, { withFileTypes: true }).catch(() => []);
  const moved: string[] = [];
  for (const entry of entries) {
    const unrecorded = (id: string) => !named(id) && !busy(id);
    if (!entry.isDirectory() || !DOCUMENT_FOLDER.test(entry.name) || !unrecorded(entry.name)) continue;
    const dir = join(libraryDir, entry.name);
    try {
      const inside = await readdir(dir, { withFileTypes: true });
      if (!inside.every((file) => file.isFile() && DOCUMENT_FILE.test(file.name))) continue;
      const times = await Promise.all([dir, ...inside.map((file) => join(dir, file.name))].map(async (path) => (await stat(path)).mtimeMs));
      if (times.some((time) => time >= before.getTime())) continue;
      // Asked again: a record may have been committed while the folder was looked at.
      if (!unrecorded(entry.name)) continue;
      await mkdir(join(libraryDir, SET_ASIDE), { recursive: true });
      await rename(dir, join(libraryDir, SET_ASIDE, entry.name));
      moved.push(entry.name);
    } catch {
      // Gone already, or unreadable: left as it is.
    }
  }
  return moved;
}

/** Moves back into the library the set-aside folders that a record names again (a backup restored, say). Returns their names. */
export async function bringBackSetAside(libraryDir: string, named: (id: string) => boolean): Promise<string[]> {
  const aside = join(libraryDir, SET_ASIDE);
  const entries = await readdir(aside, { withFileTypes: true }).catch(() => []);
  const back: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !DOCUMENT_FOLDER.test(entry.name) || !named(entry.name)) continue;
    const home = join(libraryDir, entry.name);
    if (await stat(home).then(() => true, () => false)) continue;
    try {
      await rename(join(aside, entry.name), home);
      back.push(entry.name);
    } catch {
      // Left where it is; the document reads as missing until a later start.
    }
  }
  return back;
}
