import { copyFile, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../../shared/model/app';
import { parseJournal } from '../journal';
import { BACKUP_FOLDER, backupTime, listBackups, readBackup, type BackupFile } from './backups';
import { apply, emptyStore, StoreRecordSchema, type StoreData, type StoreRecord } from './schema';
import { readText, UnusableStoreError, type ParsedSnapshot } from './snapshot';
import { readSnapshot } from './snapshot-read';
import { t } from '../../../shared/i18n/current';

export const STORE_FILE = 'facing-store.json';
export const journalName = (n: number) => `facing-store.journal-${n}.jsonl`;
export const timestamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, '-');


export async function listJournals(dataDir: string): Promise<number[]> {
  return (await readdir(dataDir))
    .map((f) => /^facing-store\.journal-(\d+)\.jsonl$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

const validRecord = (value: unknown): StoreRecord | null => {
  const parsed = StoreRecordSchema.safeParse(value);
  return parsed.success ? (parsed.data as StoreRecord) : null;
};

interface Replayed {
  records: number;
  /** The last line of a journal was cut short and could not be read. */
  torn: boolean;
  /** A journal must not be appended to (it does not end with a newline) or holds unreadable lines. */
  damaged: boolean;
  notices: Notice[];
}

/** Applies every readable record of journals `from` on, in order; unreadable lines are counted and their journal kept aside. */
async function replay(dataDir: string, data: StoreData, journals: number[], from: number): Promise<Replayed> {
  const out: Replayed = { records: 0, torn: false, damaged: false, notices: [] };
  for (const n of journals.filter((j) => j >= from)) {
    const file = join(dataDir, journalName(n));
    const parsed = parseJournal(await readText(file), validRecord);
    for (const record of parsed.records) apply(data, record);
    out.records += parsed.records.length;
    out.torn ||= parsed.torn;
    out.damaged ||= parsed.unterminated || parsed.unreadable.length > 0;
    if (parsed.unreadable.length) {
      const aside = join(dataDir, `facing-store.unreadable-${timestamp()}.journal-${n}.jsonl`);
      await copyFile(file, aside);
      const lines = parsed.unreadable.length > 10 ? `${parsed.unreadable.slice(0, 10).join(', ')}, …` : parsed.unreadable.join(', ');
      out.notices.push({
        level: 'error',
        message: t('store.journalUnreadable', { count: parsed.unreadable.length, lines, path: aside }),
      });
    }
  }
  return out;
}

export interface Loaded {
  data: StoreData;
  notices: Notice[];
  journals: number[];
  backups: BackupFile[];
  /**
   * 'now': write a snapshot and a backup and start a new journal before the store is used (a new,
   * migrated or rebuilt store, or a journal that must not be appended to); 'soon': fold the
   * replayed journal in the background; false: nothing to fold in.
   */
  compact: 'now' | 'soon' | false;
  /** The journal appends go to when nothing is compacted now: the newest one replayed. */
  continues: number;
  /** Closes the snapshot file its unread annotation blocks are read from; called when the store closes. */
  release: () => Promise<void>;
}

/**
 * Reads the snapshot and replays the journals after it. A snapshot that cannot be read (or is
 * missing while journals or backups exist) is set aside, never overwritten, and the store is
 * rebuilt from the newest readable backup plus every journal record since.
 */
export async function loadStore(dataDir: string, unclean: boolean, now: Date): Promise<Loaded> {
  const path = join(dataDir, STORE_FILE);
  const journals = await listJournals(dataDir);
  const backups = await listBackups(dataDir);
  const notices: Notice[] = [];

  let snapshot: ParsedSnapshot | null = null;
  let problem: string | null = null;
  let aside: string | null = null;
  try {
    snapshot = await readSnapshot(path, { lazy: true });
  } catch (error) {
    if (!(error instanceof UnusableStoreError)) throw error;
    problem = t('store.problemUnreadable', { reason: error.message });
    aside = join(dataDir, `facing-store.unreadable-${timestamp()}.json`);
    await rename(path, aside);
  }
  if (!snapshot && !problem && (journals.length || backups.length)) problem = t('store.problemMissing');

  if (snapshot) {
    if (snapshot.migratedFrom !== null) await copyFile(path, join(dataDir, `facing-store.v${snapshot.migratedFrom}-${timestamp()}.json`));
    const replayed = await replay(dataDir, snapshot.data, journals, snapshot.data.journal);
    if (unclean) notices.push(uncleanNotice(replayed));
    else if (replayed.torn) notices.push({ level: 'warning', message: t('store.tornApplied', { count: replayed.records }) });
    notices.push(...replayed.notices);
    const compact = snapshot.migratedFrom !== null || replayed.damaged ? 'now' : replayed.records > 0 || snapshot.rewrite ? 'soon' : false;
    const continues = Math.max(snapshot.data.journal, ...journals.filter((j) => j >= snapshot!.data.journal));
    return { data: snapshot.data, notices, journals, backups, compact, continues, release: snapshot.release ?? (async () => {}) };
  }
  if (!problem) return { data: emptyStore(), notices, journals, backups, compact: 'now', continues: 0, release: async () => {} };

  // Rebuild: the newest backup that reads, then every journal from the one it names.
  let base: { backup: BackupFile; data: StoreData } | null = null;
  // An unreadable backup is renamed, so that retention never removes it and a later recovery skips it.
  const unreadableBackups: string[] = [];
  for (const backup of backups) {
    try {
      base = { backup, data: (await readBackup(dataDir, backup.id)).data };
      break;
    } catch {
      const kept = join(dataDir, BACKUP_FOLDER, `${backup.id}.unreadable`);
      await rename(join(dataDir, BACKUP_FOLDER, backup.id), kept);
      unreadableBackups.push(kept);
    }
  }
  const data = base?.data ?? emptyStore();
  const fromBackup = Object.keys(data.annotations).length;
  const replayed = await replay(dataDir, data, journals, base ? data.journal : (journals[0] ?? 0));
  const recovered = base
    ? t('store.recoveredFromBackup', { annotations: fromBackup, time: backupTime(base.backup.time, now), changes: replayed.records })
    : replayed.records
      ? t('store.recoveredFromJournal', { annotations: Object.keys(data.annotations).length, changes: replayed.records })
      : t('store.nothingToRecover');
  const skipped = unreadableBackups.length ? t('store.skippedBackups', { count: unreadableBackups.length, files: unreadableBackups.join(', ') }) : '';
  const kept = aside ? t('store.damagedKeptAt', { path: aside }) : '.';
  notices.push({ level: base || replayed.records ? 'warning' : 'error', message: `${problem} ${recovered}${skipped}${kept}` });
  if (replayed.torn) notices.push({ level: 'warning', message: t('store.tornShort') });
  notices.push(...replayed.notices);
  return { data, notices, journals, backups: backups.filter((b) => !unreadableBackups.some((p) => p.endsWith(`${b.id}.unreadable`))), compact: 'now', continues: 0, release: async () => {} };
}

function uncleanNotice(replayed: Replayed): Notice {
  const start = t('store.notClosed');
  const cut = t('store.cut');
  if (replayed.records === 0) {
    const checked = replayed.torn ? t('store.checkedCut', { cut }) : replayed.notices.length ? t('store.checked') : t('store.checkedComplete');
    return { level: 'info', message: `${start} ${checked}` };
  }
  const recovered = t('store.recoveredRecent', { count: replayed.records });
  // Whether each recovered annotation is whole is only known once the annotations are read, which
  // reports its own notice: this one does not promise that nothing was lost.
  const rest = replayed.torn ? `; ${cut}` : '';
  return { level: 'info', message: `${start} ${t('store.checkedRecovered', { recovered, rest })}` };
}
