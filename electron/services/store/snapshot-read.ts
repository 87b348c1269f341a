import { fstatSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import type { Block } from './shelf';
import { BLOCK_SEPARATOR, laidOutData, laidOutLength, parseHead, parseSnapshot, SNAPSHOT_END, type ParsedSnapshot, type ParseOptions } from './snapshot';

/** Below this a snapshot is read whole: reading it lazily saves nothing worth an open file. */
const LAZY_FROM = 4 * 1024 * 1024;
const HEAD_CHUNK = 4 * 1024 * 1024;

function readAt(handle: FileHandle, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(handle.fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error('the snapshot is shorter than its index says');
    done += read;
  }
  return bytes;
}

async function readAll(handle: FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(bytes, done, size - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

/** The bytes up to and including the first newline, read a few megabytes at a time; null when there is none. */
async function readFirstLine(handle: FileHandle, size: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < size; ) {
    const chunk = Buffer.allocUnsafe(Math.min(HEAD_CHUNK, size - at));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) return null;
    const part = chunk.subarray(0, bytesRead);
    const newline = part.indexOf(0x0a);
    chunks.push(newline < 0 ? part : part.subarray(0, newline + 1));
    if (newline >= 0) return Buffer.concat(chunks);
    at += bytesRead;
  }
  return null;
}

/**
 * A laid-out snapshot whose annotation blocks stay on disk until each is first used, read then from
 * the file still open (a compaction reads every one before it writes, so the file is never replaced
 * under an unread block). Reading the blocks of a 100,000-annotation store at start was a 67 MB copy
 * into fresh memory, about 250 ms here. Null when the file is not exactly as its index says (a hand
 * edit, an index failing its checksum): it is then read whole, as before.
 */
async function readLazily(handle: FileHandle, path: string, opened: Stats): Promise<ParsedSnapshot | null> {
  const size = opened.size;
  const line = await readFirstLine(handle, size);
  const head = line && parseHead(line);
  if (!head || !head.trusted || laidOutLength(head) !== size) return null;
  if (readAt(handle, SNAPSHOT_END.length, size - SNAPSHOT_END.length).toString('latin1') !== SNAPSHOT_END) return null;
  let unread = head.index.length;
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= handle.close().catch(() => {}));
  const done = () => {
    if (--unread === 0) void close();
  };
  // A program that rewrote the file in place (a copy over it, an editor) would hand us other bytes at
  // these offsets, to be quarantined and then left out by the next compaction: refuse instead. A file
  // replaced by a rename is no concern: the open one is still the one read at start.
  const unchanged = () => {
    const now = fstatSync(handle.fd);
    return now.size === opened.size && now.mtimeMs === opened.mtimeMs && now.ino === opened.ino;
  };
  const blocks: Block[] = [];
  let at = head.from;
  for (const [document, count, length, crc] of head.index) {
    const position = at;
    let bytes: Buffer | null = null;
    blocks.push({
      document,
      count,
      crc,
      // A block whose bytes moved fails its checksum when read, and is quarantined whole, as any damaged block.
      get bytes() {
        if (!bytes) {
          if (!unchanged()) throw new FacingError('unreadable', t('store.changedOnDisk', { path }));
          bytes = readAt(handle, length, position);
          done();
        }
        return bytes;
      },
    });
    at += length + BLOCK_SEPARATOR.length;
  }
  if (unread === 0) await close();
  // Awaited before the file is replaced (Windows refuses to rename over a file still open) and at close.
  const release = () => {
    unread = 0;
    return close();
  };
  return { data: laidOutData(head.header, blocks), migratedFrom: null, rewrite: false, release };
}

export interface ReadOptions extends ParseOptions {
  /**
   * Leave a large laid-out snapshot's blocks on disk until each is used (see readLazily); the caller
   * then owns the open file and calls the result's `release` when it is done with the data.
   */
  lazy?: boolean;
}

/** Reads a snapshot file: null when there is none. */
export async function readSnapshot(path: string, options: ReadOptions = {}): Promise<ParsedSnapshot | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let handedOver = false;
  try {
    const stats = await handle.stat();
    const { size } = stats;
    if (options.lazy && !options.whole && size >= LAZY_FROM) {
      const lazy = await readLazily(handle, path, stats);
      handedOver = lazy !== null;
      if (lazy) return lazy;
    }
    return parseSnapshot(await readAll(handle, size), options);
  } finally {
    if (!handedOver) await handle.close();
  }
}
