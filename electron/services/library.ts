import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FacingError } from '../../shared/ipc/errors';
import { t } from '../../shared/i18n/current';
import type { Document, DocumentMeta, DocumentPatch, DocumentSummary, PairSuggestion, ReadingState } from '../../shared/model/document';
import type { Notice } from '../../shared/model/app';
import type { PackedWordCounts } from '../../shared/search/word-counts';
import type { Block } from '../../shared/text/segmentation';
import type { CorpusService } from './corpus';
import { ImportRefused } from './import/errors';
import type { ExtractedDocument } from './import/extract';
import { importPool } from './import/pool';
import { paragraphTextsOf, type PreparedFiles, type PreparedImport } from './import/prepare';
import { blockFileBytes } from './library/block-file';
import { createCatalog, type ImportedRecord } from './library/catalog';
import { writeNewFolder } from './library/new-folder';
import { bringBackSetAside, setAsideOrphanFolders } from './library/orphans';
import { createPairing } from './library/pairing';
import { openProfileFile } from './library/profile-file';
import { readingOf, saveReading } from './library/reading';
import { hashOf, profileInSlices } from './library/slices';
import { createTexts } from './library/texts';
import type { Store } from './store';

/** How long after the library opens the folders of imports never recorded are looked for (not while the window first paints). */
const ORPHANS_AFTER_MS = 5_000;

/** What search indexes of new documents, kept until it asks (imports run a few at a time). */
const FRESH_KEPT = 16;

export interface ImportOutcome {
  document: DocumentSummary;
  suggestions: PairSuggestion[];
  /** The same file was imported before: `document` is that copy, nothing new was added. */
  duplicate?: boolean;
}

/** A text already split into blocks (one side of a bilingual file): stored as given, not extracted again nor paired. */
export interface PreparedDocument extends ExtractedDocument {
  translationOf?: string;
  /** Told apart from a document of the same bytes by this too: the target side of a pair file whose sides are equal. */
  dedupeKey?: string;
}

export interface LibraryService extends CorpusService {
  import(name: string, bytes: Buffer, prepared?: PreparedDocument): Promise<ImportOutcome>;
  update(id: string, patch: DocumentPatch): Promise<DocumentSummary>;
  remove(id: string): Promise<void>;
  suggestPairs(id: string): Promise<PairSuggestion[]>;
  /** One document's summary without listing them all; undefined when there is no such document. */
  summary(id: string): Promise<DocumentSummary | undefined>;
  saveReading(id: string, state: Partial<ReadingState>): Promise<void>;
  /** An imported document's record and a reader of its stored blocks, for serving it in pages; undefined for bundled ones. */
  storedBlocks(id: string): { meta: DocumentMeta; wordCount: number; blocks: () => Promise<Block[]> } | undefined;
  /** Paragraph texts and kinds without splitting sentences: what search needs, and cheaper. */
  paragraphTexts(id: string): Promise<Array<{ kind: Block['kind']; text: string }>>;
  /** A document just imported, its words counted by the import worker: the counts, once (then undefined). */
  takeWordCounts?(id: string): PackedWordCounts | undefined;
  readonly notices: Notice[];
  /** Moves aside (library/.unrecorded, never deleted) the folders of imports that were written but never recorded (see library/orphans.ts); the names moved. */
  removeOrphans(): Promise<string[]>;
  /**
   * Moves the pairing profiles earlier versions kept in the store into their own file, until `stop`
   * says so, then drops the file's lines of removed documents; the number moved.
   */
  tidyProfiles(stop: () => boolean): Promise<number>;
}

/**
 * The bundled corpus plus the documents a user imports. An imported file is copied into the data
 * folder (the original is never touched) next to its extracted text; its metadata lives in the store.
 */
export function openLibrary(corpus: CorpusService, store: Store, dataDir: string): LibraryService {
  const { record, records, summaryOf, byHash, noteHash, profileOf: profileInRecord, moveProfilesOut } = createCatalog(store);
  const profiles = openProfileFile(dataDir);
  const { folder, cache, readBlocks, load, text: textOf } = createTexts(dataDir);
  const opened = new Date();
  /** Folders being written now by an import whose record is not committed yet. */
  const writing = new Set<string>();
  const named = (id: string) => id in store.data.documents;
  const libraryDir = join(dataDir, 'library');
  const returned = bringBackSetAside(libraryDir, named).catch(() => []);
  // Only after a clean start of a store that knows documents: when it was recovered, found damaged or
  // is new, a folder no record names may be a document whose record was lost (moved aside all the same, never deleted).
  const removeOrphans = async () => {
    await returned;
    if (store.notices.length || !Object.keys(store.data.documents).length) return [];
    return setAsideOrphanFolders(libraryDir, named, (id) => writing.has(id), opened);
  };
  setTimeout(() => void removeOrphans(), ORPHANS_AFTER_MS).unref();

  /**
   * The last list, until the store changes (or a restore replaces its data): at 10,000 documents a list
   * is 50-150 ms, asked for at start by the window and by the start's own work.
   */
  let listed: { data: object; revision: number; list: readonly DocumentSummary[] } | null = null;
  async function list(): Promise<DocumentSummary[]> {
    const [data, revision] = [store.data, store.revision];
    if (listed && listed.data === data && listed.revision === revision) return [...listed.list];
    const fresh = await listAll();
    // Kept only when nothing changed while it was made.
    if (store.data === data && store.revision === revision) listed = { data, revision, list: [...fresh] };
    return fresh;
  }

  async function listAll(): Promise<DocumentSummary[]> {
    const bundled = (await corpus.list()).map((d) => {
      const state = readingOf(store, d.id);
      return state ? { ...d, reading: state } : d;
    });
    // Times as ISO strings: compared as plain strings, in the order added (localeCompare costs, over thousands).
    const added = (r: ImportedRecord) => r.meta.added ?? '';
    const imported = [...records().values()].sort((a, b) => (added(a) < added(b) ? -1 : added(a) > added(b) ? 1 : 0));
    return [...bundled, ...imported.map(summaryOf)];
  }

  async function get(id: string): Promise<Document> {
    const found = record(id);
    return found ? load(found) : corpus.get(id);
  }

  async function text(id: string): Promise<string> {
    const found = record(id);
    return found ? textOf(found) : corpus.text(id);
  }

  async function summary(id: string): Promise<DocumentSummary | undefined> {
    const found = record(id);
    if (found) return summaryOf(found);
    return (await corpus.list()).find((d) => d.id === id);
  }

  const pairing = createPairing({
    list,
    get,
    summary,
    storedProfile: async (id) => (await profiles.get(id)) ?? profileInRecord(id),
    // Made from the text of an imported document that had none (synced, or its line was lost): kept for the next run.
    keep: (id, profile) => (record(id) ? profiles.add([[id, profile]]).catch(() => {}) : undefined),
  });
  /** Start-time housekeeping: what it cannot do now (a full disk) is tried again at the next start. */
  async function tidyProfiles(stop: () => boolean): Promise<number> {
    const moved = await moveProfilesOut(profiles, stop).catch(() => 0);
    if (!stop()) await profiles.prune((id) => named(id) || writing.has(id)).catch(() => false);
    return moved;
  }
  /** What search indexes of documents just imported, until it has (counted words, or paragraphs not read again from disk). */
  const fresh = new Map<string, PreparedImport['forSearch']>();
  /** Imports under way by file hash: the same file dropped twice at once is imported once. */
  const importing = new Map<string, Promise<ImportOutcome>>();
  const pool = importPool();

  /** A side of a pair file, already in blocks: its stored text and profile made here. */
  async function prepareGiven(given: PreparedDocument): Promise<PreparedFiles> {
    const [parts, profile] = [await blockFileBytes(given.blocks), await profileInSlices(given.blocks)];
    const { format, name, title, language, wordCount } = given;
    return { format, name, title, language, wordCount, profile, blockFile: Buffer.concat(parts), forSearch: paragraphTextsOf(given.blocks) };
  }

  async function add(bytes: Buffer, hash: string, name: string, given?: PreparedDocument): Promise<ImportOutcome> {
    const id = randomUUID();
    writing.add(id);
    try {
      return await addAs(id, bytes, hash, name, given);
    } finally {
      writing.delete(id);
    }
  }

  async function addAs(id: string, bytes: Buffer, hash: string, name: string, given?: PreparedDocument): Promise<ImportOutcome> {
    let ready: PreparedImport;
    try {
      if (given) {
        const files = await prepareGiven(given);
        // Both on disk before the record that names them.
        await writeNewFolder(folder(id), [
          [`original.${files.format}`, bytes],
          ['document.json', files.blockFile],
        ]);
        ready = files;
      } else {
        // Read and written in an import worker: the thread answering requests only records the result.
        ready = await pool.importInto(name, bytes, folder(id));
      }
    } catch (error) {
      // A worker stopped halfway through writing leaves a folder nothing names.
      await rm(folder(id), { recursive: true, force: true }).catch(() => {});
      if (error instanceof ImportRefused) throw new FacingError('invalid-request', error.message);
      throw error;
    }
    const meta: DocumentMeta = {
      id,
      title: ready.title,
      language: ready.language,
      origin: 'imported',
      added: new Date().toISOString(),
      originalName: ready.name,
      format: ready.format,
      ...(given?.translationOf ? { translationOf: given.translationOf } : {}),
    };
    // Not segmented into sentences here: a long book is split only as far as it is read (see document-pages.ts).
    const { wordCount, profile } = ready;
    // The profile before the record that relies on it; one whose record never comes is dropped at a later start.
    await profiles.add([[id, profile]]).catch(() => {});
    await store.commit([{ c: 'documents', k: id, v: { meta, wordCount, hash } }]);
    noteHash(hash, id);
    fresh.set(id, ready.forSearch);
    // Imports that search never asks about (a test, a failed refresh) do not pile up.
    if (fresh.size > FRESH_KEPT) fresh.delete(fresh.keys().next().value!);
    return { document: summaryOf({ meta, wordCount }), suggestions: given ? [] : await suggestPairs(id) };
  }
  const suggestPairs = pairing.suggestPairs;

  async function editable(id: string): Promise<ImportedRecord> {
    const found = record(id);
    if (found) return found;
    await corpus.get(id);
    throw new FacingError('invalid-request', t('librarySvc.bundled'));
  }

  /** A translation of a translation is fine; a document that ends up translating itself is not. */
  async function refuseCycle(id: string, original: string) {
    const seen = new Set([id]);
    const chain: string[] = [];
    for (let at: string | undefined = original; at; ) {
      const doc: DocumentMeta | undefined = record(at)?.meta ?? (await corpus.list()).find((d) => d.id === at);
      if (!doc) throw new FacingError('not-found', t('librarySvc.noDocument', { id: at }));
      chain.push(doc.title);
      if (seen.has(at)) {
        throw new FacingError('invalid-request', t('librarySvc.cycle', { title: chain[0]!, chain: chain.join(' → ') }));
      }
      seen.add(at);
      at = doc.translationOf;
    }
  }

  return {
    notices: corpus.notices,
    removeOrphans,
    tidyProfiles,
    list,
    get,
    text,
    suggestPairs,

    summary,

    async import(name, bytes, prepared) {
      const hash = await hashOf(bytes, prepared?.dedupeKey);
      const existing = byHash(hash);
      if (existing) return { document: summaryOf(existing), suggestions: [], duplicate: true };
      const under = importing.get(hash);
      if (under) return { document: (await under).document, suggestions: [], duplicate: true };
      const adding = add(bytes, hash, name, prepared);
      importing.set(hash, adding);
      try {
        return await adding;
      } finally {
        importing.delete(hash);
      }
    },

    async update(id, patch) {
      const record = await editable(id);
      if (patch.translationOf === id) throw new FacingError('invalid-request', t('librarySvc.selfTranslation'));
      if (patch.translationOf) await refuseCycle(id, patch.translationOf);
      const meta: DocumentMeta = { ...record.meta };
      if (patch.title !== undefined) meta.title = patch.title;
      if (patch.language !== undefined) meta.language = patch.language;
      for (const key of ['date', 'source', 'translationOf'] as const) {
        const value = patch[key];
        if (value === null) delete meta[key];
        else if (value !== undefined) meta[key] = value;
      }
      cache.delete(id);
      const updated = { ...record, meta };
      await store.commit([{ c: 'documents', k: id, v: updated }]);
      pairing.relabel(id, meta.language);
      return summaryOf(updated);
    },

    async remove(id) {
      await editable(id);
      const unpair = [...records().values()].filter((r) => r.meta.translationOf === id).map((r) => {
        const { translationOf: _gone, ...meta } = r.meta;
        return { c: 'documents' as const, k: r.meta.id, v: { ...r, meta } };
      });
      await store.commit([{ c: 'documents', k: id, v: null }, { c: 'reading', k: id, v: null }, ...unpair]);
      cache.delete(id);
      fresh.delete(id);
      pairing.forget(id);
      await rm(folder(id), { recursive: true, force: true });
    },

    takeWordCounts(id) {
      const just = fresh.get(id);
      if (!just || Array.isArray(just)) return undefined;
      fresh.delete(id);
      return just;
    },

    async paragraphTexts(id) {
      const just = fresh.get(id);
      if (Array.isArray(just)) {
        fresh.delete(id);
        return just;
      }
      const found = record(id);
      const cached = cache.get(id);
      if (found && !cached) return (await readBlocks(found)).filter((b) => b.text);
      const doc = cached ?? (await get(id));
      return doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) }));
    },

    storedBlocks(id) {
      const found = record(id);
      return found ? { meta: found.meta, wordCount: found.wordCount, blocks: () => readBlocks(found) } : undefined;
    },

    saveReading: (id, state) => saveReading(store, id, state),
  };
}
