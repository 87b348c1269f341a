import { join } from 'node:path';
import type { SearchHit, SearchResult } from '../../shared/model/search';
import { WordIndex } from '../../shared/search/index';
import { containsPhrases, parseQuery, snippet } from '../../shared/search/query';
import type { LibraryService } from './library';
import { createIndexSaver, INDEX_FILE, readIndexFile } from './search/index-file';
import { holdsWord, passageOf, type Passage } from './search/passages';

export interface SearchService {
  query(query: string, limit?: number): Promise<SearchResult>;
  /** Adds a new document, relabels a changed one, or drops one that was removed. */
  refresh(documentId: string): Promise<void>;
  /** Loads (or builds) the index ahead of the first query. */
  ready(): Promise<void>;
  /** Saves the index if it changed. */
  close(): Promise<void>;
}

export interface SearchOptions {
  /** Where the index is kept between runs; without it, it is built in memory at each start. */
  dataDir?: string;
  /** How long after a change the index is saved. */
  saveAfterMs?: number;
}

/** Documents whose passages are kept ready for scanning; others are read again. */
const CACHED_PASSAGES = 64;
/**
 * How much text to look through, in ranked documents, for matching paragraphs before answering with
 * what was found (the best-ranked documents come first). Counted in characters, not milliseconds, so
 * a busy machine answers the same, only later.
 */
const SCAN_BUDGET_CHARS = 300_000;

/**
 * Full-text search over the library, accent- and case-insensitive, with prefixes, typos forgiven
 * in longer words, and quoted phrases. A compact word index ranks whole documents; the best are then
 * scanned for the paragraphs that hold every word, which become the hits. The index is saved in the
 * data folder and loaded at start, then reconciled with the library (a crash between an import and
 * a save costs a re-index of that document only).
 */
export function createSearch(library: LibraryService, options: SearchOptions = {}): SearchService {
  const file = options.dataDir ? join(options.dataDir, INDEX_FILE) : null;
  let index = new WordIndex();
  const saver = file ? createIndexSaver(file, () => index, options.saveAfterMs ?? 5000) : null;
  const labels = new Map<string, { title: string; language: string }>();
  const passages = new Map<string, Passage[]>();
  let building: Promise<void> | null = null;

  async function passagesOf(documentId: string): Promise<Passage[]> {
    let list = passages.get(documentId);
    if (list) passages.delete(documentId);
    else list = (await library.paragraphTexts(documentId)).map((p, index) => passageOf(index, p)).filter((p): p is Passage => p !== null);
    passages.set(documentId, list);
    if (passages.size > CACHED_PASSAGES) passages.delete(passages.keys().next().value!);
    return list;
  }

  async function add(documentId: string): Promise<void> {
    const list = await library.paragraphTexts(documentId).catch(() => null);
    if (!list) return;
    index.add(documentId, list.filter((p) => p.kind !== 'boilerplate').map((p) => p.text).join('\n'));
    saver?.changed();
  }

  const ensure = () =>
    (building ??= (async () => {
      index = (file && (await readIndexFile(file))) || new WordIndex();
      const documents = await library.list();
      const present = new Set<string>();
      for (const d of documents) {
        labels.set(d.id, { title: d.title, language: d.language });
        if (d.problem) continue;
        present.add(d.id);
        if (!index.has(d.id)) await add(d.id);
      }
      for (const id of index.ids()) {
        if (!present.has(id)) (index.remove(id), saver?.changed());
      }
    })());

  return {
    ready: ensure,

    async query(query, limit = 50) {
      const started = performance.now();
      await ensure();
      const { terms, phrases } = parseQuery(query);
      if (terms.length === 0) return { hits: [], total: 0, ms: 0 };
      const ranked = index.search(terms, { prefixLast: true });
      const matched = ranked[0]?.matched ?? [];
      const last = terms.length - 1;
      // A passage holds a term if one of its words is a word the index matched for it, or, for the
      // last term (typed as a prefix), starts with it.
      const holds = (passage: Passage, k: number) => (k === last && terms[k]!.length >= 3 && holdsWord(passage, terms[k]!, true)) || matched[k]!.some((w) => holdsWord(passage, w));
      const marked = [...new Set([...matched.flat(), terms[last]!])];
      const hits: SearchHit[] = [];
      let total = 0;
      let scanned = 0;
      let read = 0;
      for (const result of ranked) {
        if (read > SCAN_BUDGET_CHARS) break;
        scanned++;
        const doc = labels.get(result.id);
        for (const passage of await passagesOf(result.id)) {
          read += passage.text.length;
          if (!terms.every((_, k) => holds(passage, k)) || !containsPhrases(passage.text, phrases)) continue;
          total++;
          if (hits.length < limit) {
            hits.push({
              documentId: result.id,
              title: doc?.title ?? result.id,
              language: doc?.language ?? '',
              paragraph: passage.index,
              parts: snippet(passage.text, marked).parts,
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
      const summary = await library.summary(documentId);
      passages.delete(documentId);
      if (summary) {
        labels.set(documentId, { title: summary.title, language: summary.language });
        // A document's text never changes once imported: it is either new, or gone.
        if (!summary.problem && !index.has(documentId)) await add(documentId);
      } else if (index.has(documentId)) {
        labels.delete(documentId);
        index.remove(documentId);
        saver?.changed();
      }
    },

    async close() {
      await building?.catch(() => {});
      await saver?.flush();
    },
  };
}
