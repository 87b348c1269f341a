import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary file `writeFileDurably` writes before renaming it over `path`. */
const tempPath = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Replaces a file atomically and durably: write a temporary file, fsync it, rename it over the
 * target, fsync the folder. A crash at any point leaves either the old or the new file whole.
 * (lowdb's own adapter, steno, renames without fsync, which can lose the last write on power loss.)
 */
export async function writeFileDurably(path: string, contents: string | Uint8Array | Iterable<Uint8Array>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = tempPath(path);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      // Node writes iterables of chunks too; its type declarations only list strings and buffers.
      await handle.writeFile(contents as Parameters<FileHandle['writeFile']>[0]);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    // A full disk leaves a partial temporary file: remove it, the target is untouched.
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Removes temporary files a killed process left in `dir` (only call it while no other process writes there). */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const leftovers = names.filter((name) => /^\..+\.\d+\.tmp$/.test(name));
  for (const name of leftovers) await unlink(join(dir, name)).catch(() => {});
  return leftovers;
}

export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is as durable as it gets there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
