import MiniSearch from 'minisearch';
import type { SearchHit, SearchResult } from '../../shared/model/search';
import { containsPhrases, foldTerm, parseQuery, snippet } from '../../shared/search/query';
import type { LibraryService } from './library';

export interface SearchService {
  query(query: string, limit?: number): Promise<SearchResult>;
  /** Adds a new document, or drops one that was removed. */
  refresh(documentId: string): Promise<void>;
}

interface Passage {
  index: number;
  text: string;
  /** Folded words, space-separated and padded, for fast word and prefix tests. */
  words: string;
}

/** Documents whose passages are kept ready for scanning; others are read again. */
const CACHED_PASSAGES = 256;
/**
 * How long to look through ranked documents for matching paragraphs before answering with what was
 * found (the best-ranked documents come first); at least a few documents are always scanned.
 */
const SCAN_BUDGET_MS = 15;
const MIN_SCANNED = 3;

/**
 * Full-text search over the library, accent- and case-insensitive, with prefixes, light fuzzy
 * matching and quoted phrases. MiniSearch ranks whole documents (a few thousand postings each, so a
 * large library stays small in memory and fast to rank); the best documents are then scanned for the
 * paragraphs that hold every word, which become the hits.
 */
export function createSearch(library: LibraryService): SearchService {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    storeFields: [],
    processTerm: (term) => foldTerm(term),
    // The last word may be unfinished, so it matches as a prefix (from three letters: shorter ones
    // match half the vocabulary); longer words forgive a typo.
    searchOptions: { prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3, fuzzy: (term) => (term.length > 5 ? 0.15 : 0), combineWith: 'AND' },
  });
  const indexed = new Set<string>();
  /**
   * In how many documents each word occurs, to rank a query by its rarest word. Removals do not
   * decrement it: it only orders words, and an overcount after a removal orders them almost as well.
   */
  const documentFrequency = new Map<string, number>();
  const labels = new Map<string, { title: string; language: string }>();
  const passages = new Map<string, Passage[]>();
  let building: Promise<void> | null = null;

  async function passagesOf(documentId: string): Promise<Passage[]> {
    let list = passages.get(documentId);
    if (list) {
      passages.delete(documentId);
    } else {
      list = (await library.paragraphTexts(documentId))
        .map((p, index) => ({ index, kind: p.kind, text: p.text }))
        .filter((p) => p.kind !== 'boilerplate')
        .map(({ index, text }) => ({ index, text, words: ` ${(foldTerm(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} ` }));
    }
    passages.set(documentId, list);
    if (passages.size > CACHED_PASSAGES) passages.delete(passages.keys().next().value!);
    return list;
  }

  async function add(documentId: string): Promise<void> {
    const list = await passagesOf(documentId).catch(() => null);
    if (!list) return;
    index.add({ id: documentId, text: list.map((p) => p.text).join('\n') });
    indexed.add(documentId);
    for (const word of new Set(list.flatMap((p) => p.words.trim().split(' ')))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }

  /** Titles and languages for the hits, kept with the index rather than listed again per query. */
  const relabel = async () => {
    const list = await library.list();
    labels.clear();
    for (const d of list) labels.set(d.id, { title: d.title, language: d.language });
    return list;
  };

  const ensure = () =>
    (building ??= (async () => {
      for (const d of await relabel()) if (!d.problem && !indexed.has(d.id)) await add(d.id);
    })());

  /** A passage holds a term if one of its words starts with it (index matches are prefix matches too). */
  const holds = (passage: Passage, term: string) => passage.words.includes(` ${term}`);

  return {
    async query(query, limit = 50) {
      const started = performance.now();
      await ensure();
      const { terms, phrases } = parseQuery(query);
      if (terms.length === 0) return { hits: [], total: 0, ms: 0 };
      // Ranking by every word costs a pass over each word's documents (and its prefix and typo
      // variants); ranking by the rarest whole word that occurs is as good a guide to where the
      // passages are, and the scan below still requires every word.
      const known = terms.filter((t) => (documentFrequency.get(t) ?? 0) > 0).sort((a, b) => documentFrequency.get(a)! - documentFrequency.get(b)!);
      const guide = terms.length > 1 && known.length ? known[0]! : terms.join(' ');
      const ranked = index.search(guide, guide === terms.join(' ') ? {} : { prefix: false, fuzzy: false });
      const hits: SearchHit[] = [];
      let total = 0;
      let scanned = 0;
      const scanStart = performance.now();
      for (const result of ranked) {
        if (scanned >= MIN_SCANNED && performance.now() - scanStart > SCAN_BUDGET_MS) break;
        scanned++;
        const documentId = result.id as string;
        const doc = labels.get(documentId);
        for (const passage of await passagesOf(documentId)) {
          if (!terms.every((t) => holds(passage, t)) || !containsPhrases(passage.text, phrases)) continue;
          total++;
          if (hits.length < limit) {
            hits.push({
              documentId,
              title: doc?.title ?? documentId,
              language: doc?.language ?? '',
              paragraph: passage.index,
              parts: snippet(passage.text, terms).parts,
              score: Math.round(result.score * 100) / 100,
            });
          }
        }
        // Enough hits to show: the count of the rest would cost a scan of every matching document.
        if (hits.length >= limit) break;
      }
      const complete = hits.length < limit && scanned === ranked.length;
      return { hits, total: complete ? total : Math.max(total, hits.length), more: !complete, documents: ranked.length, ms: Math.round((performance.now() - started) * 10) / 10 };
    },

    async refresh(documentId) {
      await ensure();
      // A document's text never changes once imported: it is either new, or gone.
      const exists = (await relabel()).some((d) => d.id === documentId);
      if (exists && !indexed.has(documentId)) await add(documentId);
      if (!exists && indexed.has(documentId)) {
        index.discard(documentId);
        indexed.delete(documentId);

        passages.delete(documentId);
      }
    },
  };
}
