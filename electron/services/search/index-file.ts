import { readFile } from 'node:fs/promises';
import { IndexFormatError, WordIndex } from '../../../shared/search/index';
import { writeFileDurably } from '../durable-file';

export const INDEX_FILE = 'search-index.bin';

/** The saved index, or null when it is missing, damaged or of another version (then it is rebuilt). */
export async function readIndexFile(path: string): Promise<WordIndex | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    return WordIndex.load(bytes);
  } catch (error) {
    if (error instanceof IndexFormatError) return null;
    throw error;
  }
}

/**
 * Saves the index a while after it last changed (an import of many files saves it a few times, not
 * once a file), and at once on `flush`. A crash before a save costs only a re-index of what changed:
 * at start the index is reconciled with the library.
 */
export function createIndexSaver(path: string, index: () => WordIndex, delayMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(() => writeFileDurably(path, index().serialize())).catch(() => {});
    return writing;
  };
  return {
    changed() {
      if (timer) return;
      timer = setTimeout(() => void save(), delayMs);
      timer.unref?.();
    },
    async flush() {
      if (timer) await save();
      await writing;
    },
  };
}
