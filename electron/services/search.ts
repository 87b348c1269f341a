import MiniSearch from 'minisearch';
import type { SearchHit, SearchResult } from '../../shared/model/search';
import { containsPhrases, foldTerm, parseQuery, snippet } from '../../shared/search/query';
import type { LibraryService } from './library';

interface Entry {
  id: string;
  documentId: string;
  paragraph: number;
  text: string;
}

export interface SearchService {
  query(query: string, limit?: number): Promise<SearchResult>;
  /** Adds a new document, or drops one that was removed. */
  refresh(documentId: string): Promise<void>;
}

/**
 * Full-text search over every paragraph of the library (MiniSearch), accent- and case-insensitive,
 * with prefix and light fuzzy matching and quoted phrases. Built on first use, kept up to date as
 * documents come and go.
 */
export function createSearch(library: LibraryService): SearchService {
  const index = new MiniSearch<Entry>({
    fields: ['text'],
    storeFields: ['documentId', 'paragraph', 'text'],
    processTerm: (term) => foldTerm(term),
    searchOptions: { prefix: true, fuzzy: (term) => (term.length > 5 ? 0.15 : 0), combineWith: 'AND' },
  });
  const indexed = new Map<string, string[]>();
  let building: Promise<void> | null = null;

  async function add(documentId: string): Promise<void> {
    const doc = await library.get(documentId).catch(() => null);
    if (!doc) return;
    const entries = doc.paragraphs
      .map((p, k) => ({ id: `${documentId}:${k}`, documentId, paragraph: k, text: doc.text.slice(p.start, p.end), kind: p.kind }))
      .filter((e) => e.kind !== 'boilerplate')
      .map(({ kind: _kind, ...entry }) => entry);
    index.addAll(entries);
    indexed.set(documentId, entries.map((e) => e.id));
  }

  function drop(documentId: string): void {
    for (const id of indexed.get(documentId) ?? []) index.discard(id);
    indexed.delete(documentId);
  }

  const ensure = () =>
    (building ??= (async () => {
      for (const d of await library.list()) if (!d.problem && !indexed.has(d.id)) await add(d.id);
    })());

  return {
    async query(query, limit = 50) {
      const started = performance.now();
      await ensure();
      const { terms, phrases } = parseQuery(query);
      if (terms.length === 0) return { hits: [], total: 0, ms: 0 };
      const titles = new Map((await library.list()).map((d) => [d.id, d]));
      const found = index.search(terms.join(' ')).filter((r) => containsPhrases(r.text as string, phrases));
      const hits: SearchHit[] = found.slice(0, limit).map((r) => {
        const doc = titles.get(r.documentId as string);
        return {
          documentId: r.documentId as string,
          title: doc?.title ?? (r.documentId as string),
          language: doc?.language ?? '',
          paragraph: r.paragraph as number,
          parts: snippet(r.text as string, terms).parts,
          score: Math.round(r.score * 100) / 100,
        };
      });
      return { hits, total: found.length, ms: Math.round((performance.now() - started) * 10) / 10 };
    },

    async refresh(documentId) {
      await ensure();
      drop(documentId);
      if ((await library.list()).some((d) => d.id === documentId)) await add(documentId);
    },
  };
}
