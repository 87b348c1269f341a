import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fromCouch, type CouchDoc, type SyncedRecord } from '../../../shared/sync/documents';
import { writeFileDurably } from '../durable-file';
import type { Store, StoreRecord } from '../store';
import type { Memory } from './state';
import type { PouchDb } from './pouch';

export interface ApplyOptions {
  local: PouchDb;
  store: Store;
  memory: Memory;
  dataDir: string;
  /** This computer: documents it wrote itself are already in its store. */
  origin: string;
  /** After each batch reaches the store (search refreshes documents, the status counts a revision). */
  onApplied(records: SyncedRecord[]): void;
}

type Change = { id: string; seq: number | string; doc?: CouchDoc };

/**
 * Follows the local database's changes feed and brings what other computers wrote into the store,
 * through the same commit (journal, backups, undo) as local changes, marked 'sync' so the outbox
 * does not send it back. Each document is checked first; one that fails is quarantined, not applied.
 */
export function createApplier(options: ApplyOptions) {
  const { local, store, memory } = options;
  const queue: Change[] = [];
  let running: Promise<void> | null = null;
  let feed: { cancel(): void } | null = null;
  const quarantined = new Map(memory.memory.quarantine.map((q) => [q.id, q.reason]));
  const conflicts = new Set(memory.memory.conflicts);

  function push(change: Change) {
    queue.push(change);
    running ??= drain().finally(() => (running = null));
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      await applyBatch(queue.splice(0, 1000));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function applyBatch(changes: Change[]): Promise<void> {
    const records: StoreRecord[] = [];
    const removedFolders: string[] = [];
    for (const { id, doc } of changes) {
      if (!doc || id.startsWith('_')) continue;
      if (doc._conflicts?.length) conflicts.add(id);
      else conflicts.delete(id);
      if (doc.origin === options.origin) continue;
      const incoming = fromCouch(doc);
      if (incoming.kind === 'ignore') continue;
      if (incoming.kind === 'invalid') {
        quarantined.set(id, incoming.reason);
        continue;
      }
      quarantined.delete(id);
      let { record } = incoming;
      if (record.c === 'documents') {
        if (record.v === null) removedFolders.push(record.k);
        else {
          const stored = await storeFiles(record, doc);
          if (typeof stored === 'string') {
            quarantined.set(id, stored);
            continue;
          }
          record = stored;
        }
      }
      records.push(record as StoreRecord);
    }
    if (records.length) await store.commit(records, 'sync');
    for (const id of removedFolders) await rm(join(options.dataDir, 'library', id), { recursive: true, force: true });
    memory.memory.appliedSeq = changes.at(-1)!.seq;
    memory.memory.quarantine = [...quarantined].map(([id, reason]) => ({ id, reason }));
    memory.memory.conflicts = [...conflicts];
    await memory.save();
    if (records.length) options.onApplied(records as SyncedRecord[]);
  }

  /** Writes an incoming document's files next to the others before its record enters the store. */
  async function storeFiles(record: SyncedRecord, doc: CouchDoc): Promise<SyncedRecord | string> {
    const full = await local.get(doc._id, { rev: doc._rev, attachments: true, binary: true }).catch(() => null);
    const files = full?._attachments as Record<string, { data?: Buffer }> | undefined;
    const meta = (record.v as { meta: { format?: string } }).meta;
    const original = files?.original?.data;
    const text = files?.['document.json']?.data;
    if (!original || !text) return 'the document arrived without its files';
    try {
      const parsed = JSON.parse(text.toString('utf8')) as { version?: unknown; blocks?: unknown };
      if (parsed.version !== 1 || !Array.isArray(parsed.blocks)) return 'the document’s extracted text is not in Facing’s format';
    } catch {
      return 'the document’s extracted text is not JSON';
    }
    const folder = join(options.dataDir, 'library', record.k);
    await mkdir(folder, { recursive: true });
    await writeFileDurably(join(folder, `original.${meta.format ?? 'txt'}`), original);
    await writeFileDurably(join(folder, 'document.json'), text);
    // The pairing profile stays per computer: keep ours if we had one.
    const profile = (store.data.documents[record.k] as { profile?: unknown } | undefined)?.profile;
    return profile === undefined ? record : { ...record, v: { ...(record.v as object), profile } };
  }

  return {
    /** Applies what arrived while Facing was closed, then follows new changes as they come. */
    async start(): Promise<void> {
      const missed = await local.changes({ since: memory.memory.appliedSeq, include_docs: true, conflicts: true, return_docs: true, batch_size: 500 });
      for (const change of missed.results) push(change);
      if (running) await running;
      const live = local.changes({ since: missed.last_seq, live: true, include_docs: true, conflicts: true, return_docs: false, batch_size: 500 });
      live.on('change', (change: Change) => push(change));
      live.on('error', () => {});
      feed = live;
    },
    async stop(): Promise<void> {
      feed?.cancel();
      feed = null;
      if (running) await running;
    },
    idle: () => running ?? Promise.resolve(),
    quarantine: () => [...quarantined].map(([id, reason]) => ({ id, reason })),
    conflictIds: () => [...conflicts],
    forgetConflict(id: string) {
      conflicts.delete(id);
      memory.memory.conflicts = [...conflicts];
      return memory.save();
    },
    /** Ids the reconciler must not turn into tombstones: they are on the server but not (validly) here. */
    kept: () => new Set(quarantined.keys()),
  };
}
export type Applier = ReturnType<typeof createApplier>;
