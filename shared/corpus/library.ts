import type { DocumentSummary } from '../model/document';

/** A document with the translations made of it; a family of one is a lone document. */
export interface DocumentFamily {
  original: DocumentSummary;
  translations: DocumentSummary[];
}

/**
 * Groups translations under their originals, keeping the list's order of originals. A translation of
 * a translation joins the family of the first original in its chain, so every document is listed
 * whatever its pairing; a cycle (which the service refuses, but a hand-edited store may hold) is
 * broken at the first member met.
 */
export function groupFamilies(documents: readonly DocumentSummary[]): DocumentFamily[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const rootOf = (doc: DocumentSummary): DocumentSummary => {
    if (!doc.translationOf || !byId.has(doc.translationOf)) return doc;
    const seen = new Set<string>();
    let at = doc;
    while (at.translationOf && byId.has(at.translationOf) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.translationOf)!;
    }
    return seen.has(at.id) ? doc : at;
  };
  // By id, as a chain reaches it: two documents under one id both stay listed, one in the other's family.
  const roots = documents.map((doc) => rootOf(byId.get(doc.id)!));
  const families = new Map<string, DocumentFamily>();
  documents.forEach((doc, n) => {
    if (roots[n] === doc) families.set(doc.id, { original: doc, translations: [] });
  });
  documents.forEach((doc, n) => {
    if (roots[n] !== doc) families.get(roots[n]!.id)!.translations.push(doc);
  });
  return [...families.values()];
}

import { fold as foldForSearch } from '../text/fold';

export { foldForSearch };

export interface LibraryFilter {
  /** Words that must all occur in a title (case and accent insensitive). */
  query: string;
  /** Base language such as "de"; empty for all. */
  language: string;
}

function matchesDocument(doc: DocumentSummary, words: string[], language: string): boolean {
  const title = foldForSearch(doc.title);
  return words.every((w) => title.includes(w)) && (!language || baseLanguage(doc.language) === language);
}

/** A family stays whole in the list when any member matches, so a pair is never split by a filter. */
export function filterFamilies(families: readonly DocumentFamily[], filter: LibraryFilter): DocumentFamily[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  if (!words.length && !filter.language) return [...families];
  return families.filter((family) => [family.original, ...family.translations].some((doc) => matchesDocument(doc, words, filter.language)));
}

export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/** Languages present, most documents first, for the filter chips. */
export function languagesOf(documents: readonly DocumentSummary[]): Array<{ language: string; count: number }> {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    const base = baseLanguage(doc.language);
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return [...counts.entries()].map(([language, count]) => ({ language, count })).sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
}

export type LibrarySort = 'library' | 'title' | 'language' | 'added' | 'read';

/** A title as it sorts: folded, leading quotes, brackets and other punctuation aside. */
const titleKey = (title: string) => foldForSearch(title).replace(/^[^\p{L}\p{N}]+/u, '');

const collator = new Intl.Collator();
/** A time as Date.toISOString writes it: ordered alike by the collator and as a plain string. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Orders families by their original (or, for "read", by whichever member was opened last). Each
 * family's key is made once: at 10,000 documents, folding titles inside the comparison was over a
 * hundred thousand folds a sort.
 */
export function sortFamilies(families: readonly DocumentFamily[], sort: LibrarySort): DocumentFamily[] {
  if (sort === 'library') return [...families];
  const latest = (f: DocumentFamily, of: (d: DocumentSummary) => string | undefined) =>
    [f.original, ...f.translations].reduce((max, d) => ((of(d) ?? '') > max ? (of(d) ?? '') : max), '');
  const key: Record<Exclude<LibrarySort, 'library'>, (f: DocumentFamily) => string> = {
    title: (f) => titleKey(f.original.title),
    language: (f) => `${baseLanguage(f.original.language)} ${titleKey(f.original.title)}`,
    added: (f) => latest(f, (d) => d.added),
    read: (f) => latest(f, (d) => d.reading?.opened),
  };
  const keyed = families.map((family) => ({ family, key: key[sort](family) }));
  if (sort === 'added' || sort === 'read') {
    // Times as Facing writes them compare as plain strings, newest first; any others as the collator orders them.
    if (keyed.every((k) => k.key === '' || ISO_TIME.test(k.key))) keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    else keyed.sort((a, b) => collator.compare(b.key, a.key));
  } else keyed.sort((a, b) => collator.compare(a.key, b.key));
  return keyed.map((k) => k.family);
}
