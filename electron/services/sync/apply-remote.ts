import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../../../shared/i18n/current';
import { couchId, fileHashOf, fileId, fromCouch, type CouchDoc, type DocumentFiles, type SyncedRecord } from '../../../shared/sync/documents';
import { withSyncedSettings, type SyncedSettings } from '../../../shared/sync/settings';
import { writeFileDurably } from '../durable-file';
import type { Store, StoreRecord } from '../store';
import { filesBeforeRemoval, filesNamedBy, removeUnusedFiles } from './outbox';
import type { Memory } from './state';
import type { PouchDb } from './pouch';

export interface ApplyOptions {
  local: PouchDb;
  store: Store;
  memory: Memory;
  dataDir: string;
  /** This computer: documents it wrote itself are already in its store. */
  origin: string;
  /** The person whose synced settings this computer takes, or null when its settings stay its own. */
  settingsPerson(): string | null;
  /** After each batch reaches the store (search refreshes documents, the status counts a revision). */
  onApplied(records: SyncedRecord[]): void;
}

type Change = { id: string; seq: number | string | null; doc?: CouchDoc };

/** The store key a losing version of a pair's alignment is set aside under (kept here, never synced). */
export function setAsideKey(pair: string, rev: string): string {
  return `${pair}|conflict-${rev}`;
}

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
  const waiting = new Set(memory.memory.waiting);

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
    let filesArrived = false;
    for (const { id, doc } of changes) {
      if (!doc || id.startsWith('_')) continue;
      const hash = fileHashOf(id);
      if (hash) {
        if (doc._deleted) await restoreFile(hash);
        else filesArrived = true;
        continue;
      }
      if (id.startsWith('settings:')) {
        const settings = await settingsFrom(id, doc);
        if (settings) records.push(settings);
        continue;
      }
      if (doc._conflicts?.length) {
        conflicts.add(id);
        if (id.startsWith('alignment:')) records.push(...(await setAside(id, doc._conflicts)));
      } else conflicts.delete(id);
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
        if (record.v === null) {
          waiting.delete(id);
          removedFolders.push(record.k);
        } else {
          const stored = await storeFiles(record, doc);
          if (stored === 'waiting') {
            waiting.add(id);
            continue;
          }
          waiting.delete(id);
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
    for (const id of removedFolders) {
      await rm(join(options.dataDir, 'library', id), { recursive: true, force: true });
      // Removed elsewhere: its files go too once no document here names them.
      await removeUnusedFiles(local, await filesBeforeRemoval(local, `document:${id}`));
    }
    const seen = changes.filter((c) => c.seq !== null).at(-1);
    if (seen) memory.memory.appliedSeq = seen.seq!;
    memory.memory.quarantine = [...quarantined].map(([id, reason]) => ({ id, reason }));
    memory.memory.conflicts = [...conflicts];
    memory.memory.waiting = [...waiting];
    await memory.save();
    if (records.length) options.onApplied(records as SyncedRecord[]);
    if (filesArrived && waiting.size) await retryWaiting();
  }

  /** Documents that came before their files are tried again once files arrive. */
  async function retryWaiting(): Promise<void> {
    for (const id of waiting) {
      const doc = await local.get(id, { conflicts: true }).catch(() => null);
      if (doc) push({ id, seq: null, doc });
      else waiting.delete(id);
    }
  }

  /**
   * Alignment edits made on two computers while apart: the winner is applied as everywhere, and each
   * other version is set aside in this computer's store, as edits that no longer fit are, so that
   * neither is lost; the hub lists the conflict until the user chooses.
   */
  async function setAside(id: string, revs: string[]): Promise<StoreRecord[]> {
    const out: StoreRecord[] = [];
    for (const rev of revs) {
      const other = await local.get(id, { rev }).catch(() => null);
      if (!other) continue;
      const incoming = fromCouch({ ...other, _deleted: false });
      if (incoming.kind !== 'apply') continue;
      const key = setAsideKey(incoming.record.k, rev);
      if (store.data.alignments[key] === undefined) out.push({ c: 'alignments', k: key, v: incoming.record.v });
    }
    return out;
  }

  /** This person's settings from another computer, when they chose to sync them; others' are not ours. */
  async function settingsFrom(id: string, doc: CouchDoc): Promise<StoreRecord | null> {
    const person = options.settingsPerson();
    if (!person || id !== couchId('settings', person)) return null;
    // Settings changed on two computers at once: the winner is everyone's, the other is let go.
    for (const rev of doc._conflicts ?? []) await local.remove(id, rev).catch(() => {});
    if (doc._deleted || doc.origin === options.origin) return null;
    const incoming = fromCouch(doc);
    if (incoming.kind === 'invalid') {
      quarantined.set(id, incoming.reason);
      return null;
    }
    quarantined.delete(id);
    if (incoming.kind !== 'apply' || incoming.record.v === null) return null;
    return { c: 'settings', v: withSyncedSettings(store.data.settings, incoming.record.v as SyncedSettings) };
  }

  /** Writes an incoming document's files next to the others before its record enters the store. */
  async function storeFiles(record: SyncedRecord, doc: CouchDoc): Promise<SyncedRecord | string> {
    const meta = (record.v as { meta: { format?: string } }).meta;
    const files = (record.v as { files?: DocumentFiles }).files;
    let original: Buffer | undefined;
    let text: Buffer | undefined;
    if (files) {
      const [o, x] = await Promise.all([fileData(files.original), fileData(files.text)]);
      if (o === undefined || x === undefined) return 'waiting';
      if (o === null || x === null) return t('syncSvc.reasonFileHash');
      [original, text] = [o, x];
    } else {
      // Written by an earlier Facing: the files are attached to the document itself.
      const full = await local.get(doc._id, { rev: doc._rev, attachments: true, binary: true }).catch(() => null);
      const attached = full?._attachments as Record<string, { data?: Buffer }> | undefined;
      original = attached?.original?.data;
      text = attached?.['document.json']?.data;
    }
    if (!original || !text) return t('syncSvc.reasonNoFiles');
    try {
      const parsed = JSON.parse(text.toString('utf8')) as { version?: unknown; blocks?: unknown };
      if (parsed.version !== 1 || !Array.isArray(parsed.blocks)) return t('syncSvc.reasonTextFormat');
    } catch {
      return t('syncSvc.reasonTextJson');
    }
    const folder = join(options.dataDir, 'library', record.k);
    await mkdir(folder, { recursive: true });
    await writeFileDurably(join(folder, `original.${meta.format ?? 'txt'}`), original);
    await writeFileDurably(join(folder, 'document.json'), text);
    // The pairing profile stays per computer: keep ours if we had one. The file hashes are the sync's own.
    const { files: _files, ...value } = record.v as Record<string, unknown>;
    const profile = (store.data.documents[record.k] as { profile?: unknown } | undefined)?.profile;
    return { ...record, v: profile === undefined ? value : { ...value, profile } };
  }

  /** A file's bytes: undefined while it has not arrived, null when they are not what its name says. */
  async function fileData(hash: string): Promise<Buffer | null | undefined> {
    const doc = await local.get(fileId(hash), { attachments: true, binary: true }).catch(() => null);
    const data = (doc?._attachments as Record<string, { data?: Buffer }> | undefined)?.data?.data;
    if (!data) return undefined;
    return createHash('sha256').update(data).digest('hex') === hash ? data : null;
  }

  /**
   * Another computer removed a file no document of its own still named, while one of ours (not yet
   * there) does: it is written again, from this computer's copy.
   */
  async function restoreFile(hash: string): Promise<void> {
    const documents = await local.allDocs({ startkey: 'document:', endkey: 'document:\uffff', include_docs: true });
    for (const row of documents.rows) {
      const files = filesNamedBy(row.doc);
      if (!files.includes(hash)) continue;
      const key = row.id.slice('document:'.length);
      const format = (store.data.documents[key] as { meta?: { format?: string } } | undefined)?.meta?.format ?? 'txt';
      const name = (row.doc!.body as { files: DocumentFiles }).files.original === hash ? `original.${format}` : 'document.json';
      const data = await readFile(join(options.dataDir, 'library', key, name)).catch(() => null);
      if (!data || createHash('sha256').update(data).digest('hex') !== hash) continue;
      const current = await local.allDocs({ keys: [fileId(hash)] });
      const rev = current.rows[0]?.value;
      if (!rev?.deleted) return;
      await local.put({ _id: fileId(hash), _rev: rev.rev, type: 'file', _attachments: { data: { content_type: name === 'document.json' ? 'application/json' : 'application/octet-stream', data } } });
      return;
    }
  }

  return {
    /** Applies what arrived while Facing was closed, then follows new changes as they come. */
    async start(): Promise<void> {
      const missed = await local.changes({ since: memory.memory.appliedSeq, include_docs: true, conflicts: true, return_docs: true, batch_size: 500 });
      for (const change of missed.results) push(change);
      if (running) await running;
      if (waiting.size) await retryWaiting();
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
    /** Ids the reconciler must not turn into tombstones: they are on the server but not (validly) here, or wait for their files. */
    kept: () => new Set([...quarantined.keys(), ...waiting]),
  };
}
export type Applier = ReturnType<typeof createApplier>;
