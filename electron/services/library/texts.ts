import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import type { Document } from '../../../shared/model/document';
import { documentText, segmentBlocks, type Block } from '../../../shared/text/segmentation';
import { parseBlockFile } from './block-file';
import { utf8InSlices } from './slices';
import type { ImportedRecord } from './catalog';

/** Open documents kept segmented in memory; older ones are read again when needed. */
const CACHED_DOCUMENTS = 16;

/** The extracted texts of imported documents, in `library/<id>/document.json`, with a small cache. */
export function createTexts(dataDir: string) {
  const folder = (id: string) => join(dataDir, 'library', id);
  const cache = new Map<string, Document>();

  function remember(doc: Document): Document {
    cache.delete(doc.meta.id);
    cache.set(doc.meta.id, doc);
    if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    return doc;
  }

  async function readBlocks(record: ImportedRecord): Promise<Block[]> {
    try {
      return await parseBlockFile(await utf8InSlices(await readFile(join(folder(record.meta.id), 'document.json'))));
    } catch {
      throw new FacingError('unreadable', t('librarySvc.textDamaged', { title: record.meta.title, folder: folder(record.meta.id) }));
    }
  }

  /** The document kept open for this record, if its details have not changed since. */
  function cachedFor(record: ImportedRecord): Document | undefined {
    const cached = cache.get(record.meta.id);
    return cached && cached.meta === record.meta ? cached : undefined;
  }

  async function load(record: ImportedRecord): Promise<Document> {
    const cached = cachedFor(record);
    if (cached) return remember(cached);
    return remember({ meta: record.meta, ...segmentBlocks(await readBlocks(record), record.meta.language) });
  }

  /** The text alone: an open document's, or read from its blocks without segmenting them (a seventh of the time). */
  async function text(record: ImportedRecord): Promise<string> {
    return cachedFor(record)?.text ?? documentText(await readBlocks(record));
  }

  return { folder, cache, remember, readBlocks, load, text };
}
