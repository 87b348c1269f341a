import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { t, translator } from '../../../shared/i18n/current';
import { ImportRefused } from './errors';
import { IMPORT_LIMITS } from './limits';
import type { PreparedImport } from './prepare';
import type { ImportJob, ImportReply } from './worker';

/** A worker is stopped after this long without work (its modules, pdf.js among them, hold tens of megabytes). */
const IDLE_MS = 30_000;
/** A file still being read this long after the extractor's own time limit has hung its worker: it is stopped. */
const HUNG_MS = IMPORT_LIMITS.milliseconds + 15_000;
/** The bundled main's worker, written beside it by electron/build.mjs. */
export const BUNDLED_WORKER = 'import-worker.cjs';
/**
 * Workers reading files at once: one a core beside the one the requests' thread needs (it records
 * each import and indexes it for search), at least one, at most three (each holds its own modules,
 * tens of megabytes). On two cores a second worker only took CPU from that thread and added ~110 MB.
 */
export const IMPORT_WORKERS = Math.max(1, Math.min(3, availableParallelism() - 1));

interface Waiting {
  job: number;
  name: string;
  bytes: ArrayBuffer;
  folder: string;
  resolve: (prepared: PreparedImport) => void;
  reject: (error: unknown) => void;
}

type Running = Waiting & { timer: NodeJS.Timeout };

interface Thread {
  worker: Worker;
  /** The file being read (extracted, segmented, counted): one at a time. */
  reading: Running | null;
  /** Files read and being written and synced: the worker reads the next one meanwhile. */
  writing: Map<number, Running>;
  idle: NodeJS.Timeout | null;
}

/** The files a worker is reading or writing. */
const jobsOf = (thread: Thread): Running[] => [...(thread.reading ? [thread.reading] : []), ...thread.writing.values()];

/** Files a worker may be writing while it reads another: the writes wait on the disk, not the CPU. */
const WRITING_PER_WORKER = 1;

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

const tooSlow = () => new ImportRefused(t('importService.tooSlow', { seconds: IMPORT_LIMITS.milliseconds / 1000 }));
const unreadable = (job: Waiting | null, reason: string) => new ImportRefused(t('importService.cannotRead', { name: job?.name ?? '', format: job?.name.split('.').pop() ?? '', reason }));

/**
 * Imports files in worker threads, one file a worker reads at a time, so the thread that answers
 * requests stays free while a file is extracted, segmented, counted and written. A worker takes the
 * next file as soon as it has read one, while that one's writes wait on the disk. A worker starts
 * when a file waits and every running one is busy, and stops when idle. One that dies or hangs fails
 * the file it was reading (and the one it was writing, as stopped); the next file starts a new one.
 */
export function createImportPool(size = IMPORT_WORKERS, makeWorker: () => Worker = spawn) {
  const threads: Thread[] = [];
  const queue: Waiting[] = [];
  let jobs = 0;

  function stop(thread: Thread): Promise<unknown> {
    const at = threads.indexOf(thread);
    if (at >= 0) threads.splice(at, 1);
    if (thread.idle) clearTimeout(thread.idle);
    return thread.worker.terminate();
  }

  /**
   * Stops a worker that died or hung: `culprit` (the file it hung on, else the one it was reading)
   * gets `error`, a file it was only writing meanwhile is refused as stopped for another; with no
   * file being read, each gets `error`.
   */
  function fail(thread: Thread, error: (job: Waiting | null) => unknown, culprit: Running | null = thread.reading) {
    if (!threads.includes(thread)) return;
    const stopped = stop(thread);
    const running = jobsOf(thread);
    thread.reading = null;
    thread.writing.clear();
    for (const job of running) {
      clearTimeout(job.timer);
      const reason = !culprit || job === culprit ? error(job) : new ImportRefused(t('importService.stoppedForOther', { name: job.name }));
      // Refused once the worker has stopped: the caller then removes the folder it was writing, which it must not write to after.
      void stopped.then(
        () => job.reject(reason),
        () => job.reject(reason),
      );
    }
    next();
  }

  function finish(thread: Thread, reply: ImportReply) {
    const job = thread.reading?.job === reply.job ? thread.reading : thread.writing.get(reply.job);
    if (!job) return;
    if ('stage' in reply) {
      thread.reading = null;
      thread.writing.set(job.job, job);
      // Its own time to be written; while another file is being read, that one holds the worker and is the one to blame.
      clearTimeout(job.timer);
      job.timer = setTimeout(() => fail(thread, tooSlow, thread.reading ?? job), HUNG_MS);
      job.timer.unref();
      return next();
    }
    clearTimeout(job.timer);
    if (thread.reading === job) thread.reading = null;
    thread.writing.delete(job.job);
    if (reply.ok) job.resolve(reply.prepared);
    else job.reject(reply.refused ? new ImportRefused(reply.message) : new Error(reply.message));
    next();
  }

  function start(): Thread {
    const worker = makeWorker();
    worker.unref();
    const thread: Thread = { worker, reading: null, writing: new Map(), idle: null };
    worker.on('message', (reply: ImportReply) => finish(thread, reply));
    worker.on('error', (error) => fail(thread, (job) => (job ? unreadable(job, error.message) : error)));
    worker.on('exit', (code) => fail(thread, (job) => unreadable(job, `the reader stopped (${code})`)));
    threads.push(thread);
    return thread;
  }

  function run(thread: Thread, job: Waiting) {
    if (thread.idle) clearTimeout(thread.idle);
    thread.idle = null;
    const running: Running = { ...job, timer: setTimeout(() => fail(thread, tooSlow, running), HUNG_MS) };
    running.timer.unref();
    thread.reading = running;
    const message: ImportJob = { job: job.job, name: job.name, bytes: job.bytes, folder: job.folder, locale: translator().locale };
    thread.worker.postMessage(message, [job.bytes]);
  }

  const free = (thread: Thread) => !thread.reading && thread.writing.size <= WRITING_PER_WORKER;

  function next() {
    while (queue.length) {
      const thread = threads.find(free) ?? (threads.length < size ? start() : null);
      if (!thread) break;
      run(thread, queue.shift()!);
    }
    for (const thread of threads) {
      if (thread.reading || thread.writing.size || thread.idle) continue;
      thread.idle = setTimeout(() => void stop(thread), IDLE_MS);
      thread.idle.unref();
    }
  }

  return {
    /**
     * The file read into blocks, its stored text and profile made, and both it and the original written
     * (synced) into `folder`, a new folder; refused (ImportRefused) as extractDocument refuses.
     */
    importInto(name: string, bytes: Uint8Array, folder: string): Promise<PreparedImport> {
      // A copy of its own: the caller keeps its bytes.
      const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return new Promise((resolve, reject) => {
        queue.push({ job: ++jobs, name, bytes: copy, folder, resolve, reject });
        next();
      });
    },
    /** Workers running now (each reading a file or idle until stopped). */
    get threads() {
      return threads.length;
    },
    /** Stops every worker, then refuses what they were reading or writing and what waited (the callers remove those folders: nothing writes to them any more). */
    async close() {
      const closing = threads.splice(0);
      const stopped: Waiting[] = queue.splice(0);
      for (const thread of closing) {
        if (thread.idle) clearTimeout(thread.idle);
        for (const job of jobsOf(thread)) {
          clearTimeout(job.timer);
          stopped.push(job);
        }
        thread.reading = null;
        thread.writing.clear();
      }
      await Promise.all(closing.map((thread) => thread.worker.terminate().catch(() => {})));
      for (const job of stopped) job.reject(unreadable(job, 'the import was stopped'));
    },
  };
}

/** One pool for the process: every library opened in it (tests open many) shares its workers. */
let shared: ReturnType<typeof createImportPool> | null = null;
export const importPool = () => (shared ??= createImportPool());
