import { foldText } from './fold-text';
import { phrasePattern } from './query';
import { isUnspaced } from './words';

/**
 * One document's paragraphs as search reads them: the texts, and all of them folded into one
 * string (a second with umlauts spelt "ae", "oe", "ue" when there are any), so a word is found with
 * one scan of the document, not one a paragraph.
 */
export interface DocumentPassages {
  /** Paragraphs that can be hits (boilerplate left out), with their number in the document. */
  passages: Array<{ paragraph: number; text: string }>;
  /** The passages folded and joined by a line break, with where each starts. */
  spellings: Array<{ text: string; starts: number[] }>;
}

export function documentPassages(paragraphs: ReadonlyArray<{ kind: string; text: string }>): DocumentPassages {
  const passages: DocumentPassages['passages'] = [];
  for (const [paragraph, { kind, text }] of paragraphs.entries()) if (kind !== 'boilerplate' && text) passages.push({ paragraph, text });
  const join = (texts: string[]) => {
    const starts: number[] = [];
    let at = 0;
    for (const text of texts) (starts.push(at), (at += text.length + 1));
    return { text: texts.join('\n'), starts };
  };
  const joined = join(passages.map((p) => p.text));
  // Plain ASCII (most English books) folds as one lower-casing of the whole text: no paragraph is tested or copied on its own.
  if (!NON_ASCII.test(joined.text)) return { passages, spellings: [{ text: joined.text.toLowerCase(), starts: joined.starts }] };
  const spellings = [join(passages.map((p) => foldText(p.text)))];
  if (UMLAUT.test(joined.text)) spellings.push(join(passages.map((p) => foldText(p.text.replace(UMLAUTS, (c) => SPELT_UMLAUTS[c]!)))));
  return { passages, spellings };
}

const NON_ASCII = /[^\u0000-\u007f]/;
const UMLAUT = /[äöüÄÖÜ]/;
const UMLAUTS = /[äöüÄÖÜ]/g;
const SPELT_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** A letter or digit of a script written with spaces (a Chinese or Japanese character is a word boundary of its own). */
function isSpacedWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  return /[\p{L}\p{N}]/u.test(text[at]!) && !isUnspaced(text.slice(at, at + 2));
}

/** Marks `bit` on every passage holding the word as a whole word (or, with `prefix`, a word beginning with it). */
function markWord(doc: DocumentPassages, word: string, prefix: boolean, bit: number, masks: Map<number, number>): void {
  // Chinese and Japanese words stand without spaces: only a spaced word needs a boundary at that end.
  const open = !isUnspaced(word);
  const close = !prefix && !isUnspaced([...word].pop()!);
  for (const { text, starts } of doc.spellings) {
    for (let at = text.indexOf(word); at >= 0; ) {
      if ((open && isSpacedWordChar(text, at - 1)) || (close && isSpacedWordChar(text, at + word.length))) {
        at = text.indexOf(word, at + 1);
        continue;
      }
      const position = passageAt(starts, at);
      masks.set(position, (masks.get(position) ?? 0) | bit);
      // One occurrence a passage is enough: go on from the next one.
      at = position + 1 < starts.length ? text.indexOf(word, starts[position + 1]!) : -1;
    }
  }
}

/** Marks `bit` on every passage holding the phrase's words one after another, whatever stands between them but letters and digits. */
function markPhrase(doc: DocumentPassages, phrase: string, bit: number, masks: Map<number, number>): void {
  const pattern = phrasePattern(phrase, false, 'gu');
  for (const { text, starts } of doc.spellings) {
    for (const match of text.matchAll(pattern)) {
      const position = passageAt(starts, match.index);
      masks.set(position, (masks.get(position) ?? 0) | bit);
    }
  }
}

/** The passage a position in the joined text falls in. */
function passageAt(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface PassageQuery {
  /** For each query term, the indexed words that stand for it (see WordIndex.top). */
  matched: readonly string[][];
  /** The last term as typed: words beginning with it count for it too (three letters or more). */
  prefix?: string;
  /** Quoted phrases, folded; each must stand in one passage. */
  phrases: readonly string[];
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
  const prefix = query.prefix && query.prefix.length >= 3 && termCount === query.matched.length ? query.prefix : null;
  for (let k = 0; k < termCount; k++) {
    const bit = 1 << k;
    const completes = k === termCount - 1 && prefix !== null;
    // The prefix itself finds all its completions in one scan.
    if (completes) markWord(doc, prefix, true, bit, masks);
    for (const word of query.matched[k]!) if (!(completes && word.startsWith(prefix))) markWord(doc, word, false, bit, masks);
  }
  for (const [j, phrase] of phrases.entries()) markPhrase(doc, phrase, 1 << (termCount + j), masks);
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
