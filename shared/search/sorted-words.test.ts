import { describe, expect, it } from 'vitest';
import { SortedWords } from './sorted-words';

const words = ['', 'a', 'ab', 'abc', 'abd', 'b', 'ba', 'volunteer', 'volunteers', 'volunters', 'zebra', 'zebras', 'ärger', '重庆'].sort();
const sorted = () => {
  const { units, starts } = SortedWords.layout(words);
  return new SortedWords(units, starts);
};

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

describe('sorted words', () => {
  it('finds words and ranges of completions', () => {
    const list = sorted();
    for (const [n, word] of words.entries()) expect([list.find(word), list.word(n)]).toEqual([n, word]);
    expect(list.find('abe')).toBe(-1);
    expect(list.find('volunteerss')).toBe(-1);
    const [from, to] = list.range('ab');
    expect(words.slice(from, to)).toEqual(['ab', 'abc', 'abd']);
    expect(list.range('abz')[0]).toBe(list.range('abz')[1]);
    expect(words.slice(...list.range('volunt'))).toEqual(['volunteer', 'volunteers', 'volunters']);
  });

  it('finds every word within the edit distance, as a brute-force comparison does', () => {
    const list = sorted();
    const random = (() => {
      let seed = 7;
      return () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    })();
    const alphabet = 'abeilnorstuvz';
    const many = [...new Set(Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')))].sort();
    const { units, starts } = SortedWords.layout(many);
    const big = new SortedWords(units, starts);
    for (const query of ['volunters', 'zebra', 'ab', 'a', '', 'stone', 'rivers', 'tailors', 'ziz']) {
      for (const d of [0, 1, 2]) {
        const expected = many.flatMap((w, n) => (distance(w, query) <= d ? [[n, distance(w, query)]] : []));
        expect(big.near(query, d).sort((a, b) => a[0]! - b[0]!)).toEqual(expected);
      }
    }
    expect(list.near('volunters', 1).map(([n, d]) => [words[n], d]).sort()).toEqual([
      ['volunteers', 1],
      ['volunters', 0],
    ]);
  });
});
