import { readFile } from 'node:fs/promises';
import { migrations, STORE_VERSION, StoreDataSchema, type StoreData } from './schema';

/** A snapshot (or backup) that exists but cannot be used; the message completes "…because". */
export class UnusableStoreError extends Error {}

export interface ParsedSnapshot {
  data: StoreData;
  /** The version it was migrated from, when it was older than this Facing. */
  migratedFrom: number | null;
}

/** Strict parsing and migrations. */
export function parseSnapshot(text: string): ParsedSnapshot {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnusableStoreError(text.trim() ? 'it is not valid JSON' : 'it is empty');
  }
  let version = json?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new UnusableStoreError('it has no schema version');
  if (version > STORE_VERSION) throw new UnusableStoreError(`it was written by a newer version of Facing (store version ${version})`);
  const migratedFrom = version < STORE_VERSION ? version : null;
  while (version < STORE_VERSION) {
    json = migrations[version - 1]!(json);
    version++;
  }
  const parsed = StoreDataSchema.safeParse(json);
  if (!parsed.success) throw new UnusableStoreError(`its contents do not have the expected shape (${parsed.error.issues[0]?.message})`);
  return { data: parsed.data, migratedFrom };
}

/** Reads a snapshot file: null when there is none. */
export async function readSnapshot(path: string): Promise<ParsedSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseSnapshot(text);
}
