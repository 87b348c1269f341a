/**
 * Words that end in a period without ending a sentence. ICU's sentence rules break after
 * "Dec." or "Co." when an upper-case word or a number follows; these lists undo that.
 * Lower-cased, without the final period. Words that usually end sentences ("etc", "usw") are left out.
 */
const common = ['co', 'corp', 'inc', 'ltd', 'no', 'nos', 'nr', 'dr', 'prof', 'st', 'vol', 'fig', 'p', 'pp', 'ca', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

const byLanguage: Record<string, string[]> = {
  en: ['mr', 'mrs', 'ms', 'sr', 'jr', 'vs', 'e.g', 'i.e', 'cf', 'gen', 'gov', 'rev', 'mt', 'u.s', 'u.k', 'dept', 'est', 'inst', 'univ'],
  de: ['hr', 'fr', 'hrn', 'z.b', 'd.h', 'u.a', 'o.ä', 'bzw', 'vgl', 'ggf', 'evtl', 'inkl', 'sog', 'str', 'abs', 'art', 'bd', 'bsp', 'mio', 'mrd', 'tel', 'okt', 'dez', 'mär', 'jh', 'dipl', 'ing', 's'],
  fr: ['m', 'mme', 'mlle', 'mm', 'env', 'av', 'bd', 'janv', 'févr', 'avr', 'juil', 'déc', 'cf', 'ex', 'p.ex', 'chap'],
};

const cache = new Map<string, Set<string>>();

export function abbreviationsFor(language: string): Set<string> {
  const base = language.toLowerCase().split('-')[0] ?? '';
  let set = cache.get(base);
  if (!set) {
    set = new Set([...common, ...(byLanguage[base] ?? [])]);
    cache.set(base, set);
  }
  return set;
}

/** Month names (and abbreviations) that follow an ordinal such as German "22. Dezember". */
export const monthNames = new Set(
  [
    'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
    'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
    'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  ],
);
