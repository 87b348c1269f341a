import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { migrations, STORE_VERSION, StoreDataSchema, type StoreData } from './schema';
import { AnnotationShelf, asciiJson, attachShelf, decode, shelfOf, type Block } from './shelf';
import { t } from '../../../shared/i18n/current';

/** A snapshot (or backup) that exists but cannot be used; the message completes "…because". */
export class UnusableStoreError extends Error {}

export interface ParsedSnapshot {
  data: StoreData;
  /** The version it was migrated from, when it was older than this Facing. */
  migratedFrom: number | null;
  /** Its lines were not where its index says, or the index failed its checksum: worth writing afresh. */
  rewrite?: boolean;
  /** Closes the file its unread blocks are read from (a snapshot read lazily, see snapshot-read.ts). */
  release?: () => Promise<void>;
}

export interface ParseOptions {
  /** Read and check every annotation block now (backups), instead of each on first use. */
  whole?: boolean;
}

/**
 * The snapshot is one JSON document whose first line holds everything but the annotations, plus an
 * index of them (`blocks`: document, count, bytes, CRC-32, and `blocksCrc`, the CRC-32 of the index
 * as JSON); each following line is one document's annotations, every one of them naming that
 * document. Start parses the first line only; a document's line is parsed when it is first used.
 */
const ANNOTATIONS_FROM = ',"annotations":[\n';
const BETWEEN = '\n,';
const END = '\n]}';

const BlockIndexSchema = z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()]));

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/**
 * Every character past ASCII escaped: V8 keeps an ASCII text in one byte a character, which it
 * decodes and parses markedly faster than text with a single umlaut in it; and a block's length in
 * characters is its length in bytes.
 */
const ascii = (text: string) => (NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, escapeChar) : text);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const documentOf = (v: unknown) => (isObject(v) && typeof v.documentId === 'string' ? v.documentId : '');
/** The checksum of a block index, which says which document each line's annotations belong to. */
const indexCrc = (index: ReadonlyArray<readonly [string, number, number, number]>) => crc32(JSON.stringify(index));

const DOCUMENT_ID_KEY = Buffer.from('"documentId"', 'latin1');
const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * The documents other than `own` named by a `"documentId"` key in a block's bytes. A quote inside a
 * JSON string is escaped, so every match is a key (at any depth: this can name more documents than
 * the entries belong to, never fewer). About 3 ms for 10,000 annotations; only run on a block whose
 * index could not be trusted.
 */
function othersNamedIn(bytes: Buffer, own: string): string[] {
  const ownValue = Buffer.from(asciiJson(own), 'latin1');
  const others = new Set<string>();
  for (let at = bytes.indexOf(DOCUMENT_ID_KEY); at >= 0; at = bytes.indexOf(DOCUMENT_ID_KEY, at + 1)) {
    let k = at + DOCUMENT_ID_KEY.length;
    while (isSpace(bytes[k])) k++;
    if (bytes[k] !== 0x3a) continue;
    k++;
    while (isSpace(bytes[k])) k++;
    if (bytes[k] !== 0x22) continue;
    let end = k + 1;
    while (end < bytes.length && bytes[end] !== 0x22) end += bytes[end] === 0x5c ? 2 : 1;
    if (end >= bytes.length) break;
    if (end + 1 - k === ownValue.length && ownValue.compare(bytes, k, end + 1) === 0) continue;
    try {
      const name: unknown = JSON.parse(decode(bytes.subarray(k, end + 1)));
      if (typeof name === 'string' && name !== own) others.add(name);
    } catch {
      // Not a string as JSON writes one: the block fails its checksum or JSON, and is quarantined whole when read.
    }
  }
  return [...others];
}

export function serializeSnapshot(data: StoreData): string {
  const shelf = shelfOf(data);
  const parsed = shelf.parsed;
  const byDocument = new Map<string, string[]>();
  let raw = shelf.unchanged();
  if (raw.length) {
    // A document with entries in memory (new ones, say) and its block unread is written as one block.
    const seen = new Set<string>();
    for (const key in parsed) seen.add(documentOf(parsed[key]));
    for (const block of raw) if (seen.has(block.document)) shelf.entriesOf(block.document);
    raw = shelf.copyable();
  }
  for (const key in parsed) {
    const value = parsed[key];
    const document = documentOf(value);
    const part = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    const group = byDocument.get(document);
    if (group) group.push(part);
    else byDocument.set(document, [part]);
  }
  const index: Array<[string, number, number, number]> = [];
  const texts: string[] = [];
  for (const [document, parts] of byDocument) {
    const text = ascii(`{${parts.join(',')}}`);
    index.push([document, parts.length, text.length, crc32(text)]);
    texts.push(text);
  }
  for (const block of raw) {
    // Checked against its checksum above: text past ASCII (written by hand, say) is escaped and checksummed anew.
    const text = isAscii(block.bytes) ? block.bytes.toString('latin1') : ascii(decode(block.bytes));
    index.push([block.document, block.count, text.length, text.length === block.bytes.length ? block.crc : crc32(text)]);
    texts.push(text);
  }
  const { schemaVersion, journal, settings, alignments, documents, reading, quarantine } = data;
  const head = ascii(JSON.stringify({ schemaVersion, journal, settings, alignments, documents, reading, quarantine, blocks: index, blocksCrc: indexCrc(index) }));
  return `${head.slice(0, -1)}${ANNOTATIONS_FROM}${texts.join(BETWEEN)}${END}`;
}

/** The blocks after the first line, when the file is exactly as the writer lays it out; null otherwise. */
function blocksOf(bytes: Buffer, from: number, index: z.infer<typeof BlockIndexSchema>): Block[] | null {
  const blocks: Block[] = [];
  const documents = new Set<string>();
  let at = from;
  for (const [i, [document, count, length, crc]] of index.entries()) {
    if (i > 0) {
      if (bytes.toString('latin1', at, at + BETWEEN.length) !== BETWEEN) return null;
      at += BETWEEN.length;
    }
    if (at + length > bytes.length || documents.has(document)) return null;
    documents.add(document);
    blocks.push({ document, count, bytes: bytes.subarray(at, at + length), crc });
    at += length;
  }
  return bytes.toString('latin1', at) === END ? blocks : null;
}

/**
 * The blocks of a file whose lines no longer have the lengths its index names (a note edited by hand,
 * a byte lost or added): split at its newlines, each line given the index entry whose checksum and
 * length it matches. A line that matches none is given the next entry if nothing else matched that,
 * else a name of its own (`line N`); an entry no line matches gets an empty block. Either fails its
 * checksum when read, so it is quarantined whole and reported, and every intact block is kept.
 */
function blocksByLine(bytes: Buffer, from: number, index: z.infer<typeof BlockIndexSchema>): Block[] | null {
  let end = bytes.length;
  while (end > from && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)) end--;
  const stop = end - END.length;
  if (stop < from || bytes.toString('latin1', stop, end) !== END) return null;
  const lines: Buffer[] = [];
  for (let at = from; at < stop; ) {
    const newline = bytes.indexOf(0x0a, at);
    const until = newline < 0 || newline > stop ? stop : newline;
    const start = lines.length > 0 && bytes[at] === 0x2c ? at + 1 : at;
    lines.push(bytes.subarray(start, until));
    at = until + 1;
  }
  const unclaimed = new Map<string, number[]>();
  index.forEach(([, , length, crc], i) => {
    const key = `${crc}:${length}`;
    unclaimed.set(key, [...(unclaimed.get(key) ?? []), i]);
  });
  const claims = lines.map((line) => unclaimed.get(`${crc32(line)}:${line.length}`)?.shift() ?? -1);
  const claimed = new Set(claims);
  const names = new Set(index.map(([document]) => document));
  const given = new Set<number>();
  const blocks: Block[] = [];
  let next = 0;
  lines.forEach((line, i) => {
    let entry = claims[i]!;
    if (entry < 0 && next < index.length && !claimed.has(next) && !given.has(next)) entry = next;
    if (entry >= 0) {
      given.add(entry);
      next = entry + 1;
      const [document, count, , crc] = index[entry]!;
      blocks.push({ document, count, bytes: line, crc });
      return;
    }
    let document = `line ${i + 2}`;
    while (names.has(document)) document += "'";
    names.add(document);
    blocks.push({ document, count: 0, bytes: line, crc: (crc32(line) + 1) >>> 0 });
  });
  index.forEach(([document, count, , crc], i) => {
    if (!given.has(i)) blocks.push({ document, count, bytes: Buffer.alloc(0), crc: crc === 0 ? 1 : crc });
  });
  return blocks;
}

/** The first line of a snapshot laid out as this version writes it, and its block index. */
export interface SnapshotHead {
  header: Record<string, unknown>;
  index: z.infer<typeof BlockIndexSchema>;
  /** The index passed its checksum. */
  trusted: boolean;
  /** Where the first block starts. */
  from: number;
}

/** The first line, or null when the file is not laid out as this version writes it. `bytes` need hold only that line. */
export function parseHead(bytes: Buffer): SnapshotHead | null {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  const headEnd = newline + 1 - ANNOTATIONS_FROM.length;
  if (headEnd < 1 || bytes.toString('latin1', headEnd, newline + 1) !== ANNOTATIONS_FROM) return null;
  let header: unknown;
  try {
    header = JSON.parse(`${decode(bytes.subarray(0, headEnd))}}`);
  } catch {
    return null;
  }
  if (!isObject(header) || header.schemaVersion !== STORE_VERSION) return null;
  const index = BlockIndexSchema.safeParse(header.blocks);
  if (!index.success) return null;
  if (new Set(index.data.map(([document]) => document)).size !== index.data.length) return null;
  return { header, index: index.data, trusted: header.blocksCrc === indexCrc(index.data), from: newline + 1 };
}

/** The length of a file whose blocks are exactly where its index says: what a lazy read checks before trusting it. */
export function laidOutLength(head: SnapshotHead): number {
  const blocks = head.index.reduce((sum, [, , length]) => sum + length, 0);
  return head.from + blocks + BETWEEN.length * Math.max(0, head.index.length - 1) + END.length;
}

export const SNAPSHOT_END = END;
export const BLOCK_SEPARATOR = BETWEEN;

/**
 * The first line and its blocks, or null when the file is not laid out as this version writes it. When
 * the index fails its checksum (a changed character in a document's name, or a file written before it
 * had one), each block is searched for the documents its entries name, so that no document's first
 * list misses annotations filed under another.
 */
function parseLaidOut(bytes: Buffer): { header: Record<string, unknown>; blocks: Block[]; rewrite: boolean } | null {
  const head = parseHead(bytes);
  if (!head) return null;
  const inPlace = blocksOf(bytes, head.from, head.index);
  const blocks = inPlace ?? blocksByLine(bytes, head.from, head.index);
  if (!blocks) return null;
  if (!head.trusted) {
    for (const block of blocks) {
      const others = othersNamedIn(block.bytes, block.document);
      if (others.length) block.others = others;
    }
  }
  return { header: head.header, blocks, rewrite: !head.trusted || !inPlace };
}

/** A laid-out snapshot's data, its annotations on a shelf that reads each document's block on first use. */
export function laidOutData(header: Record<string, unknown>, blocks: Block[], options: ParseOptions = {}): StoreData {
  const { blocks: _index, blocksCrc: _crc, ...rest } = header;
  const parsed = StoreDataSchema.safeParse({ ...rest, annotations: {} });
  if (!parsed.success) throw new UnusableStoreError(t('store.unusableShape', { detail: String(parsed.error.issues[0]?.message) }));
  const data = parsed.data;
  const shelf = new AnnotationShelf(data.annotations, blocks, () => data.quarantine);
  attachShelf(data, shelf);
  if (options.whole) {
    shelf.onDamaged = ({ document, reason }) => {
      throw new UnusableStoreError(t('store.unusableShape', { detail: `${document}: ${reason}` }));
    };
    shelf.all();
  }
  return data;
}

/** Strict parsing and migrations. */
export function parseSnapshot(input: string | Buffer, options: ParseOptions = {}): ParsedSnapshot {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const laidOut = parseLaidOut(bytes);
  if (laidOut) return { data: laidOutData(laidOut.header, laidOut.blocks, options), migratedFrom: null, rewrite: laidOut.rewrite };
  return parseWhole(typeof input === 'string' ? input : decode(bytes));
}

/** A snapshot read at once: an older version, or one edited by hand (still JSON, but not laid out line by line). */
function parseWhole(text: string): ParsedSnapshot {
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
  if (migratedFrom === null && Array.isArray(json.annotations)) {
    // This version's layout read whole: the annotations are one object per document.
    if (!json.annotations.every(isObject)) throw new UnusableStoreError(t('store.unusableShape', { detail: 'annotations' }));
    json = { ...json, annotations: Object.assign({}, ...json.annotations) };
  }
  const parsed = StoreDataSchema.safeParse(json);
  if (!parsed.success) throw new UnusableStoreError(t('store.unusableShape', { detail: String(parsed.error.issues[0]?.message) }));
  return { data: parsed.data, migratedFrom };
}

/**
 * A whole UTF-8 file as one string. `readFile(path, 'utf8')` decodes chunk by chunk and joins them,
 * several times slower on a snapshot of megabytes than decoding the bytes once.
 */
export async function readText(path: string): Promise<string> {
  return decode(await readFile(path));
}
