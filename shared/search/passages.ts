import { indexWords } from './index';
import { containsPhrases } from './query';

/** One document's paragraphs as search reads them: the texts, and where each word occurs. */
export interface DocumentPassages {
  /** Paragraphs that can be hits (boilerplate left out), with their number in the document. */
  passages: Array<{ paragraph: number; text: string }>;
  /** Word (tokenised as the index does) -> positions in `passages`, ascending. */
  words: Map<string, number[]>;
}

export function documentPassages(paragraphs: ReadonlyArray<{ kind: string; text: string }>): DocumentPassages {
  const passages: DocumentPassages['passages'] = [];
  const words = new Map<string, number[]>();
  for (const [paragraph, { kind, text }] of paragraphs.entries()) {
    if (kind === 'boilerplate' || !text) continue;
    const at = passages.length;
    passages.push({ paragraph, text });
    for (const word of indexWords(text)) {
      const list = words.get(word);
      if (!list) words.set(word, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
  }
  return { passages, words };
}

export interface PassageQuery {
  /** For each query term, the indexed words that stand for it (see WordIndex.top). */
  matched: readonly string[][];
  /** The last term as typed: words beginning with it count for it too (three letters or more). */
  prefix?: string;
  /** Quoted phrases, folded; each must stand in one passage. */
  phrases: readonly string[];
  /** Each phrase's words, for skipping passages that cannot hold it. */
  terms: readonly string[];
}

/** What to show of a document: passages holding every word, or, failing that, the fewest passages that hold them between them. */
export interface ChosenPassages {
  /** Positions in `passages`, in document order. */
  positions: number[];
  /** True when each of them holds every word and phrase; false when they hold them only together. */
  complete: boolean;
}

/** At most this many words and phrases are followed through passages (a bit each); further ones only narrow the documents. */
export const MAX_PASSAGE_TERMS = 30;

/**
 * The passages of a document to show for a query: every passage that holds all the words and
 * phrases, or else a few that hold them between them (each chosen for the most words still missing),
 * or null when the document does not hold them all (a phrase it lacks).
 */
export function choosePassages(doc: DocumentPassages, query: PassageQuery): ChosenPassages | null {
  const termCount = Math.min(query.matched.length, MAX_PASSAGE_TERMS - Math.min(query.phrases.length, MAX_PASSAGE_TERMS));
  const phrases = query.phrases.slice(0, MAX_PASSAGE_TERMS - termCount);
  const masks = new Map<number, number>();
  const mark = (position: number, bit: number) => masks.set(position, (masks.get(position) ?? 0) | bit);
  for (let k = 0; k < termCount; k++) {
    for (const word of query.matched[k]!) for (const position of doc.words.get(word) ?? []) mark(position, 1 << k);
  }
  const prefix = query.prefix;
  if (prefix && prefix.length >= 3 && termCount === query.matched.length) {
    const bit = 1 << (termCount - 1);
    for (const [word, positions] of doc.words) if (word.startsWith(prefix)) for (const position of positions) mark(position, bit);
  }
  for (const [j, phrase] of phrases.entries()) {
    const needs = phrase.split(' ').reduce((bits, word) => {
      const k = query.terms.indexOf(word);
      return k >= 0 && k < termCount ? bits | (1 << k) : bits;
    }, 0);
    for (const [position, mask] of masks) {
      if ((mask & needs) === needs && containsPhrases(doc.passages[position]!.text, [phrase])) mark(position, 1 << (termCount + j));
    }
  }
  const full = 2 ** (termCount + phrases.length) - 1;
  const complete = [...masks].filter(([, mask]) => mask === full).map(([position]) => position);
  if (complete.length > 0) return { positions: complete.sort((a, b) => a - b), complete: true };

  const positions: number[] = [];
  for (let missing = full; missing !== 0; ) {
    let chosen = -1;
    let gain = 0;
    for (const [position, mask] of masks) {
      const count = bitCount(mask & missing);
      if (count > gain || (count === gain && count > 0 && position < chosen)) (chosen = position), (gain = count);
    }
    if (chosen < 0) return null;
    positions.push(chosen);
    missing &= ~masks.get(chosen)!;
  }
  return { positions: positions.sort((a, b) => a - b), complete: false };
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest !== 0; rest &= rest - 1) count++;
  return count;
}
