import { z } from 'zod';
import { unpackProfile, type PairingProfile } from '../../../shared/corpus/pairing';
import { DocumentMetaSchema, type DocumentSummary } from '../../../shared/model/document';
import type { Store, StoreRecord } from '../store';
import type { ProfileFile } from './profile-file';
import { readingOf } from './reading';

export const ImportedRecordSchema = z.object({
  meta: DocumentMetaSchema,
  wordCount: z.number().int().nonnegative(),
  /**
   * The pairing profile, as earlier versions kept it in the record: moved to the profile file at start
   * (see moveProfilesOut). Validated when pairing reads it, not each time the library is listed.
   */
  profile: z.unknown().optional(),
  /** SHA-256 of the imported file, to notice the same file imported twice. */
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportedRecord = z.infer<typeof ImportedRecordSchema>;

const MOVED_A_COMMIT = 500;

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
   * Moves the pairing profiles that records still hold (imports of earlier versions, as arrays or
   * packed) into the profile file, then commits the records without them, a few hundred a commit, so
   * that the store's first line is written without them at the next compaction. Each record is read
   * again just before its commit, so a change made meanwhile is kept. The number moved.
   */
  async function moveProfilesOut(file: ProfileFile, stop: () => boolean): Promise<number> {
    const held = (raw: unknown) => typeof raw === 'object' && raw !== null && 'profile' in raw;
    // Records that do not validate are left as they are: their profile is no use to pairing either way.
    const old = Object.keys(store.data.documents).filter((id) => held(store.data.documents[id]) && record(id));
    let moved = 0;
    for (let from = 0; from < old.length && !stop(); from += MOVED_A_COMMIT) {
      const ids = old.slice(from, from + MOVED_A_COMMIT);
      const kept = ids.flatMap((id) => {
        const profile = profileOf(id);
        return profile ? [[id, profile] as const] : [];
      });
      // In the file before the records lose them: a crash between leaves a profile twice, never none.
      await file.add(kept);
      const changes: StoreRecord[] = [];
      for (const id of ids) {
        const raw = store.data.documents[id] as Record<string, unknown> | undefined;
        if (!raw || !held(raw)) continue;
        const { profile: _profile, ...rest } = raw;
        changes.push({ c: 'documents', k: id, v: rest });
      }
      // Not sent by sync: the profile does not travel, so the synced record is the same.
      if (changes.length) await store.commit(changes, 'upgrade');
      moved += changes.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return moved;
  }

  return { record, records, summaryOf, byHash, noteHash, profileOf, moveProfilesOut };
}
export type Catalog = ReturnType<typeof createCatalog>;
