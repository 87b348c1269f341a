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
    const seen = new Set<string>();
    let at = doc;
    while (at.translationOf && byId.has(at.translationOf) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.translationOf)!;
    }
    return seen.has(at.id) ? doc : at;
  };
  const roots = new Map(documents.map((d) => [d.id, rootOf(d)]));
  const families = new Map<string, DocumentFamily>();
  for (const doc of documents) if (roots.get(doc.id) === doc) families.set(doc.id, { original: doc, translations: [] });
  for (const doc of documents) {
    const root = roots.get(doc.id)!;
    if (root !== doc) families.get(root.id)!.translations.push(doc);
  }
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
  return families.filter((family) => [family.original, ...family.translations].some((doc) => matchesDocument(doc, words, filter.language)));
}

export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/** Languages present, most documents first, for the filter chips. */
export function languagesOf(documents: readonly DocumentSummary[]): Array<{ language: string; count: number }> {
  const counts = new Map<string, number>();
  for (const doc of documents) counts.set(baseLanguage(doc.language), (counts.get(baseLanguage(doc.language)) ?? 0) + 1);
  return [...counts.entries()].map(([language, count]) => ({ language, count })).sort((a, b) => b.count - a.count || a.language.localeCompare(b.language));
}

export type LibrarySort = 'library' | 'title' | 'language' | 'added' | 'read';

/** A title as it sorts: folded, leading quotes, brackets and other punctuation aside. */
const titleKey = (title: string) => foldForSearch(title).replace(/^[^\p{L}\p{N}]+/u, '');

/** Orders families by their original (or, for "read", by whichever member was opened last). */
export function sortFamilies(families: readonly DocumentFamily[], sort: LibrarySort): DocumentFamily[] {
  const members = (f: DocumentFamily) => [f.original, ...f.translations];
  const key: Record<LibrarySort, (f: DocumentFamily) => string> = {
    library: () => '',
    title: (f) => titleKey(f.original.title),
    language: (f) => `${baseLanguage(f.original.language)} ${titleKey(f.original.title)}`,
    added: (f) => members(f).map((d) => d.added ?? '').sort().at(-1) ?? '',
    read: (f) => members(f).map((d) => d.reading?.opened ?? '').sort().at(-1) ?? '',
  };
  const newestFirst = sort === 'added' || sort === 'read';
  return [...families].sort((a, b) => (newestFirst ? key[sort](b).localeCompare(key[sort](a)) : key[sort](a).localeCompare(key[sort](b))));
}
