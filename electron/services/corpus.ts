import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, type ManifestEntry } from '../../shared/corpus/manifest';
import { FacingError } from '../../shared/ipc/errors';
import type { Notice } from '../../shared/model/app';
import type { Document, DocumentMeta, DocumentSummary } from '../../shared/model/document';
import { segmentText } from '../../shared/text/segmentation';
import { readUtf8File, UnreadableTextError } from './text-file';
import { t } from '../../shared/i18n/current';

export interface CorpusService {
  list(): Promise<DocumentSummary[]>;
  get(id: string): Promise<Document>;
  /** A document's text alone (what `get` gives as `text`), where that is cheaper than the whole document. */
  text(id: string): Promise<string>;
  readonly notices: Notice[];
}

type Loaded = { ok: true; doc: Document } | { ok: false; problem: string };

function metaOf(entry: ManifestEntry): DocumentMeta {
  const { file: _file, ...meta } = entry;
  return { ...meta, origin: 'bundled' };
}

/** The bundled documents described by `corpus/manifest.json`. Files are segmented once and cached by mtime. */
export async function openCorpus(corpusDir: string): Promise<CorpusService> {
  const notices: Notice[] = [];
  let entries: ManifestEntry[] = [];
  try {
    const reading = readManifest(JSON.parse(await readFile(join(corpusDir, 'manifest.json'), 'utf8')));
    entries = reading.entries;
    notices.push(...reading.problems.map((message): Notice => ({ level: 'warning', message })));
  } catch (error) {
    notices.push({ level: 'error', message: t('store.corpusUnreadable', { reason: (error as Error).message }) });
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const cache = new Map<string, { stamp: string; loaded: Loaded }>();

  async function load(entry: ManifestEntry): Promise<Loaded> {
    const path = join(corpusDir, entry.file);
    const stamp = await stat(path).then((s) => `${s.mtimeMs}:${s.size}`, () => 'missing');
    const cached = cache.get(entry.id);
    if (cached?.stamp === stamp) return cached.loaded;
    let loaded: Loaded;
    try {
      const raw = await readUtf8File(path);
      loaded = { ok: true, doc: { meta: metaOf(entry), ...segmentText(raw, entry.language) } };
    } catch (error) {
      if (!(error instanceof UnreadableTextError)) throw error;
      loaded = { ok: false, problem: `${entry.file}: ${error.message}` };
    }
    cache.set(entry.id, { stamp, loaded });
    return loaded;
  }

  const service: CorpusService = {
    notices,
    async list() {
      return Promise.all(
        entries.map(async (entry): Promise<DocumentSummary> => {
          const loaded = await load(entry);
          return loaded.ok ? { ...loaded.doc.meta, wordCount: loaded.doc.wordCount } : { ...metaOf(entry), wordCount: 0, problem: loaded.problem };
        }),
      );
    },
    async get(id) {
      const entry = byId.get(id);
      if (!entry) throw new FacingError('not-found', t('librarySvc.noDocument', { id }));
      const loaded = await load(entry);
      if (!loaded.ok) throw new FacingError('unreadable', t('corpusSvc.cannotOpen', { title: entry.title, problem: loaded.problem }));
      return loaded.doc;
    },
    async text(id) {
      return (await service.get(id)).text;
    },
  };
  return service;
}
