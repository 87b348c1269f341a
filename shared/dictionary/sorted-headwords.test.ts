import { describe, expect, it } from 'vitest';
import { HeadwordIndex } from './headwords';
import { SortedHeadwords } from './sorted-headwords';

/** Headwords laid out as an index file's lines, with their positions, as the dictd reader finds them. */
function table(words: string[], others: Array<[string, number]> = []) {
  const encoded = words.map((w) => Buffer.from(`${w}\tA\tB\n`));
  const bytes = Uint8Array.from(Buffer.concat(encoded));
  const starts = new Int32Array(words.length);
  const ends = new Int32Array(words.length);
  let at = 0;
  encoded.forEach((line, k) => {
    starts[k] = at;
    ends[k] = at + Buffer.byteLength(words[k]!);
    at += line.length;
  });
  const records = Int32Array.from(words.map((_, k) => k));
  let extra: HeadwordIndex | undefined;
  if (others.length) {
    extra = new HeadwordIndex();
    for (const [word, record] of others) extra.add(word, record);
  }
  return new SortedHeadwords(bytes, starts, ends, records, words.length, extra);
}

const words = ['abend', 'haus', 'haus', 'hausarzt', 'haustür', 'häuser', 'straße', 'straßen', 'zürich'];

describe('headwords kept as sorted index bytes', () => {
  it('finds every record of a key, including repeated headwords and non-ASCII ones', () => {
    const sorted = table(words);
    expect(sorted.find('haus').map((m) => m.record)).toEqual([1, 2]);
    expect(sorted.find('häuser')).toEqual([{ record: 5, headword: 'häuser', synonym: false }]);
    expect(sorted.find('straße').map((m) => m.record)).toEqual([6]);
    expect(sorted.find('zürich').map((m) => m.record)).toEqual([8]);
    expect(sorted.find('hau')).toEqual([]);
    expect(sorted.find('zz')).toEqual([]);
    expect(sorted.find('a')).toEqual([]);
    expect(sorted.has('hausarzt')).toBe(true);
    expect(sorted.has('hausar')).toBe(false);
    expect(sorted.size).toBe(words.length);
  });

  it('lists keys by prefix, each once and at most the limit, non-ASCII decoded', () => {
    const sorted = table(words);
    expect(sorted.withPrefix('haus', 10)).toEqual(['haus', 'hausarzt', 'haustür']);
    expect(sorted.withPrefix('hä', 10)).toEqual(['häuser']);
    expect(sorted.withPrefix('stra', 1)).toEqual(['straße']);
    expect(sorted.withPrefix('q', 10)).toEqual([]);
  });

  it('passes over keys of the wrong shape without decoding them: several words, too short, too long', () => {
    const sorted = table(['haus', 'haus am see', 'hausarzt', 'hausärzte', 'haustür', 'haustürschlüssel']);
    expect(sorted.withPrefix('haus', 10, { oneWord: true })).toEqual(['haus', 'hausarzt', 'hausärzte', 'haustür', 'haustürschlüssel']);
    expect(sorted.withPrefix('haus', 10, { oneWord: true, minLength: 7, maxLength: 9 })).toEqual(['hausarzt', 'hausärzte', 'haustür']);
    expect(sorted.withPrefix('haus', 2, { minLength: 5 })).toEqual(['haus am see', 'hausarzt']);
  });

  it('answers like a HeadwordIndex of the same words', () => {
    const sorted = table(words);
    const index = new HeadwordIndex();
    words.forEach((w, k) => index.add(w, k));
    for (const key of ['haus', 'häuser', 'straßen', 'abend', 'ab', 'zürich', 'zürichs']) {
      expect(sorted.find(key)).toEqual(index.find(key));
      expect(sorted.has(key)).toBe(index.has(key));
      expect(sorted.withPrefix(key.slice(0, 3), 50).sort()).toEqual(index.withPrefix(key.slice(0, 3), 50).sort());
    }
  });

  it('also finds the headwords that were not their own key', () => {
    const sorted = table(words, [[' ab', 20], ['Zürich', 21]]);
    expect(sorted.find('ab')).toEqual([{ record: 20, headword: ' ab', synonym: false }]);
    expect(sorted.find('zürich').map((m) => m.record)).toEqual([8, 21]);
    expect(sorted.withPrefix('a', 10).sort()).toEqual(['ab', 'abend']);
    expect(sorted.size).toBe(words.length + 2);
  });
});
