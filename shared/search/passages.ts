import { foldText } from './fold-text';
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
  const matcher = phraseMatcher(phrase);
  const first = matcher.words[0];
  if (first === undefined) return;
  for (const { text, starts } of doc.spellings) {
    for (let at = text.indexOf(first); at >= 0; ) {
      if (!phraseAt(text, at, matcher)) {
        at = text.indexOf(first, at + 1);
        continue;
      }
      const position = passageAt(starts, at);
      masks.set(position, (masks.get(position) ?? 0) | bit);
      at = position + 1 < starts.length ? text.indexOf(first, starts[position + 1]!) : -1;
    }
  }
}

/**
 * A phrase as phrasePattern reads it, followed by hand (a pattern of Unicode classes built for each
 * phrase cost milliseconds to compile, more than the search itself): its words, whether letters or
 * digits may stand right before and after it, and between each word and the one before it, at least
 * one character that is neither (unless one of the two is Chinese or Japanese) and no line break.
 */
interface PhraseMatcher {
  words: string[];
  apart: boolean[];
  open: boolean;
  close: boolean;
}

function phraseMatcher(phrase: string): PhraseMatcher {
  const words = phrase.split(' ').filter(Boolean);
  const lastChar = (w: string) => [...w].pop() ?? '';
  return {
    words,
    apart: words.map((word, k) => k > 0 && !isUnspaced(lastChar(words[k - 1]!)) && !isUnspaced(word)),
    open: !isUnspaced(words[0] ?? ''),
    close: !isUnspaced(lastChar(words[words.length - 1] ?? '')),
  };
}

function phraseAt(text: string, at: number, { words, apart, open, close }: PhraseMatcher): boolean {
  if (open && at > 0 && isSpacedLetter(codePointBefore(text, at))) return false;
  let end = at + words[0]!.length;
  for (let k = 1; k < words.length; k++) {
    const from = end;
    for (; end < text.length; ) {
      const c = String.fromCodePoint(text.codePointAt(end)!);
      if (c === '\n' || isLetterOrDigit(c)) break;
      end += c.length;
    }
    if ((apart[k] && end === from) || !text.startsWith(words[k]!, end)) return false;
    end += words[k]!.length;
  }
  return !(close && end < text.length && isSpacedLetter(String.fromCodePoint(text.codePointAt(end)!)));
}

/** The character (a whole code point) before `at`. */
function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1]!;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return LETTER_OR_DIGIT.test(c);
}

/** A letter or digit of a script written with spaces (SPACED_WORD_CHAR), one code point. */
function isSpacedLetter(c: string): boolean {
  return isLetterOrDigit(c) && !isUnspaced(c);
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
