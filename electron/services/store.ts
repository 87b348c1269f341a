import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../shared/model/app';
import type { Backup } from '../../shared/model/settings';
import { FacingError } from '../../shared/ipc/errors';
import { t } from '../../shared/i18n/current';
import { removeLeftoverTemps, writeFileDurably } from './durable-file';
import { BACKUP_FOLDER, describeBackups, listBackups, readBackup, type WriteFile } from './store/backups';
import { createCompactor } from './store/compaction';
import { STORE_FILE } from './store/load';
import { acquireLock } from './store/lock';
import { loadStore } from './store/load';
import { Low } from 'lowdb';
import { apply, type StoreData, type StoreRecord } from './store/schema';
import { serializeSnapshot } from './store/snapshot';
import { SnapshotFile } from './store/snapshot-file';
import { shelfOf } from './store/shelf';
import { tick } from './library/slices';

export { STORE_FILE } from './store/load';
export { StoreInUseError } from './store/lock';
export { emptyStore, STORE_VERSION, StoreDataSchema, type Collection, type StoreData, type StoreRecord } from './store/schema';

/** `upgrade`: a record rewritten in a newer form with the same meaning, which sync does not send again. */
export type CommitSource = 'local' | 'sync' | 'upgrade';

export type CommitListener = (records: StoreRecord[], source: CommitSource) => void;

export interface StoreOptions {
  /** The clock backups are named and kept by (tests move it). */
  now?: () => Date;
  /** How snapshots and backups are written (tests inject a full disk). */
  writeFile?: WriteFile;
}

export interface Store {
  readonly data: StoreData;
  /** Counts the commits applied to `data` (on disk or not yet), for caches of what is derived from it. */
  readonly revision: number;
  readonly path: string;
  /** What the user should know about this start, and about backups that failed since. */
  readonly notices: Notice[];
  /** Applies records at once and resolves when they are on disk. `source` names who made them ('sync' for changes from other computers). */
  commit(records: StoreRecord[], source?: CommitSource): Promise<void>;
  /** Calls `listener` after each commit is on disk; returns a function that stops it. */
  onCommit(listener: CommitListener): () => void;
  /** Folds the journal into a fresh snapshot and a verified backup. */
  compact(): Promise<void>;
  /** Resolves when background compactions and backups have finished; one planned for after the start runs now. */
  settled(): Promise<void>;
  /**
   * Parses the annotations of every document not used yet, one document at a time, waiting for
   * `between` (the next turn of the event loop by default) before each; resolves when done. Its owner
   * starts it once the start's work is answered; the first call's `between` is the one used.
   */
  readAhead(between?: () => Promise<void>): Promise<void>;
  /** Newest first. */
  backups(): Promise<Backup[]>;
  /** Replaces the store with a backup after backing up the current store, whose backup id it returns. */
  restoreBackup(id: string): Promise<{ keptAs: string; restored: Backup }>;
  close(): Promise<void>;
}

/**
 * Opens the store in `dataDir`: a lowdb JSON snapshot plus a journal of changes since. A write is
 * acknowledged once its journal line is fsynced, so a burst of edits costs appends, not rewrites of
 * the whole file. Every compaction also writes a verified backup; a snapshot that cannot be used is
 * set aside, never overwritten, and the store rebuilt from the newest backup and the journals since.
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireLock(dataDir);
  // Only now is no other Facing writing here: what a killed one left half-written can go.
  await removeLeftoverTemps(dataDir);
  await removeLeftoverTemps(join(dataDir, BACKUP_FOLDER));

  const loaded = await loadStore(dataDir, lock.unclean, now());
  const writeFile = options.writeFile ?? writeFileDurably;
  // lowdb holds the store in memory and writes its snapshot through our durable adapter; the
  // journal in front of it is what makes each change safe without rewriting the whole file.
  // Every line of a snapshot read lazily is in memory once the next one is made: the file can be closed then.
  const snapshot = new SnapshotFile(join(dataDir, STORE_FILE), writeFile, () => loaded.release());
  const state = new Low<StoreData>(snapshot, loaded.data);
  const notices = loaded.notices;
  let backupFailed: Notice | null = null;
  const listeners = new Set<CommitListener>();
  let revision = 0;
  // Annotation blocks are read on first use, so one found damaged then is reported then.
  const reportDamage = (data: StoreData) => {
    shelfOf(data).onDamaged = ({ count }) => notices.push({ level: 'warning', message: t('store.damagedAnnotations', { count }) });
  };
  reportDamage(state.data);

  // Documents' annotations are parsed on first use; once asked (after the first painted library) the rest
  // are read ahead, one document at a time and the most recently opened first, so a first list finds them parsed.
  let closed = false;
  let reading: Promise<void> | null = null;
  const readAhead = (between: () => Promise<void> = tick) =>
    (reading ??= new Promise<void>((resolve) => {
      const shelf = shelfOf(state.data);
      const opened = (id: string) => {
        const value = (state.data.reading[id] as { opened?: unknown } | undefined)?.opened;
        return typeof value === 'string' ? value : '';
      };
      const order = shelf.unreadDocuments().sort((a, b) => opened(b).localeCompare(opened(a)));
      const step = () => {
        const next = order.shift();
        if (closed || next === undefined) return resolve();
        try {
          shelf.readAhead(next);
        } catch (error) {
          // The snapshot changed under us (see snapshot-read.ts): said once, and the rest left unread.
          const message = (error as Error).message;
          if (!notices.some((n) => n.message === message)) notices.push({ level: 'error', message });
          return resolve();
        }
        void between().then(step);
      };
      step();
    }));
  const compactor = createCompactor({
    dataDir,
    state,
    written: () => snapshot.written ?? serializeSnapshot(state.data),
    journals: loaded.journals,
    lastBackup: loaded.backups[0]?.time ?? null,
    now,
    writeFile,
    onBackupFailed: (error) => {
      if (backupFailed && notices.includes(backupFailed)) return;
      backupFailed = { level: 'warning', message: t('store.backupFailed', { reason: (error as Error).message }) };
      notices.push(backupFailed);
    },
  });
  if (loaded.compact === 'now') await compactor.compact();
  else {
    // Folding a replayed journal into a snapshot of megabytes need not hold up the start: appends go on
    // in that journal until the compaction moves them to the next.
    compactor.continueJournal(loaded.continues);
    if (loaded.compact === 'soon') compactor.compactAfterStart();
  }

  return {
    path: join(dataDir, STORE_FILE),
    notices,
    get data() {
      return state.data;
    },
    get revision() {
      return revision;
    },
    async commit(records, source = 'local') {
      // Counted first: a record that fails to apply leaves the data partly changed, and caches must not trust it.
      revision++;
      for (const record of records) apply(state.data, record);
      await compactor.journal().append(records);
      compactor.maybeCompact();
      for (const listener of listeners) listener(records, source);
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async compact() {
      await compactor.compact();
    },
    settled: () => compactor.settled(),
    readAhead,
    backups: () => describeBackups(dataDir),
    async restoreBackup(id) {
      await compactor.settled();
      const target = (await listBackups(dataDir)).find((b) => b.id === id);
      if (!target) throw new FacingError('not-found', t('store.noBackup', { id }));
      const restored = await readBackup(dataDir, id).catch((error: Error) => {
        throw new FacingError('unreadable', t('store.backupUnreadable', { id, reason: error.message }));
      });
      const keptAs = await compactor.compact({ beforeRestore: true, strict: true });
      state.data = restored.data;
      reportDamage(state.data);
      await compactor.compact();
      const listed = await describeBackups(dataDir);
      return { keptAs: keptAs!.id, restored: listed.find((b) => b.id === id) ?? listed[0]! };
    },
    async close() {
      closed = true;
      await compactor.close();
      await loaded.release();
      await lock.release();
    },
  };
}
