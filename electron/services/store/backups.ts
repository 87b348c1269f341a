import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Backup } from '../../../shared/model/settings';
import { t, translator } from '../../../shared/i18n/current';
import { parseSnapshot, type ParsedSnapshot } from './snapshot';
import { shelfOf } from './shelf';
import type { StoreData } from './schema';

export const BACKUP_FOLDER = 'backups';
export type WriteFile = (path: string, contents: string) => Promise<void>;

export interface BackupFile {
  id: string;
  time: Date;
  /** The journal that continues it (null for the day copies older versions made). */
  journal: number | null;
  annotations: number | null;
  beforeRestore: boolean;
}

const stamp = (time: Date) => time.toISOString().replace(/[:.]/g, '-');
const NAME = /^facing-store-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.j(\d+)\.n(\d+)(\.before-restore)?\.json$/;
const DAY_COPY = /^facing-store-(\d{4}-\d{2}-\d{2})\.json$/;

/** The name says what a listing needs (time, journal, count), so listing never reads 30 files of megabytes. */
export function backupName(time: Date, data: StoreData, beforeRestore = false): string {
  return `facing-store-${stamp(time)}.j${data.journal}.n${shelfOf(data).count()}${beforeRestore ? '.before-restore' : ''}.json`;
}

export function parseBackupName(id: string): BackupFile | null {
  const m = NAME.exec(id);
  if (m) {
    const time = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    return { id, time, journal: Number(m[6]), annotations: Number(m[7]), beforeRestore: Boolean(m[8]) };
  }
  const day = DAY_COPY.exec(id);
  return day ? { id, time: new Date(`${day[1]}T00:00:00Z`), journal: null, annotations: null, beforeRestore: false } : null;
}

/** Newest first. */
export async function listBackups(dataDir: string): Promise<BackupFile[]> {
  const names = await readdir(join(dataDir, BACKUP_FOLDER)).catch(() => [] as string[]);
  return names
    .map(parseBackupName)
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime() || (b.journal ?? -1) - (a.journal ?? -1));
}

export async function readBackup(dataDir: string, id: string): Promise<ParsedSnapshot> {
  return parseSnapshot(await readFile(join(dataDir, BACKUP_FOLDER, id)), { whole: true });
}

/** For Settings → Backups. */
export async function describeBackups(dataDir: string): Promise<Backup[]> {
  const out: Backup[] = [];
  for (const b of await listBackups(dataDir)) {
    const path = join(dataDir, BACKUP_FOLDER, b.id);
    const size = await stat(path).then((s) => s.size, () => null);
    if (size === null) continue;
    const annotations = b.annotations ?? (await readBackup(dataDir, b.id).then((p) => Object.keys(p.data.annotations).length, () => 0));
    out.push({ id: b.id, time: b.time.toISOString(), size, annotations, beforeRestore: b.beforeRestore });
  }
  return out;
}

/**
 * Writes a backup under a new name (never over another file), reads it back and compares. A copy
 * that does not read back is removed and the write fails, so the journals it would cover are kept.
 */
export async function writeBackup(dataDir: string, text: string, data: StoreData, time: Date, writeFile: WriteFile, beforeRestore = false): Promise<BackupFile> {
  const id = backupName(time, data, beforeRestore);
  const path = join(dataDir, BACKUP_FOLDER, id);
  await writeFile(path, text);
  const back = await readFile(path).catch(() => null);
  if (!back?.equals(Buffer.from(text, 'utf8'))) {
    await unlink(path).catch(() => {});
    throw new Error(t('store.backupNotReadBack', { path }));
  }
  return parseBackupName(id)!;
}

export interface Retention {
  hourly: number;
  daily: number;
}

/**
 * Keeps the two newest backups, the newest of each hour of the last `hourly` hours, and of each of the last `daily`
 * days that have one (so a month away from Facing does not empty the folder); copies made before a
 * restore stay for `daily` days.
 */
export function backupsToDelete(newestFirst: BackupFile[], retention: Retention, now: Date): BackupFile[] {
  // The two newest always stay: when the newest is damaged, recovery falls back to the one before.
  const keep = new Set<BackupFile>(newestFirst.slice(0, 2));
  const byBucket = (length: number, count: number, within = Infinity) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (b.beforeRestore || now.getTime() - b.time.getTime() >= within) continue;
      const bucket = b.time.toISOString().slice(0, length);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b);
    }
  };
  byBucket(13, retention.hourly, retention.hourly * 3_600_000);
  byBucket(10, retention.daily);
  for (const b of newestFirst) if (b.beforeRestore && now.getTime() - b.time.getTime() < retention.daily * 86_400_000) keep.add(b);
  return newestFirst.filter((b) => !keep.has(b));
}

export async function pruneBackups(dataDir: string, retention: Retention, now: Date): Promise<BackupFile[]> {
  const all = await listBackups(dataDir);
  for (const old of backupsToDelete(all, retention, now)) await unlink(join(dataDir, BACKUP_FOLDER, old.id)).catch(() => {});
  return listBackups(dataDir);
}

/** Journals below this number are covered by the two newest backups and may go; null keeps them all. */
export function journalsCoveredBelow(newestFirst: BackupFile[]): number | null {
  const usable = newestFirst.filter((b) => b.journal !== null);
  if (usable.length === 0 || usable.length < Math.min(2, newestFirst.length)) return null;
  return usable[Math.min(1, usable.length - 1)]!.journal;
}

/** "10:14" today, "1 Mar, 10:14" before. */
export function backupTime(time: Date, now: Date): string {
  const locale = translator().locale === 'de' ? 'de-DE' : 'en-GB';
  const clock = time.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return time.toDateString() === now.toDateString() ? clock : `${time.toLocaleDateString(locale, { day: 'numeric', month: 'short' })}, ${clock}`;
}
