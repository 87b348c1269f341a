import { z } from 'zod';
import { AnnotationSchema } from '../model/annotation';
import { StoredAlignmentSchema } from '../model/alignment';
import { DocumentIdSchema, DocumentMetaSchema, ReadingStateSchema } from '../model/document';
import { t } from '../i18n/current';
import { SyncedSettingsSchema } from './settings';

/**
 * Store records and the CouchDB documents that carry them between computers: one document per
 * annotation, per edited alignment of a pair, per reading position and per imported document.
 * A deletion travels as a tombstone (`_deleted`). Incoming documents are checked with the same
 * schemas as IPC payloads; one that fails is never applied. A document's files travel once per
 * content (`file:<sha256>`), however many documents or computers hold them; a person's synced
 * settings, when they opt in, travel as `settings:<person>`.
 */

export type SyncedCollection = 'annotations' | 'alignments' | 'reading' | 'documents' | 'settings';

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

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * An imported document's metadata as it travels: its pairing profile is recomputed where needed.
 * `files` names its original file and extracted text by content (older versions attached them).
 */
export const SyncedDocumentSchema = z.object({
  meta: DocumentMetaSchema.extend({ origin: z.literal('imported') }),
  wordCount: z.number().int().nonnegative(),
  hash: Sha256Schema.optional(),
  files: z.object({ original: Sha256Schema, text: Sha256Schema }).optional(),
});
export type DocumentFiles = NonNullable<z.infer<typeof SyncedDocumentSchema>['files']>;

const prefixes: Record<SyncedCollection, string> = { annotations: 'annotation', alignments: 'alignment', reading: 'reading', documents: 'document', settings: 'settings' };

/** The document holding one file's bytes, named by their SHA-256. */
export function fileId(sha256: string): string {
  return `file:${sha256}`;
}

/** The SHA-256 a file document is named by, or null for another id. */
export function fileHashOf(id: string): string | null {
  const match = /^file:([0-9a-f]{64})$/.exec(id);
  return match ? match[1]! : null;
}

/**
 * A file document's first revision is derived from its content, so every computer that writes the
 * same file writes the same revision: the server and replication see it once, never as a conflict.
 */
export function fileRevision(sha256: string): string {
  return `1-${sha256.slice(0, 32)}`;
}

/** Whose synced settings a document holds: the server's user name, else the name shown to others. */
export function settingsPerson(config: { username: string; displayName: string }): string {
  return (config.username || config.displayName || 'me').slice(0, 200);
}

/** The CouchDB id of a store entry, or null for entries that stay on this computer (set-aside alignments). */
export function couchId(c: SyncedCollection, key: string): string | null {
  if (c === 'alignments') {
    const [left, right, ...rest] = key.split('|');
    if (!left || !right || rest.length) return null;
    return `alignment:${left}:${right}`;
  }
  if (!key) return null;
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
  const { meta, wordCount, hash, files } = v as Record<string, unknown>;
  return { meta, wordCount, ...(hash === undefined ? {} : { hash }), ...(files === undefined ? {} : { files }) };
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
  if (!c) return { kind: 'invalid', id, reason: t('syncSvc.reasonUnknown') };

  let key: string;
  if (c === 'alignments') {
    const [left, right, ...more] = rest.split(':');
    if (!left || !right || more.length || !DocumentIdSchema.safeParse(left).success || !DocumentIdSchema.safeParse(right).success) {
      return { kind: 'invalid', id, reason: t('syncSvc.reasonAlignmentId') };
    }
    key = `${left}|${right}`;
  } else if (c === 'settings') {
    key = rest;
    if (!key || key.length > 200) return { kind: 'invalid', id, reason: t('syncSvc.reasonKey') };
  } else {
    key = rest;
    if (c === 'annotations' ? !z.uuid().safeParse(key).success : !DocumentIdSchema.safeParse(key).success) {
      return { kind: 'invalid', id, reason: t('syncSvc.reasonKey') };
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
      if (parsed.data.id !== key) return { success: false, reason: t('syncSvc.reasonAnnotationId') };
      return { success: true, value: parsed.data };
    }
    case 'alignments': {
      const parsed = StoredAlignmentSchema.safeParse(body);
      if (!parsed.success) return { success: false, reason: reasonOf(parsed.error) };
      if (`${parsed.data.left}|${parsed.data.right}` !== key) return { success: false, reason: t('syncSvc.reasonAlignmentPair') };
      return { success: true, value: parsed.data };
    }
    case 'reading': {
      const parsed = ReadingStateSchema.strict().safeParse(body);
      return parsed.success ? { success: true, value: parsed.data } : { success: false, reason: reasonOf(parsed.error) };
    }
    case 'documents': {
      const parsed = SyncedDocumentSchema.safeParse(body);
      if (!parsed.success) return { success: false, reason: reasonOf(parsed.error) };
      if (parsed.data.meta.id !== key) return { success: false, reason: t('syncSvc.reasonDocumentId') };
      return { success: true, value: parsed.data };
    }
    case 'settings': {
      const parsed = SyncedSettingsSchema.safeParse(body);
      return parsed.success ? { success: true, value: parsed.data } : { success: false, reason: reasonOf(parsed.error) };
    }
  }
}

/** Whether a store entry and a document already say the same thing (so nothing needs writing). */
export function sameContent(record: { c: SyncedCollection; v: unknown }, doc: CouchDoc | undefined): boolean {
  if (!doc || doc._deleted) return record.v === null;
  if (record.v === null) return false;
  return stableJson(withoutFiles(bodyOf(record.c, record.v))) === stableJson(withoutFiles(doc.body));
}

/** A document's file hashes are worked out when it is written, so the store's entry does not hold them. */
function withoutFiles(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !('files' in body)) return body;
  const { files: _files, ...rest } = body as Record<string, unknown>;
  return rest;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
