import { describe, expect, it } from 'vitest';
import { countIndexWords, WordIndex } from './index';
import { countDocumentWords, type PackedWordCounts } from './word-counts';

const paragraphs = [
  { kind: 'heading' as const, text: 'Müller in Łódź' },
  { kind: 'boilerplate' as const, text: 'Accept all cookies' },
  { kind: 'paragraph' as const, text: 'Müller grüßt 重庆 and iPhone手机, twice: Müller.' },
  { kind: 'paragraph' as const, text: '' },
];

const packedWords = (packed: PackedWordCounts) => (packed.words === '' ? [] : packed.words.split(' '));

/** Counts the paragraphs as the import worker does and as search counts a map, and expects the same words, order, counts and length; the packed counts. */
function expectCountedAsSearchCounts(paragraphs: ReadonlyArray<{ kind: 'paragraph' | 'heading' | 'boilerplate'; text: string }>): PackedWordCounts {
  const tf = new Map<string, number>();
  let length = 0;
  for (const p of paragraphs) if (p.kind !== 'boilerplate') length += countIndexWords(p.text, tf);
  const packed = countDocumentWords(paragraphs);
  expect(packed.length).toBe(length);
  expect(packedWords(packed)).toEqual([...tf.keys()]);
  expect([...packed.counts]).toEqual([...tf.values()]);
  return packed;
}

describe('packed word counts', () => {
  it('hold the words and counts search counts, boilerplate left out, in the order first met', () => {
    const packed = expectCountedAsSearchCounts(paragraphs);
    expect(packedWords(packed)).not.toContain('cookies');
    expect(packed.counts[packedWords(packed).indexOf('muller')]).toBe(3);
  });

  it('match the map of countIndexWords on a long text of thousands of distinct words', () => {
    const words = Array.from({ length: 3000 }, (_, n) => `w${(n * 7919) % 3001}x`);
    const long = [{ kind: 'paragraph' as const, text: words.join(' ') }, { kind: 'paragraph' as const, text: words.slice(0, 1500).reverse().join(', ') }];
    expectCountedAsSearchCounts(long);
  });

  it('match the map of countIndexWords on random text: cases, digits, punctuation, accents, CJK, repeats across paragraphs', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = ['The', 'the', 'THE', 'tHe', 'a1', 'A1', '2024', 'x', 'Straße', 'Müller', 'Mueller', 'naïve', '手机', 'iPhone手机', 'don’t', "can't", 'e-mail', 'U.S.A.', 'ΑΘΗΝΑ', 'Zz', 'zz9', '…', '—', ',', '.', '\n', '  '];
    const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');
    for (let round = 0; round < 200; round++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({ kind: random() < 0.1 ? ('boilerplate' as const) : ('paragraph' as const), text: paragraph() }));
      expectCountedAsSearchCounts(paragraphs);
    }
  });

  it('make the same index bytes as the counts added as a map', () => {
    const byMap = new WordIndex();
    const byPacked = new WordIndex();
    for (const [n, text] of ['Zebras graze.', 'Die Straße der Zebras, Straße!', '手机 und Mueller'].entries()) {
      const tf = new Map<string, number>();
      byMap.addCounted(`d${n}`, countIndexWords(text, tf), tf);
      byPacked.addPacked(`d${n}`, countDocumentWords([{ kind: 'paragraph', text }]));
    }
    const bytes = (index: WordIndex) => Buffer.concat([...index.serialize()]);
    expect(bytes(byPacked).equals(bytes(byMap))).toBe(true);
    expect(byPacked.search(['strasse']).map((m) => m.id)).toEqual(['d1']);
  });

  it('are refused when words and counts do not match', () => {
    const packed = countDocumentWords([{ kind: 'paragraph', text: 'one two three' }]);
    expect(() => new WordIndex().addPacked('d', { ...packed, counts: packed.counts.subarray(1) })).toThrow(/3 words and 2 counts/);
  });
});
