import { z } from 'zod';
import { AnnotationSchema } from '../model/annotation';
import { StoredAlignmentSchema } from '../model/alignment';
import { DocumentIdSchema, DocumentMetaSchema, ReadingStateSchema } from '../model/document';

/**
 * Store records and the CouchDB documents that carry them between computers: one document per
 * annotation, per edited alignment of a pair, per reading position and per imported document.
 * A deletion travels as a tombstone (`_deleted`). Incoming documents are checked with the same
 * schemas as IPC payloads; one that fails is never applied.
 */

export type SyncedCollection = 'annotations' | 'alignments' | 'reading' | 'documents';

/** A change to the store, in the store's own terms (`v: null` deletes). */
export interface SyncedRecord {
  c: SyncedCollection;
  k: string;
  v: unknown;
}

/** What Facing writes into CouchDB. `origin` names the computer that made this revision. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, unknown>;
  type?: string;
  origin?: string;
  /** The display name of the person whose computer wrote this revision. */
  by?: string;
  body?: unknown;
}

/** An imported document's metadata as it travels: its pairing profile is recomputed where needed. */
export const SyncedDocumentSchema = z.object({
  meta: DocumentMetaSchema.extend({ origin: z.literal('imported') }),
  wordCount: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

const prefixes: Record<SyncedCollection, string> = { annotations: 'annotation', alignments: 'alignment', reading: 'reading', documents: 'document' };

/** The CouchDB id of a store entry, or null for entries that stay on this computer (set-aside alignments). */
export function couchId(c: SyncedCollection, key: string): string | null {
  if (c === 'alignments') {
    const [left, right, ...rest] = key.split('|');
    if (!left || !right || rest.length) return null;
    return `alignment:${left}:${right}`;
  }
  return `${prefixes[c]}:${key}`;
}

export function isSynced(c: string): c is SyncedCollection {
  return Object.hasOwn(prefixes, c);
}

/** The document to write for a store change; null when the record does not sync. */
export function toCouch(record: { c: string; k?: string; v: unknown }, origin: string, by = ''): CouchDoc | null {
  if (!isSynced(record.c) || record.k === undefined) return null;
  const _id = couchId(record.c, record.k);
  if (!_id) return null;
  if (record.v === null) return { _id, _deleted: true, type: prefixes[record.c], origin, by };
  return { _id, type: prefixes[record.c], origin, by, body: bodyOf(record.c, record.v) };
}

function bodyOf(c: SyncedCollection, v: unknown): unknown {
  if (c !== 'documents' || !v || typeof v !== 'object') return v;
  const { meta, wordCount, hash } = v as Record<string, unknown>;
  return hash === undefined ? { meta, wordCount } : { meta, wordCount, hash };
}

export type Incoming =
  | { kind: 'apply'; record: SyncedRecord }
  | { kind: 'ignore' }
  | { kind: 'invalid'; id: string; reason: string };

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid';
}

/** Reads a document from the server back into a store change, checking it first. */
export function fromCouch(doc: CouchDoc): Incoming {
  const id = String(doc._id ?? '');
  if (id.startsWith('_design/') || id.startsWith('_local/')) return { kind: 'ignore' };
  const colon = id.indexOf(':');
  const prefix = colon > 0 ? id.slice(0, colon) : '';
  const rest = id.slice(colon + 1);
  const c = (Object.keys(prefixes) as SyncedCollection[]).find((k) => prefixes[k] === prefix);
  if (!c) return { kind: 'invalid', id, reason: 'not a document Facing knows' };

  let key: string;
  if (c === 'alignments') {
    const [left, right, ...more] = rest.split(':');
    if (!left || !right || more.length || !DocumentIdSchema.safeParse(left).success || !DocumentIdSchema.safeParse(right).success) {
      return { kind: 'invalid', id, reason: 'an alignment id names two documents' };
    }
    key = `${left}|${right}`;
  } else {
    key = rest;
    if (c === 'annotations' ? !z.uuid().safeParse(key).success : !DocumentIdSchema.safeParse(key).success) {
      return { kind: 'invalid', id, reason: 'the id is not a valid key' };
    }
  }
  if (doc._deleted) return { kind: 'apply', record: { c, k: key, v: null } };

  const checked = validate(c, key, doc.body);
  if (!checked.success) return { kind: 'invalid', id, reason: checked.reason };
  return { kind: 'apply', record: { c, k: key, v: checked.value } };
}

function validate(c: SyncedCollection, key: string, body: unknown): { success: true; value: unknown } | { success: false; reason: string } {
  switch (c) {
    case 'annotations': {
      const parsed = AnnotationSchema.safeParse(body);
      if (!parsed.success) return { success: false, reason: reasonOf(parsed.error) };
      if (parsed.data.id !== key) return { success: false, reason: 'the annotation id does not match the document id' };
      return { success: true, value: parsed.data };
    }
    case 'alignments': {
      const parsed = StoredAlignmentSchema.safeParse(body);
      if (!parsed.success) return { success: false, reason: reasonOf(parsed.error) };
      if (`${parsed.data.left}|${parsed.data.right}` !== key) return { success: false, reason: 'the alignment names another pair' };
      return { success: true, value: parsed.data };
    }
    case 'reading': {
      const parsed = ReadingStateSchema.strict().safeParse(body);
      return parsed.success ? { success: true, value: parsed.data } : { success: false, reason: reasonOf(parsed.error) };
    }
    case 'documents': {
      const parsed = SyncedDocumentSchema.safeParse(body);
      if (!parsed.success) return { success: false, reason: reasonOf(parsed.error) };
      if (parsed.data.meta.id !== key) return { success: false, reason: 'the document id does not match' };
      return { success: true, value: parsed.data };
    }
  }
}

/** Whether a store entry and a document already say the same thing (so nothing needs writing). */
export function sameContent(record: { c: SyncedCollection; v: unknown }, doc: CouchDoc | undefined): boolean {
  if (!doc || doc._deleted) return record.v === null;
  if (record.v === null) return false;
  return stableJson(bodyOf(record.c, record.v)) === stableJson(doc.body);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
