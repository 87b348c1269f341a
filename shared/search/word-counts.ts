import type { BlockKind } from '../model/document';
import { indexWords } from './index';

/**
 * A document's indexed words (see countIndexWords) and how often each occurs, packed to cross from
 * an import worker in two pieces rather than thousands of entries: the words in the order first met,
 * joined by spaces (an indexed word is letters and digits only), and their counts in the same order.
 */
export interface PackedWordCounts {
  /** Words in the document, repeats included: its length for ranking. */
  length: number;
  words: string;
  counts: Uint32Array;
}

/** Whether search indexes a paragraph of this kind (running heads, page numbers and such are left out). */
export const isIndexedKind = (kind: BlockKind): boolean => kind !== 'boilerplate';

/**
 * The counts of a document's paragraphs, as search counts them a slice at a time (the same words in
 * the same order as countIndexWords and packWordCounts give). Each word is looked up once, its count
 * kept in an array: half the time of a map counted with a get and a set, and this runs for every
 * document imported.
 */
export function countDocumentWords(paragraphs: Iterable<{ kind: BlockKind; text: string }>): PackedWordCounts {
  const slots = new Map<string, number>();
  const words: string[] = [];
  let counts = new Uint32Array(1024);
  let length = 0;
  for (const p of paragraphs) {
    if (!p.text || !isIndexedKind(p.kind)) continue;
    for (const word of indexWords(p.text)) {
      length++;
      const slot = slots.get(word);
      if (slot !== undefined) {
        counts[slot]!++;
        continue;
      }
      if (words.length === counts.length) {
        const grown = new Uint32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
      slots.set(word, words.length);
      counts[words.length] = 1;
      words.push(word);
    }
  }
  return { length, words: words.join(' '), counts: counts.slice(0, words.length) };
}

export function packWordCounts(length: number, tf: ReadonlyMap<string, number>): PackedWordCounts {
  const counts = new Uint32Array(tf.size);
  let k = 0;
  for (const count of tf.values()) counts[k++] = count;
  return { length, words: [...tf.keys()].join(' '), counts };
}

/** The words of packed counts, in their order; throws when the two pieces do not match. */
export function packedWords(packed: PackedWordCounts): string[] {
  const words = packed.words === '' ? [] : packed.words.split(' ');
  if (words.length !== packed.counts.length) throw new Error(`packed word counts hold ${words.length} words and ${packed.counts.length} counts`);
  return words;
}
