import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packProfile, unpackProfile, type PairingProfile, type StoredProfile } from '../../../shared/corpus/pairing';
import { syncDirectory, writeFileDurably } from '../durable-file';

export const PROFILES_FILE = 'pairing-profiles.jsonl';

/** Stale lines (removed documents, profiles written again) tolerated before the file is rewritten with live ones only. */
const STALE_BEFORE_REWRITE = 200;

export interface ProfileFile {
  /** The profile of a document; the file is read on the first call. */
  get(id: string): Promise<PairingProfile | undefined>;
  /** Keeps profiles, appended to the file. */
  add(entries: ReadonlyArray<readonly [string, PairingProfile]>): Promise<void>;
  /** Rewrites the file with the profiles of `live` documents only, when enough lines are stale; whether it did. */
  prune(live: (id: string) => boolean): Promise<boolean>;
}

/**
 * On disk before the store's commit that counts on it (see moveProfilesOut): a power cut after an
 * fsynced commit must not take the lines it relied on with it.
 */
async function appendDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    const created = (await handle.stat()).size === 0;
    await handle.appendFile(text);
    await handle.sync();
    if (created) await syncDirectory(dirname(path));
  } finally {
    await handle.close();
  }
}

interface Batch {
  text: string;
  count: number;
  done?: Promise<void>;
}

export interface ProfileFileOptions {
  /** How lines are appended (tests inject a full disk). */
  append?: (path: string, text: string) => Promise<void>;
}

/**
 * The pairing profiles (shared/corpus/pairing.ts) of imported documents, one JSON line each, in a file
 * of their own beside the store. They are derived from each document's text, so a line lost or
 * damaged costs only its recomputation; in the store's first line, which every start parses, they
 * were 7.8 of its 11.8 MB at 10,000 documents, and only the first pairing suggestion of a run reads them.
 */
export function openProfileFile(dataDir: string, options: ProfileFileOptions = {}): ProfileFile {
  const append = options.append ?? appendDurably;
  const path = join(dataDir, PROFILES_FILE);
  /** Kept packed (two strings a document), unpacked when asked for: at 10,000 documents, a million short strings fewer. */
  let loading: Promise<Map<string, StoredProfile>> | null = null;
  let lines = 0;
  /** The file ends in the middle of a line (a write cut short): the next append starts a new one. */
  let torn = false;
  let writing: Promise<unknown> = Promise.resolve();
  /** Lines waiting for the write under way: written together, one fsync for all (a run's first suggestions keep thousands). */
  let pending: Batch | null = null;

  async function read(): Promise<Map<string, StoredProfile>> {
    const profiles = new Map<string, StoredProfile>();
    // A file that cannot be read (missing, a folder, no permission) is no profiles: each is made again from its text when asked for.
    const text = await readFile(path, 'utf8').catch(() => '');
    torn = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines++;
      try {
        const { id, profile } = JSON.parse(line) as { id?: unknown; profile?: unknown };
        const unpacked = typeof id === 'string' ? unpackProfile(profile) : null;
        if (unpacked) profiles.set(id as string, packProfile(unpacked));
      } catch {
        // A damaged line: that document's profile is made again from its text when asked for.
      }
    }
    return profiles;
  }
  const load = () => (loading ??= read());

  /** Writes one after another, each waiting for the one before; a failed write fails its caller only. */
  function queued<T>(write: () => Promise<T>): Promise<T> {
    const done = writing.then(write, write);
    writing = done.catch(() => {});
    return done;
  }

  return {
    async get(id) {
      const packed = (await load()).get(id);
      return packed && (unpackProfile(packed) ?? undefined);
    },
    async add(entries) {
      if (!entries.length) return;
      const profiles = await load();
      const packed = entries.map(([id, profile]) => [id, packProfile(profile)] as const);
      for (const [id, profile] of packed) profiles.set(id, profile);
      const text = packed.map(([id, profile]) => `${JSON.stringify({ id, profile })}\n`).join('');
      if (pending) {
        pending.text += text;
        pending.count += entries.length;
        return pending.done;
      }
      const batch: Batch = { text, count: entries.length };
      pending = batch;
      batch.done = queued(async () => {
        if (pending === batch) pending = null;
        try {
          await append(path, torn ? `\n${batch.text}` : batch.text);
        } catch (error) {
          // Part of it may be written (a full disk): the next append starts on a line of its own.
          torn = true;
          throw error;
        }
        torn = false;
        lines += batch.count;
      });
      return batch.done;
    },
    async prune(live) {
      const profiles = await load();
      for (const id of profiles.keys()) if (!live(id)) profiles.delete(id);
      if (lines - profiles.size < STALE_BEFORE_REWRITE) return false;
      return queued(async () => {
        const kept = [...profiles].map(([id, profile]) => `${JSON.stringify({ id, profile })}\n`);
        await writeFileDurably(path, kept.join(''));
        lines = kept.length;
        torn = false;
        return true;
      });
    },
  };
}
