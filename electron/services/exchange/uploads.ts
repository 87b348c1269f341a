import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';

/** A file handed over once, read by the service from disk: never base64 in a request. */
export interface Upload {
  path: string;
  size: number;
  /** Written by `receive` into the data folder; removed when released. */
  temporary: boolean;
}

export interface Uploads {
  /** A file the user picked or dropped, by its path (Electron): must be a regular file within `limit` bytes. */
  fromPath(path: string, limit: number): Promise<string>;
  /** Raw bytes streamed in (the web host's upload), written to a temporary file in the data folder. */
  receive(body: Readable, limit: number): Promise<string>;
  /** The file behind a handle, or a refusal naming it as unknown or expired. */
  get(handle: string): Upload;
  /** Forgets a handle and removes its temporary file. */
  release(handle: string): Promise<void>;
  close(): Promise<void>;
}

export class UploadTooLarge extends Error {}

/** How long an unused handle lives: the language question between two imports of one file may take a while. */
const LIFETIME_MS = 30 * 60_000;
/** Uploads kept at once; the oldest is dropped past this. */
const MAX_KEPT = 8;


/** Handles for files handed to the services by path or by a streamed upload, in `<dataDir>/uploads`. */
export function createUploads(dataDir: string, lifetimeMs = LIFETIME_MS): Uploads {
  const folder = join(dataDir, 'uploads');
  const kept = new Map<string, Upload & { timer: NodeJS.Timeout }>();
  let cleared: Promise<void> | null = null;
  // Leftovers of a run that ended without closing.
  const ready = () => (cleared ??= rm(folder, { recursive: true, force: true }).then(() => mkdir(folder, { recursive: true, mode: 0o700 })).then(() => {}));

  async function release(handle: string): Promise<void> {
    const upload = kept.get(handle);
    if (!upload) return;
    kept.delete(handle);
    clearTimeout(upload.timer);
    if (upload.temporary) await rm(upload.path, { force: true });
  }

  function keep(upload: Upload): string {
    const handle = randomBytes(24).toString('base64url');
    const timer = setTimeout(() => void release(handle), lifetimeMs);
    timer.unref?.();
    kept.set(handle, { ...upload, timer });
    if (kept.size > MAX_KEPT) void release(kept.keys().next().value!);
    return handle;
  }

  return {
    async fromPath(path, limit) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new FacingError('invalid-request', t('exchangeSvc.uploadNotFile'));
      if (info.size > limit) throw new UploadTooLarge(t('exchangeSvc.uploadTooLarge', { size: String(Math.round(limit / 1048576)) }));
      return keep({ path, size: info.size, temporary: false });
    },

    async receive(body, limit) {
      await ready();
      const path = join(folder, randomBytes(12).toString('hex'));
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > limit) done(new UploadTooLarge(t('exchangeSvc.uploadTooLarge', { size: String(Math.round(limit / 1048576)) })));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(body, count, createWriteStream(path, { mode: 0o600 }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return keep({ path, size, temporary: true });
    },

    get(handle) {
      const upload = kept.get(handle);
      if (!upload) throw new FacingError('invalid-request', t('exchangeSvc.uploadUnknown'));
      return { path: upload.path, size: upload.size, temporary: upload.temporary };
    },

    release,

    async close() {
      await Promise.all([...kept.keys()].map(release));
      if (cleared) await rm(folder, { recursive: true, force: true });
    },
  };
}
