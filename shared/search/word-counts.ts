import type { BlockKind } from '../model/document';
import { countIndexWords } from './index';

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

/** The counts of a document's paragraphs, as search counts them a slice at a time. */
export function countDocumentWords(paragraphs: Iterable<{ kind: BlockKind; text: string }>): PackedWordCounts {
  const tf = new Map<string, number>();
  let length = 0;
  for (const p of paragraphs) if (p.text && isIndexedKind(p.kind)) length += countIndexWords(p.text, tf);
  return packWordCounts(length, tf);
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
