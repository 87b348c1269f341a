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

/** While changes keep coming (a burst of imports), a save waits for them to stop at most this long. */
export const LONGEST_SAVE_WAIT_MS = 60_000;

/**
 * Saves the index once changes have stopped for `delayMs`, and at once on `flush`. A save rewrites
 * the whole file (tens of megabytes for thousands of books), so during a burst of imports it waits
 * for the burst to end, at most `longestMs` (or a hundred times what the last save cost) after the
 * first unsaved change; and never sooner than twenty times the last save's cost after a change, so
 * saving stays a small share of the time however large the library. The file is a cache: a crash
 * before a save costs a re-index of the documents it missed (at start the index is reconciled with
 * the library).
 */
export function createIndexSaver(path: string, index: () => WordIndex, delayMs: number, longestMs = LONGEST_SAVE_WAIT_MS) {
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let lastSaveMs = 0;
  /** When the first change not saved yet, and the last change, were made (Date.now()); 0 when saved. */
  let firstChange = 0;
  let lastChange = 0;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstChange = 0;
    writing = writing
      .then(async () => {
        const started = performance.now();
        await writeFileDurably(path, index().serialize());
        lastSaveMs = performance.now() - started;
      })
      .catch(() => {});
    return writing;
  };
  const wait = (ms: number) => {
    timer = setTimeout(due, ms);
    timer.unref?.();
  };
  function due() {
    timer = null;
    const now = Date.now();
    const quietFrom = lastChange + Math.max(delayMs, 20 * lastSaveMs);
    const latest = firstChange + Math.max(longestMs, 100 * lastSaveMs);
    if (now >= quietFrom || now >= latest) void save();
    else wait(Math.min(quietFrom, latest) - now);
  }
  return {
    changed() {
      lastChange = Date.now();
      if (!firstChange) firstChange = lastChange;
      if (!timer) wait(Math.max(delayMs, 20 * lastSaveMs));
    },
    async flush() {
      if (timer) await save();
      await writing;
    },
  };
}
