import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordIndex } from '../../../shared/search/index';
import { tempDirs } from '../test-support';
import { createIndexSaver, readIndexFile } from './index-file';

const temp = tempDirs('facing-index-file-');

describe('index saver', () => {
  afterEach(() => void vi.useRealTimers());

  async function burst(longestMs: number) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const path = join(temp(), 'index.bin');
    const index = new WordIndex();
    // The documents in the index each time a save took it.
    const savedAt: number[] = [];
    const saver = createIndexSaver(path, () => (savedAt.push(index.size), index), 1_000, longestMs);
    // An import every 100 ms for 10 s.
    for (let n = 0; n < 100; n++) {
      index.add(`d${n}`, `word${n} shared`);
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    return { path, index, saver, savedAt };
  }

  it('waits for a burst of changes to end, then saves once they stop', async () => {
    const { path, saver, savedAt } = await burst(60_000);
    expect(savedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(savedAt).toEqual([100]);
    await saver.flush();
    expect(savedAt).toEqual([100]);
    expect((await readIndexFile(path))?.size).toBe(100);
  });

  it('saves during a burst that goes on longer than the longest wait', async () => {
    const { path, index, saver, savedAt } = await burst(3_000);
    // 3 s after the first change, the burst still going (later waits grow with what a save cost).
    expect(savedAt.length).toBeGreaterThan(0);
    expect(savedAt[0]).toBeGreaterThanOrEqual(29);
    expect(savedAt[0]).toBeLessThan(35);
    index.add('last', 'final words');
    saver.changed();
    await saver.flush();
    expect((await readIndexFile(path))?.search(['final']).map((m) => m.id)).toEqual(['last']);
  });
});
