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
  close(): Promise<void>;
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
  return {
    size,
    async read(offset, length) {
      checkRange(name, offset, length, size);
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(handle.fd, buffer, 0, length, offset));
    },
    close: () => handle.close(),
  };
}

function dictzipFile(handle: FileHandle, { chunkLength, positions }: ChunkTable, name: string): DataFile {
  const chunks = positions.length - 1;
  const size = chunks * chunkLength;
  // A word's entries, and the words looked up together, sit close in the file: keep a few chunks
  // inflated, each as far as a read has needed it.
  const recent = new Map<number, Buffer>();
  // Synchronous reads: a few kilobytes from the page cache, cheaper than a trip through libuv's thread pool.
  const inflate = (chunk: number, take: number): Buffer => {
    const compressed = Buffer.alloc(take);
    readSync(handle.fd, compressed, 0, take, positions[chunk]!);
    try {
      return inflateRawSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: chunkLength });
    } catch {
      throw new DictionaryFileError(name, t('dictFile.chunkDamaged', { chunk: String(chunk + 1), chunks: String(chunks) }));
    }
  };
  /** The chunk's first `need` bytes at least (fewer only at the end of the data). */
  const inflated = (chunk: number, need: number): Buffer => {
    const kept = recent.get(chunk);
    if (kept && kept.length >= need) {
      recent.delete(chunk);
      recent.set(chunk, kept);
      return kept;
    }
    // Inflating is most of a lookup's time and definitions lie anywhere in their chunk: inflate the
    // compressed bytes that should hold the first `need` (in proportion, with a margin), all of them
    // only when that falls short.
    const whole = positions[chunk + 1]! - positions[chunk]!;
    const guess = need >= chunkLength ? whole : Math.min(whole, Math.ceil((whole * need) / chunkLength) + PARTIAL_MARGIN);
    let out = inflate(chunk, guess);
    if (out.length < need && guess < whole) out = inflate(chunk, whole);
    recent.delete(chunk);
    recent.set(chunk, out);
    if (recent.size > CHUNKS_KEPT) recent.delete(recent.keys().next().value!);
    return out;
  };
  return {
    size,
    async read(offset, length) {
      checkRange(name, offset, length, size);
      if (length === 0) return Buffer.alloc(0);
      const first = Math.floor(offset / chunkLength);
      const last = Math.floor((offset + length - 1) / chunkLength);
      const from = offset - first * chunkLength;
      // Nearly every definition lies inside one chunk: hand out a view of it, copying nothing.
      if (first === last) return inflated(first, from + length).subarray(from, from + length);
      const parts: Buffer[] = [];
      for (let chunk = first; chunk <= last; chunk++) parts.push(inflated(chunk, chunk === last ? offset + length - last * chunkLength : chunkLength));
      return Buffer.concat(parts).subarray(from, from + length);
    },
    close: () => handle.close(),
  };
}
