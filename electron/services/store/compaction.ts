import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Journal } from '../journal';
import { journalsCoveredBelow, pruneBackups, writeBackup, type BackupFile, type WriteFile } from './backups';
import { journalName } from './load';
import type { StoreData } from './schema';

/** A journal this long is folded into the snapshot. */
const COMPACT_RECORDS = 5000;
const COMPACT_BYTES = 16 * 1024 * 1024;
/** While changes happen, a backup at least this often. */
const BACKUP_EVERY_MS = 3_600_000;
/** A journal replayed at start is folded in this long after, not while the app is still opening. */
const FOLD_AFTER_START_MS = 10_000;

export interface CompactorOptions {
  dataDir: string;
  /** The store in memory: lowdb's `Low`, whose `write()` replaces the snapshot durably. */
  state: { data: StoreData; write(): Promise<void> };
  /** The text the last `state.write()` put on disk, for the backup. */
  written(): string;
  /** Journal numbers on disk, ascending; kept up to date here. */
  journals: number[];
  lastBackup: Date | null;
  now: () => Date;
  writeFile: WriteFile;
  onBackupFailed(error: unknown): void;
}

export interface CompactOptions {
  beforeRestore?: boolean;
  /** Fail when the backup cannot be written (a restore must not go on without one). */
  strict?: boolean;
}

/**
 * Compaction: a new journal, a snapshot that names it, a verified backup of that snapshot, then
 * the journals the two newest backups no longer need are removed. One at a time.
 */
export function createCompactor(o: CompactorOptions) {
  const { dataDir, state, journals } = o;
  let journal: Journal | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let background = false;
  let lastAttempt = o.lastBackup?.getTime() ?? null;
  let later: ReturnType<typeof setTimeout> | null = null;

  async function compactNow(options: CompactOptions): Promise<BackupFile | null> {
    // Counted from the attempt: a snapshot that cannot be written is tried again within the hour (or
    // when the journal grows long), not at every change, each time starting one more journal.
    lastAttempt = o.now().getTime();
    const previous = journal;
    const next = Math.max(state.data.journal, ...journals, 0) + 1;
    journals.push(next);
    journal = new Journal(join(dataDir, journalName(next)));
    let text: string;
    try {
      await previous?.settle();
      state.data.journal = next;
      await state.write();
      text = o.written();
    } finally {
      await previous?.close();
    }
    const time = o.now();
    let backup: BackupFile | null = null;
    try {
      backup = await writeBackup(dataDir, text, state.data, time, o.writeFile, options.beforeRestore);
    } catch (error) {
      if (options.strict) throw error;
      o.onBackupFailed(error);
    }
    const kept = await pruneBackups(dataDir, { hourly: state.data.settings.backupsHourly, daily: state.data.settings.backupsDaily }, time);
    const below = journalsCoveredBelow(kept);
    if (below !== null) {
      for (const n of journals.filter((j) => j < below && j !== next)) await unlink(join(dataDir, journalName(n))).catch(() => {});
      journals.splice(0, journals.length, ...journals.filter((j) => j >= below || j === next));
    }
    return backup;
  }

  const compact = (options: CompactOptions = {}): Promise<BackupFile | null> => {
    const run = queue.catch(() => {}).then(() => compactNow(options));
    queue = run;
    return run;
  };

  return {
    compact,
    /** Appends go on in journal `n`, the newest one the start replayed (whole, so it may be appended to). */
    continueJournal(n: number) {
      journal = new Journal(join(dataDir, journalName(n)));
      if (!journals.includes(n)) journals.push(n);
    },
    journal: () => journal!,
    /** Starts a compaction in the background when `soon`, the journal is long or the last backup is an hour old. */
    maybeCompact(soon = false) {
      if (background || !journal) return;
      const due =
        soon || journal.records >= COMPACT_RECORDS || journal.bytes >= COMPACT_BYTES || lastAttempt === null || o.now().getTime() - lastAttempt >= BACKUP_EVERY_MS;
      if (!due) return;
      background = true;
      compact()
        .catch(() => {})
        .finally(() => (background = false));
    },
    /** Compacts in the background a while after start. */
    compactAfterStart() {
      later = setTimeout(() => {
        later = null;
        this.maybeCompact(true);
      }, FOLD_AFTER_START_MS);
      later.unref?.();
    },
    /** Waits for compactions under way, and starts and waits for one that is still to come. */
    async settled() {
      if (later) {
        clearTimeout(later);
        later = null;
        this.maybeCompact(true);
      }
      let seen: Promise<unknown> | null = null;
      while (seen !== queue) {
        seen = queue;
        await seen.catch(() => {});
      }
    },
    async close() {
      // A compaction still to come runs now: the next start then has no journal to replay.
      await this.settled();
      await journal?.close();
    },
  };
}
