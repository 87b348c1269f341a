import { describe, expect, it } from 'vitest';
import { hashWord, WordNumbers } from './word-numbers';

describe('word numbers', () => {
  it('numbers words in the order added and finds each again, as a word or as a piece of a text', () => {
    const table = new WordNumbers();
    const words = Array.from({ length: 20_000 }, (_, n) => `w${n.toString(36)}${'x'.repeat(n % 40)}`);
    expect(words.map((w) => table.add(w))).toEqual(words.map((_, n) => n));
    expect(table.size).toBe(words.length);
    expect(words.map((w) => table.add(w))).toEqual(words.map((_, n) => n));
    const text = `Some TEXT with ${words[12_345]} inside`;
    const from = text.indexOf(words[12_345]!);
    const to = from + words[12_345]!.length;
    expect(table.lookup(hashWord(words[12_345]!), text, from, to)).toBe(12_345);
    expect(table.find('absent')).toBe(-1);
    expect(table.words[19_999]).toBe(words[19_999]);
  });

  it('lowers A-Z in the text when asked, and tells apart words of the same hash or of one another’s beginning', () => {
    const table = new WordNumbers();
    const hash = hashWord('house');
    table.insert(table.lookup(hash, 'house', 0, 5), 'house', hash);
    // A word with the same hash (a collision) is a different word.
    const other = table.lookup(hash, 'mouse', 0, 5);
    expect(other).toBeLessThan(0);
    expect(table.insert(other, 'mouse', hash)).toBe(1);
    expect(table.lookup(hash, 'mouse', 0, 5)).toBe(1);
    expect(table.lookup(hash, 'house', 0, 5)).toBe(0);
    expect(table.lookup(hash, 'hous', 0, 4)).toBeLessThan(0);
    expect(table.lookup(hash, 'The HOUSE', 4, 9, true)).toBe(0);
    expect(table.lookup(hash, 'The HOUSE', 4, 9)).toBeLessThan(0);
    expect(table.find('Grundstücksverkehrsgenehmigung')).toBe(-1);
    expect(table.add('Grundstücksverkehrsgenehmigung')).toBe(2);
    expect(table.find('Grundstücksverkehrsgenehmigung')).toBe(2);
  });
});
