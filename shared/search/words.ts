/**
 * Chinese and Japanese are written without spaces: a run of their characters holds many words, and
 * where one ends is a matter of a dictionary (Intl.Segmenter's splits a query differently from the
 * same words in a sentence: "第一章" is one word to it, so "一章" would never be found). Such a run is
 * indexed as its characters and each pair of neighbours (as Lucene's CJK analyzer does), and a query
 * run must hold every pair of it: any part of a sentence is found; passages check the run itself.
 */
const UNSPACED_CLASS = '[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}]';
const UNSPACED_CHAR = new RegExp(UNSPACED_CLASS, 'u');
/** A letter or digit of a spaced script, for patterns (flag u). */
export const SPACED_WORD_CHAR = `(?:(?!${UNSPACED_CLASS})[\\p{L}\\p{N}])`;
const RUNS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+/gu;

/** Pairs of one run followed through the index: enough to narrow the documents, passages check the rest. */
const MAX_QUERY_PAIRS = 64;

/** Whether a character (or a word's first character) belongs to a script written without spaces. */
export function isUnspaced(text: string): boolean {
  return text.length > 0 && UNSPACED_CHAR.test(String.fromCodePoint(text.codePointAt(0)!));
}

/** Whether a text holds any character of a script written without spaces. */
export function hasUnspaced(text: string): boolean {
  return UNSPACED_CHAR.test(text);
}

/** A word of letters and digits cut where it changes between spaced and unspaced script ("iphone手机" -> iphone, 手机). */
export function splitRuns(word: string): string[] {
  return UNSPACED_CHAR.test(word) ? (word.match(RUNS) ?? []) : [word];
}

/** Words (letters and digits) of an already folded text, unspaced runs whole. */
export function searchTokens(folded: string): string[] {
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap(splitRuns);
}

/** What an unspaced run is indexed as: each character and each pair of neighbouring characters. */
export function runGrams(run: string, out: string[] = []): string[] {
  const chars = [...run];
  for (let k = 0; k < chars.length; k++) {
    out.push(chars[k]!);
    if (k + 1 < chars.length) out.push(chars[k]! + chars[k + 1]!);
  }
  return out;
}

/** What a document must hold for an unspaced query run: its pairs (a run of one character: itself). */
export function queryGrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs = new Set<string>();
  for (let k = 0; k + 1 < chars.length && pairs.size < MAX_QUERY_PAIRS; k++) pairs.add(chars[k]! + chars[k + 1]!);
  return [...pairs];
}
