import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support';
import { openDataFile } from './data-file';
import { dictzip } from './dictionary-files.fixture';

const temp = tempDirs('facing-datafile-');

/** Text that compresses unevenly: repeated words, then bytes that do not compress at all, in turn. */
function unevenData(length: number): Buffer {
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const data = Buffer.alloc(length);
  for (let at = 0; at < length; at++) data[at] = Math.floor(at / 20_000) % 2 === 0 ? random() : 'word '.charCodeAt(at % 5);
  return data;
}

describe('dictzip data', () => {
  it('reads many ranges at once, in any order, sharing and spanning chunks, as the plain bytes', async () => {
    const dir = temp();
    const data = unevenData(400_000);
    writeFileSync(join(dir, 'd.dict.dz'), dictzip(data, 60_000));
    writeFileSync(join(dir, 'd.dict'), data);
    const ranges = [
      { offset: 59_000, length: 30 },
      { offset: 1_000, length: 200 },
      { offset: 18_000, length: 100 }, // its chunk starts with bytes that do not compress: the proportional share falls short
      { offset: 59_990, length: 20 }, // across two chunks
      { offset: 130_000, length: 65_000 },
      { offset: 2_000, length: 0 },
      { offset: 1_000, length: 200 },
      { offset: 399_000, length: 1_000 },
    ];
    for (const file of ['d.dict.dz', 'd.dict']) {
      const path = join(dir, file);
      const opened = await openDataFile(path, file);
      const expected = ranges.map(({ offset, length }) => data.subarray(offset, offset + length));
      expect(await opened.readAll(ranges)).toEqual(expected);
      expect(await opened.read(18_000, 100)).toEqual(data.subarray(18_000, 18_100));
      await opened.close();
      const fresh = await openDataFile(path, file);
      expect(await fresh.read(18_000, 100)).toEqual(data.subarray(18_000, 18_100));
      await expect(fresh.readAll([{ offset: 1_000, length: 10 }, { offset: 399_999, length: 2_000_000 }])).rejects.toThrow(file);
      await fresh.close();
    }
  });

  it('refuses to read a dictzip file cut short after it was opened, rather than inflate what an earlier read left behind', async () => {
    const dir = temp();
    const data = unevenData(400_000);
    const whole = dictzip(data, 60_000);
    const path = join(dir, 'd.dict.dz');
    writeFileSync(path, whole);
    const opened = await openDataFile(path, 'd.dict.dz');
    expect(await opened.read(1_000, 200)).toEqual(data.subarray(1_000, 1_200));
    truncateSync(path, whole.length - 5_000);
    await expect(opened.read(399_000, 1_000)).rejects.toThrow(/d\.dict\.dz.*truncated/);
    await opened.close();
  });
});
