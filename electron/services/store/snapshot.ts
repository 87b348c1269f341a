import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { migrations, STORE_VERSION, StoreDataSchema, type StoreData } from './schema';
import { t } from '../../../shared/i18n/current';

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
    throw new UnusableStoreError(text.trim() ? t('store.unusableNotJson') : t('store.unusableEmpty'));
  }
  let version = json?.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new UnusableStoreError(t('store.unusableNoVersion'));
  if (version > STORE_VERSION) throw new UnusableStoreError(t('store.unusableNewer', { version: String(version) }));
  const migratedFrom = version < STORE_VERSION ? version : null;
  while (version < STORE_VERSION) {
    json = migrations[version - 1]!(json);
    version++;
  }
  const parsed = StoreDataSchema.safeParse(json);
  if (!parsed.success) throw new UnusableStoreError(t('store.unusableShape', { detail: String(parsed.error.issues[0]?.message) }));
  return { data: parsed.data, migratedFrom };
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The snapshot's text: JSON with every character past ASCII escaped. V8 keeps an ASCII text in one
 * byte a character, which it decodes and parses markedly faster than text with a single umlaut in it.
 */
export function serializeSnapshot(data: StoreData): string {
  const text = JSON.stringify(data);
  return NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, escapeChar) : text;
}

/**
 * A whole UTF-8 file as one string. `readFile(path, 'utf8')` decodes chunk by chunk and joins them,
 * several times slower on a snapshot of megabytes than decoding the bytes once.
 */
export async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Reads a snapshot file: null when there is none. */
export async function readSnapshot(path: string): Promise<ParsedSnapshot | null> {
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseSnapshot(text);
}
