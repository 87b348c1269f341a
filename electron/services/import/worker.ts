import { parentPort } from 'node:worker_threads';
import { setLocale } from '../../../shared/i18n/current';
import type { Locale } from '../../../shared/i18n/locale';
import { UnreadableTextError } from '../text-file';
import { ImportRefused } from './errors';
import { prepareImport } from './prepare';

/** A file to read, in the import worker: its name, its bytes (transferred), the interface language for refusals. */
export interface ImportJob {
  job: number;
  name: string;
  bytes: ArrayBuffer;
  locale: Locale;
}

export type ImportReply =
  | { job: number; ok: true; prepared: import('./prepare').PreparedImport }
  | { job: number; ok: false; refused: boolean; message: string };

// The import worker: extraction, segmentation into blocks, word counts and pairing profiles run here,
// off the thread that answers requests (a PDF's text layer alone can take seconds).
const port = parentPort;
if (!port) throw new Error('the import worker runs in a worker thread');
port.on('message', async ({ job, name, bytes, locale }: ImportJob) => {
  setLocale(locale);
  let reply: ImportReply;
  try {
    const prepared = await prepareImport(name, Buffer.from(bytes));
    reply = { job, ok: true, prepared };
  } catch (error) {
    const refused = error instanceof ImportRefused || error instanceof UnreadableTextError;
    reply = { job, ok: false, refused, message: (error as Error)?.message ?? String(error) };
  }
  const transfer = reply.ok ? [reply.prepared.blockFile.buffer as ArrayBuffer] : [];
  port.postMessage(reply, transfer);
});
