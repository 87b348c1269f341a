import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { couchId, fromCouch, isSynced, sameContent, toCouch, type CouchDoc, type SyncedRecord } from '../../../shared/sync/documents';
import type { StoreData, StoreRecord } from '../store';
import type { PouchDb } from './pouch';

/**
 * Local changes mirrored into the local PouchDB database, which keeps them on disk until the
 * replicator has sent them: changes made offline survive a restart. Writes are batched; the
 * newest value of an entry wins.
 */
export function createOutbox(local: PouchDb, dataDir: string, origin: string, by: () => string) {
  const pending = new Map<string, SyncedRecord>();
  let flushing: Promise<void> = Promise.resolve();
  let scheduled = false;
  let onWritten: (count: number) => void = () => {};

  function add(records: readonly StoreRecord[]): void {
    for (const r of records) {
      if (r.c === 'settings' || !isSynced(r.c)) continue;
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
        if (record.c === 'documents' && !doc._deleted) doc._attachments = await filesOf(record, existing?.rev ? id : null);
        docs.push(doc);
      }
      if (!docs.length) continue;
      const results = await local.bulkDocs(docs);
      // A change pulled from the server in between: write ours again on top of it.
      const retry = results.filter((r) => r.status === 409).map((r) => batch.find(([id]) => id === r.id)!);
      for (const [id, record] of retry) if (!pending.has(id)) pending.set(id, record);
      onWritten(results.length - retry.length);
    }
  }

  /** An imported document travels with its original file and extracted text as attachments. */
  async function filesOf(record: SyncedRecord, existingId: string | null): Promise<Record<string, unknown>> {
    const meta = (record.v as { meta?: { format?: string } }).meta;
    if (existingId) {
      // Metadata edits keep the files already there as stubs rather than sending them again.
      const existing = await local.get(existingId).catch(() => null);
      if (existing?._attachments && Object.keys(existing._attachments).length === 2) {
        return Object.fromEntries(Object.entries(existing._attachments).map(([name, a]) => [name, { ...(a as object), stub: true }]));
      }
    }
    const folder = join(dataDir, 'library', record.k);
    const [original, text] = await Promise.all([readFile(join(folder, `original.${meta?.format ?? 'txt'}`)), readFile(join(folder, 'document.json'))]);
    return {
      original: { content_type: 'application/octet-stream', data: original },
      'document.json': { content_type: 'application/json', data: text },
    };
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
      if (keep.has(id)) continue;
      const incoming = fromCouch(doc);
      if (incoming.kind === 'apply') changed.push({ ...incoming.record, v: null });
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
