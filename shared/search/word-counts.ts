import type { BlockKind } from '../model/document';
import { hasNonAscii, isAsciiAlnum } from '../text/ascii';
import { indexWords } from './index';
import { grown, HASH_START, hashStep, WordNumbers } from './word-numbers';

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
 * the same order as countIndexWords and packWordCounts give). This runs for every document imported:
 * a paragraph of ASCII only is scanned here letter by letter, each word hashed as it is read and
 * counted without making a string of it unless it is new (see WordNumbers); any other paragraph's
 * words come from indexWords.
 */
export function countDocumentWords(paragraphs: Iterable<{ kind: BlockKind; text: string }>): PackedWordCounts {
  const known = new WordNumbers();
  let counts = new Uint32Array(1024);
  let length = 0;
  const count = (number: number) => {
    if (number === counts.length) counts = grown(counts, number * 2);
    counts[number]!++;
  };
  for (const p of paragraphs) {
    if (!p.text || !isIndexedKind(p.kind)) continue;
    if (hasNonAscii(p.text)) {
      const words = indexWords(p.text);
      for (const word of words) count(known.add(word));
      length += words.length;
      continue;
    }
    const text = p.text;
    for (let at = 0; at < text.length; ) {
      if (!isAsciiAlnum(text.charCodeAt(at))) {
        at++;
        continue;
      }
      const from = at;
      let hash = HASH_START;
      for (; at < text.length; at++) {
        const c = text.charCodeAt(at);
        if (!isAsciiAlnum(c)) break;
        hash = hashStep(hash, c >= 65 && c <= 90 ? c + 32 : c);
      }
      const found = known.lookup(hash, text, from, at, true);
      count(found >= 0 ? found : known.insert(found, text.slice(from, at).toLowerCase(), hash));
      length++;
    }
  }
  return { length, words: known.words.join(' '), counts: counts.slice(0, known.size) };
}

export function packWordCounts(length: number, tf: ReadonlyMap<string, number>): PackedWordCounts {
  const counts = new Uint32Array(tf.size);
  let k = 0;
  for (const count of tf.values()) counts[k++] = count;
  return { length, words: [...tf.keys()].join(' '), counts };
}

/** How many words packed counts hold; throws when the words and the counts do not match. */
export function packedWordCount(packed: PackedWordCounts): number {
  let spaces = 0;
  for (let at = packed.words.indexOf(' '); at >= 0; at = packed.words.indexOf(' ', at + 1)) spaces++;
  const count = packed.words === '' ? 0 : spaces + 1;
  if (count !== packed.counts.length) throw new Error(`packed word counts hold ${count} words and ${packed.counts.length} counts`);
  return count;
}
