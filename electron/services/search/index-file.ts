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
 * once a file), and at once on `flush`. A save rewrites the whole file, so the wait after a change
 * grows with what the last save cost (twenty times it): however large the library, saving takes
 * a small share of an import's time. A crash before a save costs only a re-index of what changed:
 * at start the index is reconciled with the library.
 */
export function createIndexSaver(path: string, index: () => WordIndex, delayMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let lastSaveMs = 0;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing
      .then(async () => {
        const started = performance.now();
        await writeFileDurably(path, index().serialize());
        lastSaveMs = performance.now() - started;
      })
      .catch(() => {});
    return writing;
  };
  return {
    changed() {
      if (timer) return;
      timer = setTimeout(() => void save(), Math.max(delayMs, 20 * lastSaveMs));
      timer.unref?.();
    },
    async flush() {
      if (timer) await save();
      await writing;
    },
  };
}
