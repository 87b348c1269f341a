import { stemmerFor } from '../dictionary/stemming';
import { fold } from '../text/fold';
import type { TranslationLexicon } from './lexicon';

/** A word of a row's text and where it is in that text. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

export type LinkReason = 'dictionary' | 'same' | 'similar' | 'cooccurrence';

/** A word on the other side that likely translates the hovered one, with how sure that is (0..1). */
export interface WordLink {
  index: number;
  strength: number;
  reason: LinkReason;
}

export interface WordLinkEvidence {
  /** Translations from side a's language into side b's (`from` = a's language), and back. */
  forward?: TranslationLexicon;
  backward?: TranslationLexicon;
  /** Learned from the pair's own rows; absent until the pair has enough of them. */
  cooccurrence?: Cooccurrence;
}

/** Co-occurrence of stems over a pair's aligned rows: Dice = 2·both / (rows with a + rows with b). */
export interface Cooccurrence {
  dice(stemA: string, stemB: string): number;
  rows: number;
}

/** Fewer rows than this say nothing reliable about which words go together. */
export const MIN_ROWS_FOR_STATISTICS = 50;
/** A word pair seen together fewer times than this is chance. */
export const MIN_TOGETHER = 3;
/** Dice below this is noise; among the rest, only those near the row's best count (competitive linking). */
const MIN_DICE = 0.3;
const NEAR_BEST = 0.6;
const MAX_WORDS_PER_ROW = 80;

const wordPattern = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** The words of a text: letters and digits, split at hyphens ("Tech-Finanzierung" → "Tech", "Finanzierung"). */
export function wordTokens(text: string): WordToken[] {
  return [...text.matchAll(wordPattern)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How alike two words are as written, for names, numbers and cognates ("Alliance"/"Allianz"): 0 for
 * short words that merely coincide across languages ("die", "war", "in").
 */
export function formSimilarity(a: string, b: string): { strength: number; reason: 'same' | 'similar' } | undefined {
  const x = fold(a);
  const y = fold(b);
  if (isNumber(x) || isNumber(y)) return x === y ? { strength: 1, reason: 'same' } : undefined;
  if (x === y) return x.length >= 4 ? { strength: 0.9, reason: 'same' } : undefined;
  if (x.length < 5 || y.length < 5) return undefined;
  const longer = Math.max(x.length, y.length);
  const ratio = 1 - editDistance(x, y) / longer;
  const prefix = commonPrefix(x, y);
  if (prefix >= 5 || ratio >= 0.75) return { strength: Math.min(0.8, 0.4 + 0.4 * Math.max(ratio, prefix / longer)), reason: 'similar' };
  return undefined;
}

/** Rows beyond this are sampled evenly: frequent words' statistics settle long before, and a book stays quick. */
export const MAX_ROWS_FOR_STATISTICS = 4000;

/**
 * Learns which stems go together from a pair's aligned rows (each row: side a's text, side b's).
 * Undefined below MIN_ROWS_FOR_STATISTICS rows: too few to tell chance from translation.
 */
export function learnCooccurrence(rows: ReadonlyArray<readonly [string, string]>, languages: readonly [string, string]): Cooccurrence | undefined {
  let usable = rows.filter(([a, b]) => a.trim() && b.trim());
  if (usable.length < MIN_ROWS_FOR_STATISTICS) return undefined;
  if (usable.length > MAX_ROWS_FOR_STATISTICS) {
    const step = usable.length / MAX_ROWS_FOR_STATISTICS;
    usable = Array.from({ length: MAX_ROWS_FOR_STATISTICS }, (_, k) => usable[Math.floor(k * step)]!);
  }
  // Stems as small integers, each distinct word stemmed once.
  const ids = [new Map<string, number>(), new Map<string, number>()];
  const seen = [new Map<string, number>(), new Map<string, number>()];
  const stems = [stemmerFor(languages[0]), stemmerFor(languages[1])];
  const idsOf = (text: string, side: 0 | 1) => {
    const out = new Set<number>();
    for (const token of wordTokens(text).slice(0, MAX_WORDS_PER_ROW)) {
      let id = seen[side]!.get(token.text);
      if (id === undefined) {
        const stem = stems[side]!(fold(token.text));
        id = ids[side]!.get(stem) ?? ids[side]!.size;
        ids[side]!.set(stem, id);
        seen[side]!.set(token.text, id);
      }
      out.add(id);
    }
    return [...out];
  };
  const sets = usable.map(([a, b]) => [idsOf(a, 0), idsOf(b, 1)] as const);
  const countA = new Uint32Array(ids[0]!.size);
  const countB = new Uint32Array(ids[1]!.size);
  for (const [a, b] of sets) {
    for (const x of a) countA[x]!++;
    for (const y of b) countB[y]!++;
  }
  // Only words seen often enough can be seen together often enough: skip the rest before pairing.
  const width = ids[1]!.size;
  const together = new Map<number, number>();
  for (const [a, b] of sets) {
    const right = b.filter((y) => countB[y]! >= MIN_TOGETHER);
    for (const x of a) {
      if (countA[x]! < MIN_TOGETHER) continue;
      for (const y of right) {
        const key = x * width + y;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
    }
  }
  return {
    rows: usable.length,
    dice(stemA, stemB) {
      const [x, y] = [ids[0]!.get(stemA), ids[1]!.get(stemB)];
      if (x === undefined || y === undefined) return 0;
      const both = together.get(x * width + y) ?? 0;
      return both < MIN_TOGETHER ? 0 : (2 * both) / (countA[x]! + countB[y]!);
    },
  };
}

/**
 * A lexicon from what `dictionaries:translations` answers: each word with all its translations (the
 * aligner's lexicon keeps a few per word; a word link must not miss "Veranstaltungen", the 19th for "event").
 */
export function lexiconFromTranslations(from: string, to: string, translations: Readonly<Record<string, readonly string[]>>): TranslationLexicon {
  const [stemFrom, stemTo] = [stemmerFor(from), stemmerFor(to)];
  const map = new Map<string, Set<string>>();
  for (const [word, list] of Object.entries(translations)) {
    const key = stemFrom(fold(word));
    const targets = map.get(key) ?? new Set<string>();
    for (const translation of list) {
      const parts = wordTokens(fold(translation)).map((t) => t.text);
      // "pomme de terre" is one translation: its content words, not "de".
      for (const part of parts.length > 1 ? parts.filter((p) => p.length >= 4) : parts) targets.add(stemTo(part));
    }
    if (targets.size) map.set(key, targets);
  }
  const frozen = new Map([...map].map(([k, v]) => [k, [...v]]));
  return { from, to, targets: (stem) => frozen.get(stem), size: frozen.size };
}

/**
 * The words of side b that likely translate word `index` of side a (or, with `side: 'b'`, the other
 * way round), strongest first. Evidence: dictionaries (stems on both sides), the same or nearly the same
 * word form, and co-occurrence over the pair's rows. Nothing known gives nothing: position never counts.
 */
export function wordLinks(
  texts: readonly [string, string],
  languages: readonly [string, string],
  hovered: { side: 'a' | 'b'; index: number },
  evidence: WordLinkEvidence = {},
): WordLink[] {
  const tokensA = wordTokens(texts[0]);
  const tokensB = wordTokens(texts[1]);
  const word = (hovered.side === 'a' ? tokensA : tokensB)[hovered.index];
  if (!word) return [];
  const [stemA, stemB] = [stemmerFor(languages[0]), stemmerFor(languages[1])];
  const others = hovered.side === 'a' ? tokensB : tokensA;
  const stemsA = tokensA.map((t) => stemA(fold(t.text)));
  const stemsB = tokensB.map((t) => stemB(fold(t.text)));
  const best = new Map<number, WordLink>();
  const offer = (index: number, strength: number, reason: LinkReason) => {
    if (strength > (best.get(index)?.strength ?? 0)) best.set(index, { index, strength, reason });
  };

  others.forEach((other, j) => {
    const [i, k] = hovered.side === 'a' ? [hovered.index, j] : [j, hovered.index];
    const translates = evidence.forward?.targets(stemsA[i]!)?.includes(stemsB[k]!) || evidence.backward?.targets(stemsB[k]!)?.includes(stemsA[i]!);
    if (translates) offer(j, 0.9, 'dictionary');
    const similar = formSimilarity(word.text, other.text);
    if (similar) offer(j, similar.strength, similar.reason);
  });

  const statistics = evidence.cooccurrence;
  if (statistics) {
    const scores = others.map((_, j) => (hovered.side === 'a' ? statistics.dice(stemsA[hovered.index]!, stemsB[j]!) : statistics.dice(stemsA[j]!, stemsB[hovered.index]!)));
    const top = Math.max(0, ...scores);
    scores.forEach((dice, j) => {
      if (dice >= MIN_DICE && dice >= top * NEAR_BEST) offer(j, Math.min(0.85, dice), 'cooccurrence');
    });
  }
  return [...best.values()].sort((x, y) => y.strength - x.strength || x.index - y.index);
}
