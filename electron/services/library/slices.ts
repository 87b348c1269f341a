import { createHash } from 'node:crypto';
import { ProfileBuilder, type PairingProfile } from '../../../shared/corpus/pairing';

/**
 * Long work on a big document is done a slice at a time, handing the event loop back in between
 * (about a megabyte of text, a few milliseconds), so other requests are answered while it runs.
 */
export const SLICE_CHARS = 1 << 20;

export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** SHA-256 of the file (and a key that tells apart files of the same bytes). */
export async function hashOf(bytes: Buffer, key = ''): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += 4 * SLICE_CHARS) {
    hash.update(bytes.subarray(at, at + 4 * SLICE_CHARS));
    if (at + 4 * SLICE_CHARS < bytes.length) await tick();
  }
  return hash.update(key).digest('hex');
}

/** The pairing profile (see shared/corpus/pairing.ts) of a document's blocks. */
export async function profileInSlices(blocks: ReadonlyArray<{ kind: string; text: string }>): Promise<PairingProfile> {
  const builder = new ProfileBuilder();
  let since = 0;
  for (const block of blocks) {
    builder.add(block);
    since += block.text.length;
    if (since >= SLICE_CHARS) {
      since = 0;
      await tick();
    }
  }
  return builder.profile();
}

/** A file sent as base64, decoded a few megabytes at a time (a slice holds whole groups of four characters). */
export async function fromBase64(data: string, size = 4 * SLICE_CHARS): Promise<Buffer> {
  if (data.length <= size || /[^A-Za-z0-9+/=]/.test(data.slice(0, 64))) return Buffer.from(data, 'base64');
  const out = Buffer.allocUnsafe(Math.ceil(data.length / 4) * 3);
  let length = 0;
  for (let at = 0; at < data.length; at += size) {
    length += out.write(data.slice(at, at + size), length, 'base64');
    await tick();
  }
  return out.subarray(0, length);
}

/** UTF-8 bytes as text, a few megabytes at a time, each slice ending on a whole character. */
export async function utf8InSlices(bytes: Buffer, size = 4 * SLICE_CHARS): Promise<string> {
  if (bytes.length <= size) return bytes.toString('utf8');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    let to = Math.min(bytes.length, at + size);
    // Back off continuation bytes (10xxxxxx) so no character is cut in two.
    while (to < bytes.length && to > at && (bytes[to]! & 0xc0) === 0x80) to--;
    parts.push(bytes.toString('utf8', at, to));
    at = to;
    if (at < bytes.length) await tick();
  }
  return parts.join('');
}
