import { parentPort } from 'node:worker_threads';
import { setLocale } from '../../../shared/i18n/current';
import type { Locale } from '../../../shared/i18n/locale';
import { UnreadableTextError } from '../text-file';
import { ImportRefused } from './errors';
import { writeNewFolder } from '../library/new-folder';
import { prepareImport, type PreparedImport } from './prepare';

/** A file to import, in an import worker: its name, its bytes (transferred), the folder to write, the interface language for refusals. */
export interface ImportJob {
  job: number;
  name: string;
  bytes: ArrayBuffer;
  folder: string;
  locale: Locale;
}

/**
 * What a worker answers about a job: 'read' once the file is read and its stored text made (the
 * worker can take the next file while this one is written and synced), then the outcome.
 */
export type ImportReply =
  | { job: number; stage: 'read' }
  | { job: number; ok: true; prepared: PreparedImport }
  | { job: number; ok: false; refused: boolean; message: string };

// An import worker: extraction, segmentation into blocks, word counts (the document's and search's), pairing profiles and writing the
// document's folder run here, off the thread that answers requests (a PDF's text layer alone can take seconds).
const port = parentPort;
if (!port) throw new Error('the import worker runs in a worker thread');
port.on('message', async ({ job, name, bytes, folder, locale }: ImportJob) => {
  setLocale(locale);
  let reply: ImportReply;
  try {
    const original = Buffer.from(bytes);
    const { blockFile, ...prepared } = await prepareImport(name, original);
    port.postMessage({ job, stage: 'read' } satisfies ImportReply);
    await writeNewFolder(folder, [
      [`original.${prepared.format}`, original],
      ['document.json', blockFile],
    ]);
    reply = { job, ok: true, prepared };
  } catch (error) {
    const refused = error instanceof ImportRefused || error instanceof UnreadableTextError;
    reply = { job, ok: false, refused, message: (error as Error)?.message ?? String(error) };
  }
  // The counts' array handed over, not copied.
  const counts = 'ok' in reply && reply.ok && !Array.isArray(reply.prepared.forSearch) ? (reply.prepared.forSearch.counts.buffer as ArrayBuffer) : null;
  port.postMessage(reply, counts ? [counts] : []);
});
