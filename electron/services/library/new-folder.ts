import { mkdir, open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncDirectory } from '../durable-file';

/**
 * Writes files into a folder of their own that nothing names yet, and syncs them, the folder and its
 * parent, all side by side (one round of syncs, not one after another): on disk before the record that
 * names them is committed. No temporary files and renames: until that record exists, nothing reads
 * the folder; a crash before it leaves an unnamed folder, never a named half-written one. If a write
 * fails (a full disk), the folder goes.
 */
export async function writeNewFolder(dir: string, files: ReadonlyArray<readonly [name: string, bytes: Uint8Array]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  try {
    await Promise.all(
      files.map(async ([name, bytes]) => {
        const handle = await open(join(dir, name), 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
    await Promise.all([syncDirectory(dir), syncDirectory(dirname(dir))]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}
