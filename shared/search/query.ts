import { hasNonAscii } from '../text/ascii';
import { fold } from '../text/fold';
import { foldUnit } from './fold-text';
import { isUnspaced, searchTokens, SPACED_WORD_CHAR } from './words';

/** Search terms and texts are compared folded (see fold). */
export const foldTerm = fold;

export interface ParsedQuery {
  /** Every word, for the index. */
  terms: string[];
  /** Quoted phrases, folded, which a hit must contain as written. */
  phrases: string[];
}

/** `"tech finance" Chongqing` -> terms [tech, finance, chongqing], phrases ["tech finance"]; a Chinese or Japanese run is one term. */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[] = [];
  const rest = query.replace(/"([^"]+)"/g, (_, phrase: string) => {
    const words = foldTerm(phrase).match(/[\p{L}\p{N}]+/gu);
    if (words?.length) phrases.push(words.join(' '));
    return ` ${phrase} `;
  });
  const terms = [...new Set(searchTokens(foldTerm(rest)))];
  return { terms, phrases };
}

/** A text folded character by character, with each folded character's position in the original (null: the same position, plain ASCII). */
function foldWithMap(text: string): { folded: string; at: number[] | null } {
  if (!hasNonAscii(text)) return { folded: text.toLowerCase(), at: null };
  let folded = '';
  const at: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const piece = foldUnit(text[k]!);
    for (let j = 0; j < piece.length; j++) at.push(k);
    folded += piece;
  }
  at.push(text.length);
  return { folded, at };
}

/** Whether a text holds each phrase, comparing words only (punctuation and spacing aside). */
export function containsPhrases(text: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return true;
  const folded = foldTerm(text);
  return phrases.every((p) => phrasePattern(p, true).test(folded));
}

/**
 * A folded phrase as a pattern over folded text: its words one after another with anything but
 * letters and digits between them (line breaks too if `acrossLines`), whole words, except where a word is Chinese or Japanese (written
 * without spaces, it may stand in the middle of a run and next to its neighbour).
 */
export function phrasePattern(phrase: string, acrossLines: boolean, flags = 'u'): RegExp {
  const between = acrossLines ? '[^\\p{L}\\p{N}]' : '[^\\p{L}\\p{N}\\n]';
  const words = phrase.split(' ').filter(Boolean);
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lastChar = (w: string) => [...w].pop() ?? '';
  let source = isUnspaced(words[0] ?? '') ? '' : `(?<!${SPACED_WORD_CHAR})`;
  for (const [k, word] of words.entries()) {
    if (k > 0) source += between + (isUnspaced(lastChar(words[k - 1]!)) || isUnspaced(word) ? '*' : '+');
    source += escape(word);
  }
  if (!isUnspaced(lastChar(words[words.length - 1] ?? ''))) source += `(?!${SPACED_WORD_CHAR})`;
  return new RegExp(source, flags);
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * A short extract around the first match, with every word that starts with a query term marked.
 * Returns the extract and the offset of the first match in the text.
 */
export function snippet(text: string, terms: readonly string[], width = 200): { parts: SnippetPart[]; first: number } {
  const { folded, at: map } = foldWithMap(text);
  const at = (k: number) => (map ? map[k]! : k);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    const unspacedTerm = isUnspaced(term);
    const unspacedEnd = isUnspaced([...term].pop()!);
    let from = 0;
    for (let k = folded.indexOf(term, from); k >= 0; k = folded.indexOf(term, from)) {
      const before = k === 0 ? '' : folded[k - 1]!;
      // Chinese and Japanese words need no space around them, and a hit stops where such a run begins.
      if (unspacedTerm || isUnspaced(before) || !/[\p{L}\p{N}]/u.test(before)) {
        let end = k + term.length;
        if (!unspacedEnd) while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end]!) && !isUnspaced(folded[end]!)) end++;
        ranges.push([at(k), at(end)]);
      }
      from = k + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const [s, e] of ranges) {
    if (e <= cursor || s >= end) continue;
    if (s > cursor) parts.push({ text: text.slice(cursor, s), hit: false });
    parts.push({ text: text.slice(Math.max(s, cursor), Math.min(e, end)), hit: true });
    cursor = Math.min(e, end);
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return { parts, first };
}
