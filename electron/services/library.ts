import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FacingError } from '../../shared/ipc/errors';
import {
  DocumentMetaSchema,
  ReadingStateSchema,
  type Document,
  type DocumentMeta,
  type DocumentPatch,
  type DocumentSummary,
  type PairSuggestion,
  type ReadingState,
} from '../../shared/model/document';
import type { Notice } from '../../shared/model/app';
import { segmentBlocks, type Block } from '../../shared/text/segmentation';
import type { CorpusService } from './corpus';
import { writeFileDurably } from './durable-file';
import { ImportRefused } from './import/errors';
import { extractDocument } from './import/extract';
import type { Store } from './store';

const ImportedRecordSchema = z.object({ meta: DocumentMetaSchema, wordCount: z.number().int().nonnegative() });
type ImportedRecord = z.infer<typeof ImportedRecordSchema>;

const BlockFileSchema = z.object({
  version: z.literal(1),
  blocks: z.array(z.object({ text: z.string(), kind: z.enum(['heading', 'paragraph', 'list-item', 'quote', 'meta', 'boilerplate']), inline: z.array(z.any()).optional() })),
});

export interface ImportOutcome {
  document: DocumentSummary;
  suggestions: PairSuggestion[];
}

export interface LibraryService extends CorpusService {
  import(name: string, bytes: Buffer): Promise<ImportOutcome>;
  update(id: string, patch: DocumentPatch): Promise<DocumentSummary>;
  remove(id: string): Promise<void>;
  suggestPairs(id: string): Promise<PairSuggestion[]>;
  saveReading(id: string, state: Partial<ReadingState>): Promise<void>;
  /** Paragraph texts and kinds without splitting sentences: what search needs, and cheaper. */
  paragraphTexts(id: string): Promise<Array<{ kind: Block['kind']; text: string }>>;
  readonly notices: Notice[];
}

/**
 * The bundled corpus plus the documents a user imports. An imported file is copied into the data
 * folder (the original is never touched) next to its extracted text; its metadata lives in the store.
 */
/** Open documents kept segmented in memory; older ones are read again when needed. */
const CACHED_DOCUMENTS = 16;
/** Names and numbers kept per document for pairing suggestions. */
const FINGERPRINT_SIZE = 400;

interface Fingerprint {
  language: string;
  paragraphs: number;
  tokens: Set<string>;
}

/** Numbers and capitalised words: what a translation keeps. The most frequent few hundred. */
function fingerprintOf(doc: Document): Fingerprint {
  const counts = new Map<string, number>();
  for (const match of doc.text.matchAll(/\d[\d.,]*\d|\p{Lu}[\p{L}]{3,}/gu)) {
    const token = /^\d/.test(match[0]) ? `#${match[0].replace(/\D/g, '')}` : match[0];
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const tokens = new Set([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, FINGERPRINT_SIZE).map(([t]) => t));
  return { language: doc.meta.language.split('-')[0]!, paragraphs: doc.paragraphs.filter((p) => p.kind !== 'boilerplate').length, tokens };
}

export function openLibrary(corpus: CorpusService, store: Store, dataDir: string): LibraryService {
  const folder = (id: string) => join(dataDir, 'library', id);
  const cache = new Map<string, Document>();
  const fingerprints = new Map<string, Fingerprint>();
  const parsed = new WeakMap<object, ImportedRecord | null>();

  function records(): Map<string, ImportedRecord> {
    const out = new Map<string, ImportedRecord>();
    for (const [id, raw] of Object.entries(store.data.documents)) {
      if (!raw || typeof raw !== 'object') continue;
      let record = parsed.get(raw);
      if (record === undefined) {
        const result = ImportedRecordSchema.safeParse(raw);
        record = result.success ? result.data : null;
        parsed.set(raw, record);
      }
      if (record && record.meta.id === id) out.set(id, record);
    }
    return out;
  }

  function remember(doc: Document): Document {
    cache.delete(doc.meta.id);
    cache.set(doc.meta.id, doc);
    if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    return doc;
  }

  function reading(id: string): ReadingState | undefined {
    const parsed = ReadingStateSchema.safeParse(store.data.reading[id]);
    return parsed.success ? parsed.data : undefined;
  }

  function summaryOf(record: ImportedRecord): DocumentSummary {
    const state = reading(record.meta.id);
    return { ...record.meta, wordCount: record.wordCount, ...(state ? { reading: state } : {}) };
  }

  async function readBlocks(record: ImportedRecord): Promise<Block[]> {
    try {
      return BlockFileSchema.parse(JSON.parse(await readFile(join(folder(record.meta.id), 'document.json'), 'utf8'))).blocks as Block[];
    } catch {
      throw new FacingError('unreadable', `"${record.meta.title}" cannot be opened: its stored text is missing or damaged. The original file is kept in ${folder(record.meta.id)}.`);
    }
  }

  async function load(record: ImportedRecord): Promise<Document> {
    const cached = cache.get(record.meta.id);
    if (cached && cached.meta === record.meta) return remember(cached);
    return remember({ meta: record.meta, ...segmentBlocks(await readBlocks(record), record.meta.language) });
  }

  async function list(): Promise<DocumentSummary[]> {
    const bundled = (await corpus.list()).map((d) => {
      const state = reading(d.id);
      return state ? { ...d, reading: state } : d;
    });
    return [...bundled, ...[...records().values()].sort((a, b) => (a.meta.added ?? '').localeCompare(b.meta.added ?? '')).map(summaryOf)];
  }

  async function get(id: string): Promise<Document> {
    const record = records().get(id);
    return record ? load(record) : corpus.get(id);
  }

  async function fingerprint(id: string): Promise<Fingerprint | null> {
    let known = fingerprints.get(id);
    if (!known) {
      const doc = await get(id).catch(() => null);
      if (!doc) return null;
      known = fingerprintOf(doc);
      fingerprints.set(id, known);
    }
    return known;
  }

  /** Likely translations of a document: other languages, similar structure, shared numbers and names. */
  async function suggestPairs(id: string): Promise<PairSuggestion[]> {
    const own = await fingerprint(id);
    if (!own) return [];
    const suggestions: PairSuggestion[] = [];
    for (const other of await list()) {
      if (other.id === id || other.problem || other.language.split('-')[0] === own.language) continue;
      const theirs = await fingerprint(other.id);
      if (!theirs) continue;
      const shared = [...own.tokens].filter((t) => theirs.tokens.has(t));
      const overlap = shared.length / Math.max(1, Math.min(own.tokens.size, theirs.tokens.size));
      const structure = 1 - Math.abs(own.paragraphs - theirs.paragraphs) / Math.max(own.paragraphs, theirs.paragraphs, 1);
      const score = Math.round((0.65 * overlap + 0.35 * structure) * 100) / 100;
      if (score < 0.35) continue;
      const numbers = shared.filter((t) => t.startsWith('#')).length;
      suggestions.push({
        id: other.id,
        title: other.title,
        language: other.language,
        score,
        reasons: [`${own.paragraphs} and ${theirs.paragraphs} paragraphs`, `${numbers} shared numbers`, `${shared.length - numbers} shared names`],
      });
    }
    return suggestions.sort((a, b) => b.score - a.score).slice(0, 3);
  }

  async function editable(id: string): Promise<ImportedRecord> {
    const record = records().get(id);
    if (record) return record;
    await corpus.get(id);
    throw new FacingError('invalid-request', 'Bundled documents cannot be changed or removed.');
  }

  return {
    notices: corpus.notices,
    list,
    get,
    suggestPairs,

    async import(name, bytes) {
      let extracted;
      try {
        extracted = await extractDocument(name, bytes);
      } catch (error) {
        if (error instanceof ImportRefused) throw new FacingError('invalid-request', error.message);
        throw error;
      }
      const id = randomUUID();
      await mkdir(folder(id), { recursive: true });
      await writeFileDurably(join(folder(id), `original.${extracted.format}`), bytes);
      await writeFileDurably(join(folder(id), 'document.json'), JSON.stringify({ version: 1, blocks: extracted.blocks }));
      const meta: DocumentMeta = {
        id,
        title: extracted.title,
        language: extracted.language,
        origin: 'imported',
        added: new Date().toISOString(),
        originalName: extracted.name,
        format: extracted.format,
      };
      const segmented = remember({ meta, ...segmentBlocks(extracted.blocks, meta.language) });
      const wordCount = segmented.wordCount;
      await store.commit([{ c: 'documents', k: id, v: { meta, wordCount } }]);
      return { document: summaryOf({ meta, wordCount }), suggestions: await suggestPairs(id) };
    },

    async update(id, patch) {
      const record = await editable(id);
      if (patch.translationOf === id) throw new FacingError('invalid-request', 'A document cannot be a translation of itself.');
      if (patch.translationOf) await get(patch.translationOf);
      const meta: DocumentMeta = { ...record.meta };
      if (patch.title !== undefined) meta.title = patch.title;
      if (patch.language !== undefined) meta.language = patch.language;
      for (const key of ['date', 'source', 'translationOf'] as const) {
        const value = patch[key];
        if (value === null) delete meta[key];
        else if (value !== undefined) meta[key] = value;
      }
      cache.delete(id);
      await store.commit([{ c: 'documents', k: id, v: { meta, wordCount: record.wordCount } }]);
      return summaryOf({ meta, wordCount: record.wordCount });
    },

    async remove(id) {
      await editable(id);
      const unpair = [...records().values()].filter((r) => r.meta.translationOf === id).map((r) => {
        const { translationOf: _gone, ...meta } = r.meta;
        return { c: 'documents' as const, k: r.meta.id, v: { meta, wordCount: r.wordCount } };
      });
      await store.commit([{ c: 'documents', k: id, v: null }, { c: 'reading', k: id, v: null }, ...unpair]);
      cache.delete(id);
      fingerprints.delete(id);
      await rm(folder(id), { recursive: true, force: true });
    },

    async paragraphTexts(id) {
      const record = records().get(id);
      const cached = cache.get(id);
      if (record && !cached) return (await readBlocks(record)).filter((b) => b.text).map((b) => ({ kind: b.kind, text: b.text }));
      const doc = cached ?? (await get(id));
      return doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) }));
    },

    async saveReading(id, state) {
      const current = reading(id) ?? {};
      await store.commit([{ c: 'reading', k: id, v: { ...current, ...state } }]);
    },
  };
}
