import type { Headwords } from '../../../shared/dictionary/lexicon';
import { readInFileOrder, type ByteRange, type DataFile } from './data-file';

export interface Definition {
  headword: string;
  definition: string;
  synonym: boolean;
}

/** One opened dictionary, whatever its format. */
export interface DictionaryReader {
  name: string;
  from?: string;
  to?: string;
  entries: number;
  headwords: Headwords;
  /** Definitions under a lower-cased key; a damaged definition is skipped and reported once through `onProblem`. */
  definitions(key: string): Promise<Definition[]>;
  /** Definitions of many keys, read in file order (each chunk inflated once); a key whose definitions cannot be read is left out. */
  definitionsOf(keys: Iterable<string>): Promise<Map<string, Definition[]>>;
  close(): Promise<void>;
}

/** `definitionsOf` for a format whose records are ranges of one data file, turned into text by `text` (which throws on bad bytes). */
export async function definitionsInFileOrder(
  keys: Iterable<string>,
  headwords: Headwords,
  data: DataFile,
  range: (record: number) => ByteRange,
  text: (bytes: Buffer) => string,
): Promise<Map<string, Definition[]>> {
  const wanted = [...new Set(keys)];
  const matches = wanted.map((key) => headwords.find(key));
  const ranges: ByteRange[] = [];
  const owners: Array<[key: number, match: number]> = [];
  matches.forEach((list, k) =>
    list.forEach(({ record }, j) => {
      ranges.push(range(record));
      owners.push([k, j]);
    }),
  );
  const texts = matches.map((list) => new Array<string>(list.length));
  const unreadable = new Set<number>();
  await readInFileOrder(
    data,
    ranges,
    (i, bytes) => {
      const [k, j] = owners[i]!;
      try {
        texts[k]![j] = text(bytes);
      } catch {
        unreadable.add(k);
      }
    },
    (i) => unreadable.add(owners[i]![0]),
  );
  const out = new Map<string, Definition[]>();
  wanted.forEach((key, k) => {
    if (!unreadable.has(k)) out.set(key, matches[k]!.map(({ headword, synonym }, j) => ({ headword, definition: texts[k]![j]!, synonym })));
  });
  return out;
}
