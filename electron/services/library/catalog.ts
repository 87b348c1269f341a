import { z } from 'zod';
import { packProfile, unpackProfile, type PairingProfile } from '../../../shared/corpus/pairing';
import { DocumentMetaSchema, type DocumentSummary } from '../../../shared/model/document';
import type { Store, StoreRecord } from '../store';
import { readingOf } from './reading';

export const ImportedRecordSchema = z.object({
  meta: DocumentMetaSchema,
  wordCount: z.number().int().nonnegative(),
  /**
   * For pairing suggestions without reading the text (absent in documents imported before it
   * existed). Validated when pairing reads it (see profileOf below), not each time the library is
   * listed: it is most of a record's size.
   */
  profile: z.unknown().optional(),
  /** SHA-256 of the imported file, to notice the same file imported twice. */
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportedRecord = z.infer<typeof ImportedRecordSchema>;

const PACKED_A_COMMIT = 500;

/** The imported documents' records in the store, each validated once (the store keeps the same object until it changes). */
export function createCatalog(store: Store) {
  const parsed = new WeakMap<object, ImportedRecord | null>();
  let hashes: Map<string, string> | null = null;

  function record(id: string): ImportedRecord | undefined {
    const raw = store.data.documents[id];
    if (!raw || typeof raw !== 'object') return undefined;
    let known = parsed.get(raw);
    if (known === undefined) {
      const result = ImportedRecordSchema.safeParse(raw);
      known = result.success ? result.data : null;
      parsed.set(raw, known);
    }
    return known && known.meta.id === id ? known : undefined;
  }

  function records(): Map<string, ImportedRecord> {
    const out = new Map<string, ImportedRecord>();
    for (const id of Object.keys(store.data.documents)) {
      const found = record(id);
      if (found) out.set(id, found);
    }
    return out;
  }

  function summaryOf(record: ImportedRecord): DocumentSummary {
    const state = readingOf(store, record.meta.id);
    return { ...record.meta, wordCount: record.wordCount, ...(state ? { reading: state } : {}) };
  }

  /** The document imported from a file with this hash, if it is still in the library. */
  function byHash(hash: string): ImportedRecord | undefined {
    if (!hashes) {
      hashes = new Map();
      for (const r of records().values()) if (r.hash) hashes.set(r.hash, r.meta.id);
    }
    const id = hashes.get(hash);
    const found = id === undefined ? undefined : record(id);
    return found?.hash === hash ? found : undefined;
  }

  const noteHash = (hash: string, id: string) => hashes?.set(hash, id);

  const profiles = new WeakMap<object, PairingProfile | null>();
  function profileOf(id: string): PairingProfile | undefined {
    const found = record(id);
    if (!found?.profile || typeof found.profile !== 'object') return undefined;
    let known = profiles.get(found.profile);
    if (known === undefined) {
      known = unpackProfile(found.profile);
      profiles.set(found.profile, known);
    }
    return known ?? undefined;
  }

  /**
   * Packs the profiles of documents imported before profiles were packed (see StoredProfile), a few
   * hundred records a commit, so that the store's first line is written smaller at the next
   * compaction. Each record is read again just before its commit, so a change made meanwhile is kept.
   * The number packed.
   */
  async function packOldProfiles(stop: () => boolean): Promise<number> {
    const unpacked = (raw: unknown) => Array.isArray((raw as { profile?: { numbers?: unknown } } | undefined)?.profile?.numbers);
    const old = Object.keys(store.data.documents).filter((id) => unpacked(store.data.documents[id]));
    let packed = 0;
    for (let from = 0; from < old.length && !stop(); from += PACKED_A_COMMIT) {
      const changes: StoreRecord[] = [];
      for (const id of old.slice(from, from + PACKED_A_COMMIT)) {
        const raw = store.data.documents[id] as Record<string, unknown> | undefined;
        const profile = raw && unpacked(raw) ? unpackProfile(raw.profile) : null;
        if (profile) changes.push({ c: 'documents', k: id, v: { ...raw, profile: packProfile(profile) } });
      }
      // Not sent by sync: the profile does not travel, so the synced record is the same.
      if (changes.length) await store.commit(changes, 'upgrade');
      packed += changes.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return packed;
  }

  return { record, records, summaryOf, byHash, noteHash, profileOf, packOldProfiles };
}
export type Catalog = ReturnType<typeof createCatalog>;
