import { describe, expect, it } from 'vitest';
import { tokenPattern } from './anchors';
import { TokenTable } from './tokens';

const tokensOf = (table: TokenTable, text: string) => {
  const count = table.scan(text);
  return Array.from(table.found.subarray(0, count), (number) => table.tokens[number]!);
};

describe('TokenTable', () => {
  it('finds the tokens tokenPattern finds, in order', () => {
    const table = new TokenTable();
    const texts = [
      "L’été de l'an 1912 — « Straße », Œuvre; rock-'n'-roll?",
      'Ĉu vi? 𝒜𝒷𝒸 de\u0301ja\u0300 vu, ǅemal, ﬁn, \u0301accent, naïve-',
      'Zahlen 36.464 und 15 % ohne Wörter: 2024!',
      '\ud835 lone \udc00 surrogates 😀emoji😀 日本語のテキスト',
    ];
    for (const text of texts) expect(tokensOf(table, text)).toEqual(text.match(tokenPattern) ?? []);
  });

  it('agrees with tokenPattern on random text of letters, marks, digits, punctuation and surrogates', () => {
    const alphabet = [...'aZéß’\'- .,1«»\u0301\u00a0\u2019-', 'Ж', '日', '\ud835', '\udc9c', '😀', '𝒜', 'ǅ'];
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const table = new TokenTable();
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(tokensOf(table, text)).toEqual(text.match(tokenPattern) ?? []);
    }
  });

  it('gives a spelling one number however often it is met, and grows past its first sizes', () => {
    const table = new TokenTable();
    const words = Array.from({ length: 5000 }, (_, k) => `wort${k.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!)}`);
    table.scan(words.join(' '));
    const count = table.scan([...words].reverse().join(' '));
    expect(count).toBe(5000);
    expect(table.tokens).toHaveLength(5000);
    expect(Array.from(table.found.subarray(0, count), (k) => table.tokens[k])).toEqual([...words].reverse());
    expect(tokensOf(table, 'wortq Wortq wortq')).toEqual(['wortq', 'Wortq', 'wortq']);
    expect(table.tokens).toHaveLength(5001);
  });
});
