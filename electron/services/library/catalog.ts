import { z } from 'zod';
import { DocumentMetaSchema, type DocumentSummary } from '../../../shared/model/document';
import type { Store } from '../store';
import { readingOf } from './reading';

export const ImportedRecordSchema = z.object({ meta: DocumentMetaSchema, wordCount: z.number().int().nonnegative() });
export type ImportedRecord = z.infer<typeof ImportedRecordSchema>;

/** The imported documents' records in the store, each validated once (the store keeps the same object until it changes). */
export function createCatalog(store: Store) {
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

  function summaryOf(record: ImportedRecord): DocumentSummary {
    const state = readingOf(store, record.meta.id);
    return { ...record.meta, wordCount: record.wordCount, ...(state ? { reading: state } : {}) };
  }

  return { records, summaryOf };
}
export type Catalog = ReturnType<typeof createCatalog>;
