import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { t, translator } from '../../../shared/i18n/current';
import { ImportRefused } from './errors';
import { IMPORT_LIMITS } from './limits';
import type { PreparedImport } from './prepare';
import type { ImportJob, ImportReply } from './worker';

/** The worker is stopped after this long without work (its modules, pdf.js among them, hold tens of megabytes). */
const IDLE_MS = 30_000;
/** A file still being read this long after the extractor's own time limit has hung the worker: it is stopped. */
const HUNG_MS = IMPORT_LIMITS.milliseconds + 15_000;
/** The bundled main's worker, written beside it by electron/build.mjs. */
export const BUNDLED_WORKER = 'import-worker.cjs';

interface Waiting {
  job: number;
  name: string;
  bytes: ArrayBuffer;
  resolve: (prepared: PreparedImport) => void;
  reject: (error: unknown) => void;
}

function spawn(): Worker {
  // The bundled main (CommonJS) finds its worker beside it; from source (tsx, vitest) the TypeScript
  // entry is compiled by tsx inside the worker.
  const bundled = typeof __dirname === 'string' ? join(__dirname, BUNDLED_WORKER) : null;
  if (bundled && existsSync(bundled)) return new Worker(bundled);
  const here: string | undefined = import.meta.url;
  if (!here) throw new Error(`${BUNDLED_WORKER} is missing beside ${__dirname}`);
  const entry = new URL('./worker.ts', here).href;
  const api = createRequire(entry).resolve('tsx/esm/api').replace(/\.c?js$/, '.mjs');
  return new Worker(`import(${JSON.stringify(pathToFileURL(api).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`, { eval: true });
}

/**
 * Reads imported files in one worker thread, one file at a time, so the thread that answers
 * requests stays free while a file is extracted, segmented and counted. The worker starts with the
 * first file and stops when idle; one that dies or hangs fails its file, and the next file starts a
 * new one.
 */
export function createImportPool() {
  let worker: Worker | null = null;
  const queue: Waiting[] = [];
  let running: (Waiting & { timer: NodeJS.Timeout }) | null = null;
  let idle: NodeJS.Timeout | null = null;
  let jobs = 0;

  function stop(w: Worker) {
    if (worker === w) worker = null;
    void w.terminate();
  }

  function fail(w: Worker, error: unknown) {
    if (worker !== w) return;
    stop(w);
    const job = running;
    running = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    next();
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = spawn();
    w.unref();
    w.on('message', (reply: ImportReply) => {
      const job = running;
      if (!job || job.job !== reply.job) return;
      clearTimeout(job.timer);
      running = null;
      if (reply.ok) job.resolve({ ...reply.prepared, blockFile: new Uint8Array(reply.prepared.blockFile) });
      else job.reject(reply.refused ? new ImportRefused(reply.message) : new Error(reply.message));
      next();
    });
    w.on('error', (error) => {
      const job = running;
      fail(w, job ? new ImportRefused(t('importService.cannotRead', { name: job.name, format: job.name.split('.').pop() ?? '', reason: error.message })) : error);
    });
    w.on('exit', (code) => {
      const job = running;
      fail(w, new ImportRefused(t('importService.cannotRead', { name: job?.name ?? '', format: job?.name.split('.').pop() ?? '', reason: `the reader stopped (${code})` })));
    });
    return (worker = w);
  }

  function next() {
    if (running) return;
    const job = queue.shift();
    if (!job) {
      if (worker && !idle) {
        const w = worker;
        idle = setTimeout(() => ((idle = null), stop(w)), IDLE_MS);
        idle.unref();
      }
      return;
    }
    if (idle) clearTimeout(idle);
    idle = null;
    const w = ensureWorker();
    const timer = setTimeout(() => fail(w, new ImportRefused(t('importService.tooSlow', { seconds: IMPORT_LIMITS.milliseconds / 1000 }))), HUNG_MS);
    timer.unref();
    running = { ...job, timer };
    const message: ImportJob = { job: job.job, name: job.name, bytes: job.bytes, locale: translator().locale };
    w.postMessage(message, [job.bytes]);
  }

  return {
    /** The file read into blocks, its stored text and profile made; refused (ImportRefused) as extractDocument refuses. */
    prepare(name: string, bytes: Uint8Array): Promise<PreparedImport> {
      // A copy of its own to hand over: the caller keeps its bytes (to store the original).
      const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return new Promise((resolve, reject) => {
        queue.push({ job: ++jobs, name, bytes: copy, resolve, reject });
        next();
      });
    },
    async close() {
      if (idle) clearTimeout(idle);
      idle = null;
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}

/** One pool for the process: every library opened in it (tests open many) shares one worker. */
let shared: ReturnType<typeof createImportPool> | null = null;
export const importPool = () => (shared ??= createImportPool());
