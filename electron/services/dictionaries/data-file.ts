import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync, constants } from 'node:zlib';
import { MAX_DEFINITION_BYTES } from '../../../shared/dictionary/model';
import { DictionaryFileError } from './errors';
import { t } from '../../../shared/i18n/current';

/** Random access to a dictionary's definitions, plain (`.dict`) or dictzip-compressed (`.dict.dz`). */
export interface DataFile {
  /** Uncompressed size: no definition may reach past it. */
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
  /** The bytes of each range, in the order asked: a dictzip chunk several of them share is inflated once. */
  readAll(ranges: readonly ByteRange[]): Promise<Buffer[]>;
  close(): Promise<void>;
}

export interface ByteRange {
  offset: number;
  length: number;
}

/** Chunks a batch of `readInFileOrder` inflates at once: what the data file keeps anyway. */
const BATCH_CHUNKS = 32;
const BATCH_SPAN = BATCH_CHUNKS * 65536;

/**
 * Many ranges (a whole text's words) visited in file order, a batch of neighbouring ranges read at a
 * time, so that each dictzip chunk is inflated once and only a batch's chunks are held. A batch that
 * cannot be read is visited range by range, and a range that still fails is passed to `failed`.
 */
export async function readInFileOrder(file: DataFile, ranges: readonly ByteRange[], visit: (index: number, bytes: Buffer) => void, failed: (index: number) => void): Promise<void> {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.offset - ranges[b]!.offset);
  for (let first = 0; first < order.length; ) {
    const start = ranges[order[first]!]!.offset;
    let end = first + 1;
    while (end < order.length && ranges[order[end]!]!.offset + ranges[order[end]!]!.length - start <= BATCH_SPAN) end++;
    const batch = order.slice(first, end);
    try {
      const bytes = await file.readAll(batch.map((i) => ranges[i]!));
      batch.forEach((i, k) => visit(i, bytes[k]!));
    } catch {
      for (const i of batch) {
        const bytes = await file.readAll([ranges[i]!]).catch(() => undefined);
        if (bytes) visit(i, bytes[0]!);
        else failed(i);
      }
    }
    first = end;
  }
}

const GZIP_FEXTRA = 4;
const CHUNKS_KEPT = 32;
/** Compressed bytes read beyond a chunk's proportional share, for text that compresses unevenly. */
const PARTIAL_MARGIN = 2048;
const GZIP_FNAME = 8;
const GZIP_FCOMMENT = 16;
const GZIP_FHCRC = 2;

interface ChunkTable {
  chunkLength: number;
  /** File positions of each chunk's compressed data, with one more at the end. */
  positions: number[];
}

/**
 * dictzip is gzip with a table of independently compressed chunks in the header's extra field
 * (subfield "RA"), so a definition is read by inflating one or two chunks, not the whole file.
 */
function parseDictzipHeader(header: Buffer, fileSize: number, name: string): ChunkTable {
  const fail = (why: string) => new DictionaryFileError(name, t('dictFile.notDictzip', { why }));
  if (header.length < 12 || header[0] !== 0x1f || header[1] !== 0x8b || header[2] !== 8) throw fail(t('dictFile.zipNoHeader'));
  const flags = header[3]!;
  if (!(flags & GZIP_FEXTRA)) throw fail(t('dictFile.zipPlainGzip'));
  const extraLength = header.readUInt16LE(10);
  let at = 12;
  const extraEnd = at + extraLength;
  if (extraEnd > header.length) throw fail(t('dictFile.zipTableCut'));
  let table: ChunkTable | undefined;
  while (at + 4 <= extraEnd) {
    const id = header.toString('latin1', at, at + 2);
    const length = header.readUInt16LE(at + 2);
    const data = at + 4;
    if (data + length > extraEnd) throw fail(t('dictFile.zipTableCut'));
    if (id === 'RA') {
      if (length < 6) throw fail(t('dictFile.zipTableCut'));
      const chunkLength = header.readUInt16LE(data + 2);
      const count = header.readUInt16LE(data + 4);
      if (chunkLength === 0 || 6 + count * 2 > length) throw fail(t('dictFile.zipTableSize'));
      const sizes = Array.from({ length: count }, (_, i) => header.readUInt16LE(data + 6 + i * 2));
      table = { chunkLength, positions: sizes };
    }
    at = data + length;
  }
  if (!table) throw fail(t('dictFile.zipNoTable'));
  let dataStart = extraEnd;
  for (const flag of [GZIP_FNAME, GZIP_FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = header.indexOf(0, dataStart);
    if (end < 0) throw fail(t('dictFile.zipHeaderCut'));
    dataStart = end + 1;
  }
  if (flags & GZIP_FHCRC) dataStart += 2;
  const positions = [dataStart];
  for (const size of table.positions) positions.push(positions[positions.length - 1]! + size);
  if (positions[positions.length - 1]! > fileSize) throw fail(t('dictFile.zipPastEnd'));
  return { chunkLength: table.chunkLength, positions };
}

function checkRange(name: string, offset: number, length: number, size: number) {
  if (length > MAX_DEFINITION_BYTES) throw new DictionaryFileError(name, t('dictFile.definitionBytes', { size: String(length), max: String(MAX_DEFINITION_BYTES / 1024) }));
  if (offset < 0 || length < 0 || offset + length > size) throw new DictionaryFileError(name, t('dictFile.definitionPastEnd'));
}

export async function openDataFile(path: string, name: string): Promise<DataFile> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    if (!path.endsWith('.dz')) return plainFile(handle, fileSize, name);
    const head = Buffer.alloc(Math.min(fileSize, 12 + 65535 + 4096));
    await handle.read(head, 0, head.length, 0);
    const table = parseDictzipHeader(head, fileSize, name);
    return dictzipFile(handle, table, name);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function plainFile(handle: FileHandle, size: number, name: string): DataFile {
  const readRange = ({ offset, length }: ByteRange) => {
    checkRange(name, offset, length, size);
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(handle.fd, buffer, 0, length, offset));
  };
  return {
    size,
    read: async (offset, length) => readRange({ offset, length }),
    readAll: async (ranges) => ranges.map(readRange),
    close: () => handle.close(),
  };
}

function dictzipFile(handle: FileHandle, { chunkLength, positions }: ChunkTable, name: string): DataFile {
  const chunks = positions.length - 1;
  const size = chunks * chunkLength;
  // A word's entries, and the words looked up together, sit close in the file: keep a few chunks
  // inflated, each as far as a read has needed it.
  const recent = new Map<number, Buffer>();
  let compressed = Buffer.allocUnsafe(0);
  /** Inflating is most of a lookup's time and definitions lie anywhere in their chunk: the compressed bytes that should hold its first `need` (in proportion, with a margin). */
  const takeFor = (chunk: number, need: number) => {
    const whole = positions[chunk + 1]! - positions[chunk]!;
    return need >= chunkLength ? whole : Math.min(whole, Math.ceil((whole * need) / chunkLength) + PARTIAL_MARGIN);
  };
  const inflate = (chunk: number, input: Buffer): Buffer => {
    try {
      // One output buffer the size of a chunk: Node's default (16 KB pieces joined afterwards) copies each chunk twice.
      return inflateRawSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: chunkLength, chunkSize: Math.max(64, chunkLength) });
    } catch {
      throw new DictionaryFileError(name, t('dictFile.chunkDamaged', { chunk: String(chunk + 1), chunks: String(chunks) }));
    }
  };
  const keep = (chunk: number, out: Buffer) => {
    recent.delete(chunk);
    recent.set(chunk, out);
    if (recent.size > CHUNKS_KEPT) recent.delete(recent.keys().next().value!);
  };
  // Synchronous reads: a few kilobytes from the page cache, cheaper than a trip through libuv's thread pool.
  const readCompressed = (from: number, to: number, into?: Buffer): Buffer => {
    if (!into && compressed.length < to - from) compressed = Buffer.allocUnsafe(Math.max(to - from, compressed.length * 2, 65536));
    const buffer = into ?? compressed;
    // A file cut short since it was opened: what is left in the buffer belongs to other reads.
    if (readSync(handle.fd, buffer, 0, to - from, from) < to - from) throw new DictionaryFileError(name, t('dictFile.zipPastEnd'));
    return buffer;
  };
  /**
   * Each chunk of `needs` (chunk → bytes from its start) inflated once, as far as its furthest range
   * needs it; chunks next to each other in the file are read in one go, in file order.
   */
  const inflateAll = (needs: Map<number, number>): Map<number, Buffer> => {
    const got = new Map<number, Buffer>();
    const missing: number[] = [];
    for (const [chunk, need] of needs) {
      const kept = recent.get(chunk);
      if (kept && kept.length >= need) {
        keep(chunk, kept);
        got.set(chunk, kept);
      } else missing.push(chunk);
    }
    missing.sort((a, b) => a - b);
    for (let first = 0; first < missing.length; ) {
      let last = first;
      while (last + 1 < missing.length && missing[last + 1] === missing[last]! + 1) last++;
      const start = positions[missing[first]!]!;
      const lastChunk = missing[last]!;
      const bytes = readCompressed(start, positions[lastChunk]! + takeFor(lastChunk, needs.get(lastChunk)!));
      for (let k = first; k <= last; k++) {
        const chunk = missing[k]!;
        const need = needs.get(chunk)!;
        const at = positions[chunk]! - start;
        const take = takeFor(chunk, need);
        let out = inflate(chunk, bytes.subarray(at, at + take));
        const whole = positions[chunk + 1]! - positions[chunk]!;
        // Text that compresses unevenly: the whole chunk after all (read apart, the run's bytes are still in use).
        if (out.length < need && take < whole) out = inflate(chunk, readCompressed(positions[chunk]!, positions[chunk + 1]!, Buffer.allocUnsafe(whole)));
        keep(chunk, out);
        got.set(chunk, out);
      }
      first = last + 1;
    }
    return got;
  };
  const readAll = (ranges: readonly ByteRange[]): Buffer[] => {
    const needs = new Map<number, number>();
    for (const { offset, length } of ranges) {
      checkRange(name, offset, length, size);
      if (length === 0) continue;
      const first = Math.floor(offset / chunkLength);
      const last = Math.floor((offset + length - 1) / chunkLength);
      for (let chunk = first; chunk < last; chunk++) needs.set(chunk, chunkLength);
      needs.set(last, Math.max(needs.get(last) ?? 0, offset + length - last * chunkLength));
    }
    const inflated = inflateAll(needs);
    return ranges.map(({ offset, length }) => {
      if (length === 0) return Buffer.alloc(0);
      const first = Math.floor(offset / chunkLength);
      const last = Math.floor((offset + length - 1) / chunkLength);
      const from = offset - first * chunkLength;
      // Nearly every definition lies inside one chunk: hand out a view of it, copying nothing.
      if (first === last) return inflated.get(first)!.subarray(from, from + length);
      const parts: Buffer[] = [];
      for (let chunk = first; chunk <= last; chunk++) parts.push(inflated.get(chunk)!);
      return Buffer.concat(parts).subarray(from, from + length);
    });
  };
  return {
    size,
    read: async (offset, length) => readAll([{ offset, length }])[0]!,
    readAll: async (ranges) => readAll(ranges),
    close: () => handle.close(),
  };
}
