import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Glossary } from './glossary';

const algorithms: Record<string, string> = {
  ar: 'arabic', ca: 'catalan', cs: 'czech', da: 'danish', de: 'german', en: 'english', es: 'spanish', eu: 'basque', fi: 'finnish',
  fr: 'french', ga: 'irish', hu: 'hungarian', hy: 'armenian', it: 'italian', nb: 'norwegian', nl: 'dutch', nn: 'norwegian', no: 'norwegian',
  pt: 'portuguese', ro: 'romanian', ru: 'russian', sl: 'slovene', sv: 'swedish', ta: 'tamil', tr: 'turkish',
};
const stemmers = new Map<string, Stemmer | null>();

function stemmerFor(lang: string): Stemmer | null {
  const code = lang.toLowerCase().split('-')[0]!;
  if (!stemmers.has(code)) stemmers.set(code, algorithms[code] ? newStemmer(algorithms[code]!) : null);
  return stemmers.get(code)!;
}

/** Lower-cased words reduced to their Snowball stems (or kept whole for a language without a stemmer). */
export function stems(text: string, lang: string): string[] {
  const stemmer = stemmerFor(lang);
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (stemmer ? stemmer.stem(w) : w));
}

function containsSequence(haystack: string[], needle: string[], compounds: boolean): boolean {
  if (!needle.length) return false;
  for (let k = 0; k + needle.length <= haystack.length; k++) {
    if (needle.every((n, j) => same(haystack[k + j]!, n, compounds && needle.length === 1))) return true;
  }
  return false;
}

/** Stems that differ only in a short ending Snowball leaves ("zentr"/"zentrum" for Zentren/Zentrum). */
function near(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/** Equal stems; in a compounding language also a word that ends in the term ("Finanzzentren" for "Zentrum"). */
function same(word: string, stem: string, compounds: boolean): boolean {
  if (near(word, stem)) return true;
  if (!compounds || stem.length < 4) return false;
  for (let k = 1; k <= word.length - 4; k++) if (near(word.slice(k), stem)) return true;
  return false;
}

const compounding = new Set(['de', 'nl', 'sv', 'da', 'nb', 'nn', 'no', 'fi', 'hu']);

export interface TermMiss {
  term: string;
  translations: string[];
}

export interface TermMatcher {
  /** Terms found in the source whose accepted translations are all missing from the target. */
  misses(source: string, target: string): TermMiss[];
}

/** Prepares a glossary once (stems of every term and translation) for checking many rows. */
export function termMatcher(glossary: Glossary): TermMatcher {
  const targetCompounds = compounding.has(glossary.target.toLowerCase().split('-')[0]!);
  const prepared = glossary.entries.map((e) => ({ entry: e, term: stems(e.term, glossary.source), translations: e.translations.map((t) => stems(t, glossary.target)) }));
  return {
    misses(source, target) {
      const sourceStems = stems(source, glossary.source);
      let targetStems: string[] | null = null;
      const out: TermMiss[] = [];
      for (const p of prepared) {
        if (!containsSequence(sourceStems, p.term, false)) continue;
        targetStems ??= stems(target, glossary.target);
        if (!p.translations.some((t) => containsSequence(targetStems!, t, targetCompounds))) out.push({ term: p.entry.term, translations: p.entry.translations });
      }
      return out;
    },
  };
}
