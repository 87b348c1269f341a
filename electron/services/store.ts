import { copyFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../../shared/model/app';
import { defaultSettings, SettingsSchema, type Settings } from '../../shared/model/settings';
import { writeFileDurably } from './durable-file';
import { Journal, parseJournal } from './journal';

export const STORE_FILE = 'facing-store.json';
export const STORE_VERSION = 2;
export const BACKUPS_KEPT = 5;
/** A journal this long is folded into the snapshot. */
const COMPACT_RECORDS = 5000;
const COMPACT_BYTES = 16 * 1024 * 1024;

export const StoreDataSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  /** The journal file that continues this snapshot. */
  journal: z.number().int().nonnegative().default(0),
  // A bad settings block is not worth setting the whole store aside for.
  settings: SettingsSchema.catch(defaultSettings),
  /** Collections keyed by id. Entries are validated by the services that use them, so one bad entry spoils nothing else. */
  alignments: z.record(z.string(), z.unknown()).default({}),
  annotations: z.record(z.string(), z.unknown()).default({}),
  /** Imported documents' metadata, and reading positions, by document id. */
  documents: z.record(z.string(), z.unknown()).default({}),
  reading: z.record(z.string(), z.unknown()).default({}),
  /** Entries that failed validation, kept rather than deleted, keyed "<collection>:<key>". */
  quarantine: z.record(z.string(), z.unknown()).default({}),
});
export type StoreData = z.infer<typeof StoreDataSchema>;

/** Each migration takes a store of version k (its index + 1) to version k + 1. */
const migrations: Array<(data: Record<string, unknown>) => Record<string, unknown>> = [
  // 1 -> 2: annotations arrive, and the journal.
  (data) => ({ ...data, schemaVersion: 2, journal: 0, annotations: {}, quarantine: {} }),
];

export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, journal: 0, settings: { ...defaultSettings }, alignments: {}, annotations: {}, documents: {}, reading: {}, quarantine: {} };
}

export type Collection = 'alignments' | 'annotations' | 'documents' | 'reading' | 'quarantine';
/** One change, as the journal records it. `v: null` deletes. */
export type StoreRecord = { c: 'settings'; v: Settings } | { c: Collection; k: string; v: unknown };

function apply(data: StoreData, record: StoreRecord): void {
  if (record.c === 'settings') {
    data.settings = SettingsSchema.catch(data.settings).parse(record.v);
    return;
  }
  const collection = data[record.c];
  if (record.v === null) delete collection[record.k];
  else collection[record.k] = record.v;
}

class UnusableStoreError extends Error {}

/** Two processes writing one store would interleave their journals: the second one is refused. */
export class StoreInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** lowdb adapter: strict parsing and migrations on read, durable replace on write. */
class SnapshotAdapter implements Adapter<StoreData> {
  migratedFrom: number | null = null;

  constructor(private readonly path: string) {}

  async read(): Promise<StoreData | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UnusableStoreError('it is not valid JSON');
    }
    let version = json?.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new UnusableStoreError('it has no schema version');
    if (version > STORE_VERSION) throw new UnusableStoreError(`it was written by a newer version of Facing (store version ${version})`);
    if (version < STORE_VERSION) this.migratedFrom = version;
    while (version < STORE_VERSION) {
      json = migrations[version - 1]!(json);
      version++;
    }
    const parsed = StoreDataSchema.safeParse(json);
    if (!parsed.success) throw new UnusableStoreError(`its contents do not have the expected shape (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }

  async write(data: StoreData): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}

export interface Store {
  readonly data: StoreData;
  readonly path: string;
  readonly notices: Notice[];
  /** Applies records at once and resolves when they are on disk. */
  commit(records: StoreRecord[]): Promise<void>;
  /** Folds the journal into a fresh snapshot. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const journalName = (n: number) => `facing-store.journal-${n}.jsonl`;

/** Keeps one copy of the snapshot per day in backups/, the last BACKUPS_KEPT days. */
async function rotateBackups(dataDir: string, snapshot: string): Promise<void> {
  const dir = join(dataDir, 'backups');
  await mkdir(dir, { recursive: true });
  const today = join(dir, `facing-store-${new Date().toISOString().slice(0, 10)}.json`);
  try {
    await copyFile(snapshot, today, 1 /* COPYFILE_EXCL: the day's first copy stays */);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
  }
  const copies = (await readdir(dir)).filter((f) => /^facing-store-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - BACKUPS_KEPT))) await unlink(join(dir, old));
}

/**
 * Opens the store in `dataDir`: a lowdb JSON snapshot plus a journal of changes since. A write is
 * acknowledged once its journal line is fsynced, so a burst of edits costs appends, not rewrites of
 * the whole file. A snapshot that cannot be used is renamed aside, never overwritten, and the app
 * carries on with an empty store; the notice says where the old file went.
 */
export async function openStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, STORE_FILE);
  const adapter = new SnapshotAdapter(path);
  const db = new Low<StoreData>(adapter, emptyStore());
  const notices: Notice[] = [];
  let setAside = false;
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof UnusableStoreError)) throw error;
    const aside = join(dataDir, `facing-store.unreadable-${timestamp()}.json`);
    await rename(path, aside);
    db.data = emptyStore();
    setAside = true;
    notices.push({
      level: 'error',
      message: `Your annotation store could not be read because ${error.message}. It was kept, unchanged, as ${aside}. Facing started with an empty store.`,
    });
  }
  if (adapter.migratedFrom !== null) {
    await copyFile(path, join(dataDir, `facing-store.v${adapter.migratedFrom}-${timestamp()}.json`));
  }

  // A marker that exists while the store is open: found at start, it means the last run did not end cleanly.
  const marker = join(dataDir, 'facing.running');
  const owner = await readFile(marker, 'utf8').then(
    (text) => Number(text.trim()),
    () => null,
  );
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new StoreInUseError(`Facing is already running on this data folder (${dataDir}, process ${owner}). Close it first, or start this one with another data folder.`);
  }
  const unclean = owner !== null;
  await writeFileDurably(marker, String(process.pid));

  // Replay the journals that continue the snapshot; older ones were folded in already.
  const files = await readdir(dataDir);
  const journals = files
    .map((f) => /^facing-store\.journal-(\d+)\.jsonl$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  let replayed = 0;
  for (const n of journals) {
    const file = join(dataDir, journalName(n));
    if (n < db.data.journal || setAside) {
      // Folded into the snapshot already, or belonging to a snapshot that was set aside.
      if (setAside) await rename(file, join(dataDir, `facing-store.unreadable-${timestamp()}.journal-${n}.jsonl`));
      else await unlink(file);
      continue;
    }
    const replay = parseJournal<StoreRecord>(await readFile(file, 'utf8'));
    for (const record of replay.records) apply(db.data, record);
    replayed += replay.records.length;
    if (replay.damagedAt !== null) {
      const aside = join(dataDir, `facing-store.unreadable-${timestamp()}.journal-${n}.jsonl`);
      await copyFile(file, aside);
      notices.push({ level: 'error', message: `Part of your recent changes could not be read (journal line ${replay.damagedAt}); what came before it was kept. The journal was saved as ${aside}.` });
    }
  }

  let journal: Journal;
  let compacting: Promise<void> | null = null;
  let compactions: Promise<void> = Promise.resolve();

  /** Starts a new journal, writes a snapshot that names it, then drops the journals it folded in. */
  const compactNow = async (): Promise<void> => {
    const previous = journal;
    const next = Math.max(db.data.journal, ...journals, 0) + 1;
    journals.push(next);
    journal = new Journal(join(dataDir, journalName(next)));
    await previous.settle();
    db.data.journal = next;
    await db.write();
    await previous.close();
    for (const n of journals.filter((j) => j < next)) await unlink(join(dataDir, journalName(n))).catch(() => {});
    journals.splice(0, journals.length, next);
    await rotateBackups(dataDir, path);
  };
  // One compaction at a time: each starts from the journal the previous one opened.
  const compact = (): Promise<void> => (compactions = compactions.catch(() => {}).then(compactNow));

  if (unclean) {
    notices.push({
      level: 'info',
      message:
        replayed > 0
          ? `Facing did not close properly last time. Your store was checked: ${replayed} recent ${replayed === 1 ? 'change was' : 'changes were'} recovered from its journal and nothing was lost.`
          : 'Facing did not close properly last time. Your store was checked and is complete.',
    });
  }
  journal = new Journal(join(dataDir, journalName(db.data.journal)));
  if (!journals.includes(db.data.journal)) journals.push(db.data.journal);
  if (replayed > 0 || setAside || adapter.migratedFrom !== null) await compact();
  else await rotateBackups(dataDir, path);

  return {
    path,
    notices,
    get data() {
      return db.data;
    },
    async commit(records) {
      for (const record of records) apply(db.data, record);
      await journal.append(records);
      if (!compacting && (journal.records >= COMPACT_RECORDS || journal.bytes >= COMPACT_BYTES)) {
        compacting = compact().finally(() => (compacting = null));
      }
    },
    compact,
    async close() {
      await compactions;
      await journal.close();
      await unlink(marker).catch(() => {});
    },
  };
}
