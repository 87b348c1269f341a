import type { IncomingMessage } from 'node:http';
import { MAX_PAIR_DATA_BYTES } from '../../shared/formats/contract';
import { t } from '../../shared/i18n/current';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/contract';

// A document import (40 MB) as base64 in JSON, with room to spare.
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const asBase64Json = (fileBytes: number) => Math.ceil(fileBytes / 3) * 4 + 1024 * 1024;

/** Imports may carry a whole file as base64: their bodies may be as large as the contract lets that file be (bigger pair files go as uploads); every other channel stays at MAX_BODY_BYTES. */
export function bodyLimit(channel: string): number {
  if (channel === 'pairs:import') return Math.max(MAX_BODY_BYTES, asBase64Json(MAX_PAIR_DATA_BYTES));
  if (channel === 'documents:import') return Math.max(MAX_BODY_BYTES, asBase64Json(MAX_IMPORT_FILE_BYTES));
  return MAX_BODY_BYTES;
}
// The contract's deepest request is an annotation to restore, 4 levels inside its array.
export const MAX_JSON_DEPTH = 64;
// 200,000 alignment rows or 100,000 annotations stay well below this.
export const MAX_JSON_VALUES = 4_000_000;
// A refused upload is read on (and thrown away) this much further, so the client is still reading when the 413 arrives.
const DRAIN_BYTES = 16 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(limit = MAX_BODY_BYTES) {
    super(t('webHost.bodyTooLarge', { size: String(Math.round(limit / 1048576)) }));
  }
}

/**
 * Reads a request body up to `limit` bytes. Past the limit it rejects at once, so the caller can answer
 * 413, and keeps draining for a while: closing a socket the client is still writing to resets the
 * connection, and the client never sees the answer.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let drainUntil = Infinity;
    const refuse = () => {
      drainUntil = size + DRAIN_BYTES;
      chunks.length = 0;
      reject(new BodyTooLarge(limit));
    };
    if (declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (drainUntil !== Infinity) {
        if (size > drainUntil) req.socket.destroy();
      } else if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const Byte = { Quote: 0x22, Backslash: 0x5c, Comma: 0x2c, OpenSquare: 0x5b, CloseSquare: 0x5d, OpenCurly: 0x7b, CloseCurly: 0x7d } as const;

/**
 * Why JSON.parse should not be given this body, or null. One pass over the bytes (strings are skipped
 * with a native search), so a body nested millions deep or holding millions of values is refused
 * before the parser spends seconds and gigabytes on it. Malformed JSON is left to JSON.parse.
 */
export function jsonTooComplex(body: Buffer): string | null {
  let depth = 0;
  let values = 1;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (byte === Byte.Quote) {
      let end = body.indexOf(Byte.Quote, i + 1);
      while (end !== -1 && escaped(body, end)) end = body.indexOf(Byte.Quote, end + 1);
      if (end === -1) return null;
      i = end;
    } else if (byte === Byte.OpenSquare || byte === Byte.OpenCurly) {
      if (++depth > MAX_JSON_DEPTH) return t('webHost.tooDeep', { depth: String(MAX_JSON_DEPTH) });
      values++;
    } else if (byte === Byte.CloseSquare || byte === Byte.CloseCurly) depth--;
    else if (byte === Byte.Comma && ++values > MAX_JSON_VALUES) return t('webHost.tooManyValues', { count: MAX_JSON_VALUES });
  }
  return null;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function escaped(body: Buffer, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && body[i] === Byte.Backslash; i--) slashes++;
  return slashes % 2 === 1;
}
