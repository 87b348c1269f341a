import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder names the library gives imported documents (randomUUID). */
const DOCUMENT_FOLDER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The files the library writes into one: the original and its stored text. */
const DOCUMENT_FILE = /^(original\.[a-z0-9]{1,10}|document\.json)$/;

/**
 * Removes from `libraryDir` the folders an import wrote but never recorded (the app stopped between
 * writing a document's files and committing its record). Only a folder that no record names, is named
 * as the library names its folders, holds nothing but the files an import writes, and was last changed
 * (it and each file) before `before` goes: an import under way now, or anything a person put there, stays.
 * Returns the names of the folders removed.
 */
export async function removeOrphanFolders(libraryDir: string, named: (id: string) => boolean, before: Date): Promise<string[]> {
  const entries = await readdir(libraryDir, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !DOCUMENT_FOLDER.test(entry.name) || named(entry.name)) continue;
    const dir = join(libraryDir, entry.name);
    try {
      const inside = await readdir(dir, { withFileTypes: true });
      if (!inside.every((file) => file.isFile() && DOCUMENT_FILE.test(file.name))) continue;
      const times = await Promise.all([dir, ...inside.map((file) => join(dir, file.name))].map(async (path) => (await stat(path)).mtimeMs));
      if (times.some((time) => time >= before.getTime())) continue;
      // Asked again: a record may have been committed while the folder was looked at.
      if (named(entry.name)) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(entry.name);
    } catch {
      // Gone already, or unreadable: left as it is.
    }
  }
  return removed;
}
