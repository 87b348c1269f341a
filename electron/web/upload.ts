import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_PAIR_FILE_BYTES } from '../../shared/formats/contract';
import { t } from '../../shared/i18n/current';
import { UploadTooLarge, type Uploads } from '../services/exchange/uploads';
import { send, sendResult } from './respond';

/** The path of the raw upload, beside the channels: `POST /api/upload` with the file as the body. */
export const UPLOAD_PATH = 'upload';

/**
 * A big file (a 50 MB TMX) as raw bytes, streamed to a temporary file in the data folder: never base64
 * inside JSON. Answers `{ ok: true, value: { upload } }`, a handle `pairs:import` takes. The caller has
 * checked the Origin and the token.
 */
export async function serveUpload(req: IncomingMessage, res: ServerResponse, uploads: Pick<Uploads, 'receive'>): Promise<void> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) return send(res, 415, 'Facing’s upload takes application/octet-stream only.');
  const tooLarge = () => send(res, 413, t('exchangeSvc.uploadTooLarge', { size: String(Math.round(MAX_PAIR_FILE_BYTES / 1048576)) }), 'text/plain; charset=utf-8', { connection: 'close' });
  if (Number(req.headers['content-length'] ?? 0) > MAX_PAIR_FILE_BYTES) {
    tooLarge();
    req.resume();
    return;
  }
  try {
    const upload = await uploads.receive(req, MAX_PAIR_FILE_BYTES);
    sendResult(res, 200, { ok: true, value: { upload } });
  } catch (error) {
    if (error instanceof UploadTooLarge) return tooLarge();
    // The client gave up (closed the page, cancelled): its partial file is gone, nobody waits for an answer.
    if (req.destroyed && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return void res.destroy();
    throw error;
  }
}
