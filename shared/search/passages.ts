import { hasNonAscii, isAsciiAlnum } from '../text/ascii';
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

/**
 * A passage, made by a class and not an object literal: V8 learns from a literal whose objects
 * outlive a garbage collection to allocate them in the old generation at once. A search's passages
 * live across its file reads, so after a few queries they were, and each then kept its new text
 * alive until a full collection: about 0.7 MB copied and promoted a query at 10,000 documents, the
 * collections three times as long.
 */
class Passage {
  constructor(
    readonly paragraph: number,
    readonly text: string,
  ) {}
}

export function documentPassages(paragraphs: ReadonlyArray<{ kind: string; text: string }>): DocumentPassages {
  const passages: DocumentPassages['passages'] = [];
  for (const [paragraph, { kind, text }] of paragraphs.entries()) if (kind !== 'boilerplate' && text) passages.push(new Passage(paragraph, text));
  const join = (texts: string[]) => {
    const starts: number[] = [];
    let at = 0;
    for (const text of texts) (starts.push(at), (at += text.length + 1));
    return { text: texts.join('\n'), starts };
  };
  const joined = join(passages.map((p) => p.text));
  // Plain ASCII (most English books) folds as one lower-casing of the whole text: no paragraph is tested or copied on its own.
  if (isAscii(joined.text)) return { passages, spellings: [{ text: joined.text.toLowerCase(), starts: joined.starts }] };
  const spellings = [join(passages.map((p) => foldText(p.text)))];
  if (UMLAUT.test(joined.text)) spellings.push(join(passages.map((p) => foldText(p.text.replace(UMLAUTS, (c) => SPELT_UMLAUTS[c]!)))));
  return { passages, spellings };
}

type Encoder = { encodeInto(text: string, into: Uint8Array): { read: number } };
const Utf8 = (globalThis as { TextEncoder?: new () => Encoder }).TextEncoder;
const encoder = Utf8 ? new Utf8() : null;
/** Characters checked at a time by isAscii. */
const ASCII_SLICE = 1 << 16;
const asciiScratch = new Uint8Array(ASCII_SLICE);

/**
 * Whether a text is plain ASCII: a slice of it encoded as UTF-8 fills no more bytes than it has
 * characters (the platform's encoder checks a 100 kB book in a third of the time a pattern takes).
 */
export function isAscii(text: string): boolean {
  if (!encoder) return !hasNonAscii(text);
  for (let at = 0; at < text.length; at += ASCII_SLICE) {
    const slice = text.length <= ASCII_SLICE ? text : text.slice(at, at + ASCII_SLICE);
    if (encoder.encodeInto(slice, asciiScratch.subarray(0, slice.length)).read < slice.length) return false;
  }
  return true;
}

const UMLAUT = /[äöüÄÖÜ]/;
const UMLAUTS = /[äöüÄÖÜ]/g;
const SPELT_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** A letter or digit of a script written with spaces (a Chinese or Japanese character is a word boundary of its own). */
function isSpacedWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return isAsciiAlnum(c);
  return /[\p{L}\p{N}]/u.test(text[at]!) && !isUnspaced(text.slice(at, at + 2));
}

/** Where, from `from` on, a folded text holds what a term or phrase looks for: the position, or -1. */
type Finder = (text: string, from: number) => number;

/** Finds the word as a whole word (or, with `prefix`, a word beginning with it). */
function wordFinder(word: string, prefix: boolean): Finder {
  // Chinese and Japanese words stand without spaces: only a spaced word needs a boundary at that end.
  const open = !isUnspaced(word);
  const close = !prefix && !isUnspaced([...word].pop()!);
  return (text, from) => {
    for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
      if (!((open && isSpacedWordChar(text, at - 1)) || (close && isSpacedWordChar(text, at + word.length)))) return at;
    }
    return -1;
  };
}

/** Finds the phrase's words one after another, whatever stands between them but letters and digits. */
function phraseFinder(phrase: string): Finder | null {
  const matcher = phraseMatcher(phrase);
  const first = matcher.words[0];
  if (first === undefined) return null;
  return (text, from) => {
    for (let at = text.indexOf(first, from); at >= 0; at = text.indexOf(first, at + 1)) if (phraseAt(text, at, matcher)) return at;
    return -1;
  };
}

/**
 * Which of the given passages (ascending) hold what any of the finders look for, in any spelling.
 * Each finder goes through each spelling once at most, jumping from a passage's start to the next
 * occurrence and on from the next passage it is asked about; a passage already found is not looked at again.
 */
function passagesHolding(doc: DocumentPassages, finders: readonly Finder[], positions: readonly number[]): number[] {
  const hit = new Uint8Array(doc.passages.length);
  let rest = positions;
  for (const find of finders) {
    for (const { text, starts } of doc.spellings) {
      let found = false;
      for (let n = 0; n < rest.length; ) {
        const at = find(text, starts[rest[n]!]!);
        if (at < 0) break;
        const position = passageAt(starts, at);
        while (n < rest.length && rest[n]! < position) n++;
        if (rest[n] === position) ((hit[position] = 1), n++, (found = true));
      }
      if (found) rest = rest.filter((p) => !hit[p]);
      if (rest.length === 0) return [...positions];
    }
  }
  return positions.filter((p) => hit[p]);
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
  if (code < 0x80) return isAsciiAlnum(code);
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
  const prefix = query.prefix && query.prefix.length >= 3 && termCount === query.matched.length ? query.prefix : null;
  // A bit for each term and phrase; phrases are looked for first (the fewest passages hold them).
  const tests: Array<{ bit: number; finders: Finder[] }> = [];
  for (const [j, phrase] of phrases.entries()) {
    const finder = phraseFinder(phrase);
    tests.push({ bit: 1 << (termCount + j), finders: finder ? [finder] : [] });
  }
  for (let k = 0; k < termCount; k++) {
    const completes = k === termCount - 1 && prefix !== null;
    // The prefix itself finds all its completions in one scan.
    const finders = completes ? [wordFinder(prefix, true)] : [];
    for (const word of query.matched[k]!) if (!(completes && word.startsWith(prefix))) finders.push(wordFinder(word, false));
    tests.push({ bit: 1 << k, finders });
  }
  if (tests.length === 0) return { positions: [], complete: false };

  // The passages holding everything: each test looks only in those that passed the ones before.
  const all = doc.passages.map((_, position) => position);
  const looked: Array<{ in: number[]; found: number[] }> = [];
  let complete = all;
  for (const { finders } of tests) {
    looked.push({ in: complete, found: (complete = passagesHolding(doc, finders, complete)) });
    if (complete.length === 0) break;
  }
  if (complete.length > 0) return { positions: complete, complete: true };

  // None holds them all: what each passage holds (looked for in the passages not looked in yet), for the fewest that hold them between them.
  const masks = new Map<number, number>();
  const seen = new Uint8Array(all.length);
  for (const [n, { bit, finders }] of tests.entries()) {
    const before = looked[n];
    if (before) for (const position of before.in) seen[position] = n + 1;
    const holding = [...(before?.found ?? []), ...passagesHolding(doc, finders, before ? all.filter((p) => seen[p] !== n + 1) : all)];
    if (holding.length === 0) return null;
    for (const position of holding) masks.set(position, (masks.get(position) ?? 0) | bit);
  }
  const full = 2 ** (termCount + phrases.length) - 1;
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
