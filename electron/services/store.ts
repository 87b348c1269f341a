import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../../shared/model/app';
import { defaultSettings, SettingsSchema } from '../../shared/model/settings';
import { writeFileDurably } from './durable-file';

export const STORE_FILE = 'facing-store.json';
export const STORE_VERSION = 1;

export const StoreDataSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  // A bad settings block is not worth setting the whole store aside for.
  settings: SettingsSchema.catch(defaultSettings),
  /** Edited alignments by pair key; entries are validated when used, so one bad entry spoils nothing else. */
  alignments: z.record(z.string(), z.unknown()).default({}),
});
export type StoreData = z.infer<typeof StoreDataSchema>;

export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, settings: { ...defaultSettings }, alignments: {} };
}

class UnusableStoreError extends Error {}

/** lowdb adapter: strict parsing on read, durable replace on write. */
class DurableJsonAdapter implements Adapter<StoreData> {
  constructor(private readonly path: string) {}

  async read(): Promise<StoreData | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UnusableStoreError('it is not valid JSON');
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version > STORE_VERSION) {
      throw new UnusableStoreError(`it was written by a newer version of Facing (store version ${version})`);
    }
    const parsed = StoreDataSchema.safeParse(json);
    if (!parsed.success) throw new UnusableStoreError(`its contents do not have the expected shape (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }

  async write(data: StoreData): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data, null, 1));
  }
}

export interface Store {
  readonly data: StoreData;
  readonly path: string;
  readonly notices: Notice[];
  /** Applies a change and resolves once it is on disk. Changes made during a write share the next one. */
  update(change: (data: StoreData) => void): Promise<void>;
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens the store in `dataDir`. A file that cannot be used is renamed aside, never overwritten,
 * and the app carries on with an empty store; the notice says where the old file went.
 */
export async function openStore(dataDir: string): Promise<Store> {
  const path = join(dataDir, STORE_FILE);
  const db = new Low<StoreData>(new DurableJsonAdapter(path), emptyStore());
  const notices: Notice[] = [];
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof UnusableStoreError)) throw error;
    const aside = join(dataDir, `facing-store.unreadable-${timestamp()}.json`);
    await rename(path, aside);
    db.data = emptyStore();
    notices.push({
      level: 'error',
      message: `Your annotation store could not be read because ${error.message}. It was kept, unchanged, as ${aside}. Facing started with an empty store.`,
    });
  }

  let inFlight: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const startWrite = (): Promise<void> => {
    const write: Promise<void> = db.write().finally(() => {
      if (inFlight === write) inFlight = null;
    });
    inFlight = write;
    return write;
  };
  const persist = (): Promise<void> => {
    if (next) return next;
    if (!inFlight) return startWrite();
    next = inFlight
      .catch(() => {})
      .then(() => {
        next = null;
        return startWrite();
      });
    return next;
  };

  return {
    path,
    notices,
    get data() {
      return db.data;
    },
    update(change) {
      change(db.data);
      return persist();
    },
  };
}
