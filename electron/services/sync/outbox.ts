import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { couchId, fileId, fileRevision, fromCouch, isSynced, sameContent, toCouch, type CouchDoc, type DocumentFiles, type SyncedRecord } from '../../../shared/sync/documents';
import { syncedSettingsOf } from '../../../shared/sync/settings';
import type { Settings } from '../../../shared/model/settings';
import type { StoreData, StoreRecord } from '../store';
import type { PouchDb } from './pouch';

export interface OutboxOptions {
  /** The person whose settings this computer syncs, or null when settings stay here. */
  settingsPerson(): string | null;
}

/**
 * Local changes mirrored into the local PouchDB database, which keeps them on disk until the
 * replicator has sent them: changes made offline survive a restart. Writes are batched; the
 * newest value of an entry wins.
 */
export function createOutbox(local: PouchDb, dataDir: string, origin: string, by: () => string, options: OutboxOptions = { settingsPerson: () => null }) {
  const pending = new Map<string, SyncedRecord>();
  let flushing: Promise<void> = Promise.resolve();
  let scheduled = false;
  let onWritten: (count: number) => void = () => {};

  function add(records: readonly StoreRecord[]): void {
    for (const r of records) {
      if (r.c === 'settings') {
        const person = options.settingsPerson();
        if (person) pending.set(couchId('settings', person)!, { c: 'settings', k: person, v: syncedSettingsOf(r.v as Settings) });
        continue;
      }
      if (!isSynced(r.c)) continue;
      const id = couchId(r.c, r.k);
      if (id) pending.set(id, { c: r.c, k: r.k, v: r.v });
    }
    if (pending.size && !scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
  }

  function flush(): Promise<void> {
    scheduled = false;
    flushing = flushing.then(writeBatch).catch(() => {});
    return flushing;
  }

  async function writeBatch(): Promise<void> {
    const unreferenced: string[] = [];
    while (pending.size) {
      const batch = [...pending.entries()].slice(0, 500);
      for (const [id] of batch) pending.delete(id);
      const current = await local.allDocs({ keys: batch.map(([id]) => id) });
      const revs = new Map(current.rows.map((row) => [row.key, row.value]));
      const docs: CouchDoc[] = [];
      for (const [id, record] of batch) {
        const existing = revs.get(id);
        const doc = toCouch(record, origin, by());
        if (!doc) continue;
        if (doc._deleted && (!existing || existing.deleted)) continue;
        if (existing?.rev) doc._rev = existing.rev;
        if (record.c === 'settings' && existing && !existing.deleted && sameContent(record, await local.get(id).catch(() => undefined))) continue;
        if (record.c === 'documents' && !doc._deleted) doc.body = { ...(doc.body as object), files: await storeFiles(record) };
        if (record.c === 'documents' && doc._deleted) unreferenced.push(...filesNamedBy(await local.get(id).catch(() => undefined)));
        docs.push(doc);
      }
      if (!docs.length) continue;
      const results = await local.bulkDocs(docs);
      if (unreferenced.length) await removeUnusedFiles(local, unreferenced.splice(0));
      // A change pulled from the server in between: write ours again on top of it.
      const retry = results.filter((r) => r.status === 409).map((r) => batch.find(([id]) => id === r.id)!);
      for (const [id, record] of retry) if (!pending.has(id)) pending.set(id, record);
      onWritten(results.length - retry.length);
    }
  }

  /**
   * An imported document's original file and extracted text go into documents named by their
   * content, written once however many documents (or computers) hold the same bytes; the
   * document itself names them.
   */
  async function storeFiles(record: SyncedRecord): Promise<DocumentFiles> {
    const meta = (record.v as { meta?: { format?: string } }).meta;
    const folder = join(dataDir, 'library', record.k);
    const [original, text] = await Promise.all([readFile(join(folder, `original.${meta?.format ?? 'txt'}`)), readFile(join(folder, 'document.json'))]);
    const files = { original: sha256(original), text: sha256(text) };
    const contents = new Map([
      [files.original, { content_type: 'application/octet-stream', data: original }],
      [files.text, { content_type: 'application/json', data: text }],
    ]);
    const ids = [...contents.keys()].map(fileId);
    const present = await local.allDocs({ keys: ids });
    const fresh: CouchDoc[] = [];
    for (const row of present.rows) {
      const hash = row.key.slice('file:'.length);
      const doc: CouchDoc = { _id: row.key, type: 'file', _attachments: { data: contents.get(hash)! } };
      if (!row.value) fresh.push({ ...doc, _rev: fileRevision(hash) });
      // Removed everywhere earlier, and needed again: a new revision on top of the removal.
      else if (row.value.deleted) await local.put({ ...doc, _rev: row.value.rev });
    }
    if (fresh.length) await local.bulkDocs(fresh, { new_edits: false });
    return files;
  }

  /**
   * After a crash between a store commit and its mirror, or when sync is first turned on: the
   * store is the truth, so every entry that differs from its document is written again, and a
   * document whose entry is gone becomes a tombstone. Call once remote changes are applied.
   */
  async function reconcile(data: StoreData, keep: ReadonlySet<string>): Promise<number> {
    const all = await local.allDocs({ include_docs: true });
    const docs = new Map<string, CouchDoc>();
    for (const row of all.rows) if (row.doc && !row.id.startsWith('_')) docs.set(row.id, row.doc);
    const changed: StoreRecord[] = [];
    for (const c of ['annotations', 'alignments', 'reading', 'documents'] as const) {
      for (const [k, v] of Object.entries(data[c])) {
        const id = couchId(c, k);
        if (!id) continue;
        const doc = docs.get(id);
        docs.delete(id);
        if (!sameContent({ c, v }, doc)) changed.push({ c, k, v });
      }
    }
    for (const [id, doc] of docs) {
      if (keep.has(id) || id.startsWith('settings:') || id.startsWith('file:')) continue;
      const incoming = fromCouch(doc);
      if (incoming.kind === 'apply' && incoming.record.c !== 'settings') changed.push({ ...incoming.record, c: incoming.record.c, v: null });
    }
    add(changed);
    await flush();
    return changed.length;
  }

  return {
    add,
    flush,
    reconcile,
    /** Called with how many documents each write put in the local database. */
    written(listener: (count: number) => void) {
      onWritten = listener;
    },
    async idle() {
      await flushing;
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

/** Files no remaining document names are removed (the removal travels like any other). */
export async function removeUnusedFiles(local: PouchDb, candidates: string[]): Promise<void> {
  const documents = await local.allDocs({ startkey: 'document:', endkey: 'document:\uffff', include_docs: true });
  const used = new Set(documents.rows.flatMap((row) => filesNamedBy(row.doc)));
  const unused = [...new Set(candidates)].filter((hash) => !used.has(hash));
  if (!unused.length) return;
  const files = await local.allDocs({ keys: unused.map(fileId) });
  const removals = files.rows.filter((row) => row.value && !row.value.deleted).map((row) => ({ _id: row.key, _rev: row.value!.rev, _deleted: true }));
  if (removals.length) await local.bulkDocs(removals);
}

/** The files the revision before a document's removal named. */
export async function filesBeforeRemoval(local: PouchDb, id: string): Promise<string[]> {
  const [leaf] = (await local.get(id, { revs: true, open_revs: 'all' }).catch(() => [])) as unknown as Array<{ ok?: CouchDoc & { _revisions?: { start: number; ids: string[] } } }>;
  const revisions = leaf?.ok?._revisions;
  if (!revisions || revisions.ids.length < 2) return [];
  const before = await local.get(id, { rev: `${revisions.start - 1}-${revisions.ids[1]}` }).catch(() => undefined);
  return filesNamedBy(before);
}

/** The file hashes a document in the local database names. */
export function filesNamedBy(doc: CouchDoc | undefined): string[] {
  const files = (doc && !doc._deleted ? (doc.body as { files?: Partial<DocumentFiles> } | undefined)?.files : undefined) ?? {};
  return [files.original, files.text].filter((hash): hash is string => typeof hash === 'string');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
