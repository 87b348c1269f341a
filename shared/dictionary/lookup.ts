import { fold } from '../text/fold';
import { lexiconKey, type Lexicon } from './lexicon';
import type { MatchKind } from './model';
import { buildsCompounds, stemmerFor } from './stemming';
import { cleanWord } from './pointed-word';

export { cleanWord } from './pointed-word';

export interface Candidate {
  key: string;
  match: MatchKind;
}

/** German linking elements between the parts of a compound ("Veranstaltung-s-ort", "Sonne-n-schein"). */
const linkingElements = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_PART = 3;
const hasVowel = /[aeiouyäöüéèàâêîôûæøå]/;
/** Heads with these endings take the linking "s" in German compounds ("Veranstaltung-s-ort", "Freiheit-s-kampf"). */
const takesS = /(ung|heit|keit|schaft|tion|sion|tät|ling|tum)$/;

function linkingFor(head: string): string[] {
  return takesS.test(head) ? ['s'] : linkingElements;
}
const PREFIX_SCAN_LIMIT = 4000;

/** How much of the word its stem spells out, letter for letter or folded ("straß" of "straßen" for "strass"). */
function stemmedPrefixLength(word: string, stem: string): number {
  let i = 0;
  let j = 0;
  while (i < word.length && j < stem.length) {
    const letter = word[i]!;
    const spelt = letter === stem[j] ? letter : fold(letter);
    if (!spelt || !stem.startsWith(spelt, j)) break;
    i++;
    j += spelt.length;
  }
  return i;
}

const asciiLower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Whether two words differ in an ASCII letter before either has a letter `fold` could change: then
 * neither folds to the start of the other, and nothing need be folded to know it.
 */
function differInPlainLetters(a: string, b: string): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= 128 || y >= 128) return false;
    if (asciiLower(x) !== asciiLower(y)) return true;
  }
  return false;
}

/** Headwords that share the word's stem: the dictionary form of an inflected word ("Veranstaltungen" → "veranstaltung"). */
export function inflectionsOf(word: string, language: string, lexicon: Lexicon): string[] {
  const stem = stemmerFor(language);
  const key = lexiconKey(word);
  const target = stem(key);
  if (target.length < 2) return [];
  // Stems may differ from the word in spelling (German "straße" stems to "strass", "Übernahme" to
  // "ubernahm"), so scan by the part of the word the stem spells, and by the stem, and compare stems.
  const shared = Math.max(stemmedPrefixLength(key, target), Math.min(MIN_PART, key.length));
  const prefixes = new Set([key.slice(0, shared), target.length >= MIN_PART ? target : key.slice(0, shared)]);
  const shape = { oneWord: true, minLength: key.length - 5, maxLength: key.length + 5 };
  const scanned = [...new Set([...prefixes].flatMap((prefix) => lexicon.withPrefix(prefix, PREFIX_SCAN_LIMIT, shape)))].filter(
    (candidate) => candidate !== key && Math.abs(candidate.length - key.length) <= 5 && !/\s/.test(candidate),
  );
  // Stems conflate more than inflection ("Veranstalter" and "Veranstaltungen" share one), so where a
  // headword is the word with an ending added or removed, that is the dictionary form. Those few are
  // stemmed first, the rest of the scan (thousands under "ein") only when none of them shares the stem.
  const plain = fold(key);
  const isAffixed = scanned.map((candidate) => {
    if (differInPlainLetters(key, candidate)) return false;
    const other = fold(candidate);
    return plain.startsWith(other) || other.startsWith(plain);
  });
  let best = scanned.filter((candidate, i) => isAffixed[i] && stem(candidate) === target);
  if (best.length === 0) best = scanned.filter((candidate, i) => !isAffixed[i] && stem(candidate) === target);
  return best.sort((a, b) => Math.abs(a.length - key.length) - Math.abs(b.length - key.length) || a.localeCompare(b)).slice(0, 5);
}

function knownForm(part: string, language: string, lexicon: Lexicon, last: boolean): string | undefined {
  if (lexicon.has(part)) return part;
  // Only the last part of a compound is inflected ("Veranstaltungs|orte").
  return last ? inflectionsOf(part, language, lexicon)[0] : undefined;
}

/**
 * Splits a compound into parts the dictionary knows, longest first part first, allowing German
 * linking elements: "veranstaltungsort" → ["veranstaltung", "ort"]. Undefined when no split covers the word.
 */
export function compoundParts(word: string, language: string, lexicon: Lexicon, depth = 0): string[] | undefined {
  const key = lexiconKey(word);
  if (depth > 4 || key.length < MIN_PART * 2) return undefined;
  for (let end = key.length - MIN_PART; end >= MIN_PART; end--) {
    const head = key.slice(0, end);
    if (!hasVowel.test(head) || !lexicon.has(head)) continue;
    for (const link of linkingFor(head)) {
      if (!key.startsWith(link, end)) continue;
      const rest = key.slice(end + link.length);
      if (rest.length < MIN_PART || !hasVowel.test(rest)) continue;
      const whole = knownForm(rest, language, lexicon, true);
      if (whole) return [head, whole];
      const deeper = compoundParts(rest, language, lexicon, depth + 1);
      if (deeper) return [head, ...deeper];
    }
  }
  return undefined;
}

/**
 * The headwords to show for a word, best first: the word itself, its dictionary forms, and for
 * languages that build compounds, the parts of a compound.
 */
export function lookupCandidates(word: string, language: string, lexicon: Lexicon): Candidate[] {
  const clean = cleanWord(word);
  if (!clean) return [];
  const key = lexiconKey(clean);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: string, match: MatchKind) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    out.push({ key: candidate, match });
  };
  if (lexicon.has(key)) add(key, clean === key ? 'exact' : 'case');
  for (const form of inflectionsOf(clean, language, lexicon)) add(form, 'inflection');
  // A word the dictionary has whole is not split: its parts would be noise ("Straßen" is not "Str" + "assen").
  if (buildsCompounds(language) && key.length >= MIN_PART * 2 && out.length === 0) {
    for (const part of compoundParts(key, language, lexicon) ?? []) add(part, 'compound-part');
  }
  return out;
}

const matchRank: Record<MatchKind, number> = { exact: 0, case: 0, synonym: 1, inflection: 2, 'compound-part': 3 };

/** Orders entries from several dictionaries: how directly they match first, then the dictionaries' order. */
export function rankMatches<T extends { match: MatchKind }>(entries: T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => matchRank[a.entry.match] - matchRank[b.entry.match] || a.index - b.index)
    .map(({ entry }) => entry);
}
