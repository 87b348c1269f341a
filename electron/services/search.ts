import { join } from 'node:path';
import type { SearchHit, SearchResult } from '../../shared/model/search';
import { countIndexWords, WordIndex } from '../../shared/search/index';
import { choosePassages, documentPassages, MAX_PASSAGE_TERMS, type DocumentPassages } from '../../shared/search/passages';
import { parseQuery, snippet } from '../../shared/search/query';
import { isIndexedKind } from '../../shared/search/word-counts';
import type { LibraryService } from './library';
import { createIndexSaver, INDEX_FILE, readIndexFile } from './search/index-file';

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

/** Characters of a document's text indexed between two turns of the event loop. */
const ADD_SLICE_CHARS = 512 * 1024;
/** Words put into the completion tree between two turns of the event loop. */
const VOCABULARY_SLICE = 20_000;
/**
 * Characters of text (as read and as folded) kept of the documents of the last answer, for the next
 * query ("Show more" asks again for the same documents and more; the next letter typed mostly finds
 * the same ones). Kept longer, read texts outlive the garbage collector's young generation and are
 * copied at each collection: a cache of the last 48 documents tripled the collections' time.
 */
const KEPT_CHARS = 24 * 1024 * 1024;
/** Passages shown for one document (more are counted); a page holds the best documents. */
const PER_DOCUMENT = 3;

/**
 * Full-text search over the library, accent- and case-insensitive, with prefixes, typos forgiven
 * in longer words, and quoted phrases. A compact word index finds and ranks the documents that hold
 * every word; only the best of them (a page) are read, for the paragraphs that hold every word or,
 * when no paragraph does, the few that hold them between them. Documents with a paragraph holding
 * every word come first on the page. The index is saved in the
 * data folder and loaded at start, then reconciled with the library (a crash between an import and
 * a save costs a re-index of that document only).
 */
export function createSearch(library: LibraryService, options: SearchOptions = {}): SearchService {
  const file = options.dataDir ? join(options.dataDir, INDEX_FILE) : null;
  let index = new WordIndex();
  const saver = file ? createIndexSaver(file, () => index, options.saveAfterMs ?? 5000) : null;
  const labels = new Map<string, { title: string; language: string }>();
  /** The documents of the last answer, as read for passages (see KEPT_CHARS). */
  let kept = new Map<string, DocumentPassages>();
  let building: Promise<void> | null = null;

  async function passagesOf(documentId: string): Promise<DocumentPassages> {
    return kept.get(documentId) ?? documentPassages(await library.paragraphTexts(documentId));
  }

  function keep(read: ReadonlyArray<readonly [string, DocumentPassages | null]>): void {
    kept = new Map();
    let chars = 0;
    for (const [id, doc] of read) {
      if (!doc) continue;
      chars += doc.spellings.reduce((n, s) => n + s.text.length, doc.spellings[0]!.text.length);
      if (chars > KEPT_CHARS) break;
      kept.set(id, doc);
    }
  }

  async function add(documentId: string): Promise<void> {
    // A document just imported comes counted by its import worker; any other is read and counted here.
    const counted = library.takeWordCounts?.(documentId);
    if (counted) {
      index.addPacked(documentId, counted);
      saver?.changed();
      return;
    }
    const list = await library.paragraphTexts(documentId).catch(() => null);
    if (!list) return;
    // Counted a slice at a time, handing the event loop back in between: a long book does not hold up other requests.
    const tf = new Map<string, number>();
    let words = 0;
    let since = 0;
    for (const p of list) {
      if (!isIndexedKind(p.kind)) continue;
      words += countIndexWords(p.text, tf);
      since += p.text.length;
      if (since >= ADD_SLICE_CHARS) {
        since = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    index.addCounted(documentId, words, tf);
    saver?.changed();
  }

  const ensure = () =>
    (building ??= (async () => {
      index = (file && (await readIndexFile(file))) || new WordIndex();
      if (index.outdated) saver?.changed();
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
      void fillVocabulary(index);
    })());

  /** The words for completions and typos, put in their tree a slice at a time after loading, between other work. */
  async function fillVocabulary(of: WordIndex): Promise<void> {
    while (of === index && !of.fillVocabulary(VOCABULARY_SLICE)) await new Promise((resolve) => setImmediate(resolve));
  }

  return {
    ready: ensure,

    async query(query, limit = 50) {
      const started = performance.now();
      await ensure();
      const parsed = parseQuery(query);
      const terms = parsed.terms.slice(0, MAX_PASSAGE_TERMS);
      const { phrases } = parsed;
      if (terms.length === 0) return { hits: [], total: 0, ms: 0 };
      // A page: enough documents for `limit` passages when most show two or three.
      const page = Math.max(1, Math.ceil(limit / 3));
      const { matches, total: documents } = index.top(terms, page, { prefixLast: true });
      const last = terms[terms.length - 1]!;
      const complete: SearchHit[][] = [];
      const apart: SearchHit[][] = [];
      let total = 0;
      // Read side by side, each document scanned as it comes in, while the others are still being read.
      const read = await Promise.all(
        matches.map(async (match) => {
          const doc = await passagesOf(match.id).catch(() => null);
          const chosen = doc && choosePassages(doc, { matched: match.matched, prefix: last, phrases });
          if (!doc || !chosen) return { doc, chosen: null, snippets: [] };
          // The snippet marks every word beginning with a marked one: the last term stands for its completions.
          const marked = [...new Set([...match.matched.flat().filter((w) => last.length < 3 || !w.startsWith(last)), last])];
          return { doc, chosen, snippets: chosen.positions.slice(0, PER_DOCUMENT).map((position) => snippet(doc.passages[position]!.text, marked).parts) };
        }),
      );
      keep(matches.map((match, n) => [match.id, read[n]!.doc] as const));
      for (const [n, match] of matches.entries()) {
        const { doc, chosen, snippets } = read[n]!;
        if (!doc || !chosen) continue;
        total += chosen.positions.length;
        const label = labels.get(match.id);
        const hits = snippets.map((parts, k) => {
          const hit: SearchHit = {
            documentId: match.id,
            title: label?.title ?? match.id,
            language: label?.language ?? '',
            paragraph: doc.passages[chosen.positions[k]!]!.paragraph,
            parts,
            score: Math.round(match.score * 100) / 100,
          };
          if (!chosen.complete) hit.partial = true;
          return hit;
        });
        (chosen.complete ? complete : apart).push(hits);
      }
      const shown = [...complete, ...apart].flat();
      const hits = shown.slice(0, limit);
      const more = matches.length < documents || shown.length > limit;
      return { hits, total, more, documents, ms: Math.round((performance.now() - started) * 10) / 10 };
    },

    async refresh(documentId) {
      await ensure();
      const summary = await library.summary(documentId);
      kept.delete(documentId);
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
