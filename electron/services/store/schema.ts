import { z } from 'zod';
import { defaultSettings, SettingsSchema, type Settings } from '../../../shared/model/settings';
import { shelfOf } from './shelf';

export const STORE_VERSION = 3;

/**
 * A collection is checked to be a plain JSON object and used as parsed: `z.record` would visit and
 * copy each of 50,000 annotations only to accept any value.
 */
const collection = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'a collection must be an object')
  .default(() => ({}));

export const StoreDataSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  /** The journal file that continues this snapshot. */
  journal: z.number().int().nonnegative().default(0),
  // A bad settings block is not worth setting the whole store aside for.
  settings: SettingsSchema.catch(defaultSettings),
  /** Collections keyed by id. Entries are validated by the services that use them, so one bad entry spoils nothing else. */
  alignments: collection,
  annotations: collection,
  /** Imported documents' metadata, and reading positions, by document id. */
  documents: collection,
  reading: collection,
  /** Entries that failed validation, kept rather than deleted, keyed "<collection>:<key>". */
  quarantine: collection,
});
export type StoreData = z.infer<typeof StoreDataSchema>;

export const collections = ['alignments', 'annotations', 'documents', 'reading', 'quarantine'] as const;
export type Collection = (typeof collections)[number];

/** One change, as the journal records it. `v: null` deletes. */
export const StoreRecordSchema = z.union([
  z.strictObject({ c: z.literal('settings'), v: SettingsSchema }),
  z.strictObject({ c: z.enum(collections), k: z.string().min(1), v: z.unknown().refine((v) => v !== undefined, 'a value is required') }),
]);
export type StoreRecord = { c: 'settings'; v: Settings } | { c: Collection; k: string; v: unknown };

/** Each migration takes a store of version k (its index + 1) to version k + 1. */
export const migrations: Array<(data: Record<string, unknown>) => Record<string, unknown>> = [
  // 1 -> 2: annotations arrive, and the journal.
  (data) => ({ ...data, schemaVersion: 2, journal: 0, annotations: {}, quarantine: {} }),
  // 2 -> 3: the same data; the snapshot now lays out each document's annotations on a line of their own.
  (data) => ({ ...data, schemaVersion: 3 }),
];

export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, journal: 0, settings: { ...defaultSettings }, alignments: {}, annotations: {}, documents: {}, reading: {}, quarantine: {} };
}

/** Applies a record that was validated (by its type, or by StoreRecordSchema when read back). */
export function apply(data: StoreData, record: StoreRecord): void {
  if (record.c === 'settings') {
    data.settings = record.v;
    return;
  }
  if (record.c === 'annotations') {
    shelfOf(data).set(record.k, record.v);
    return;
  }
  const collection = data[record.c];
  if (record.v === null) delete collection[record.k];
  else collection[record.k] = record.v;
}
