// Imports generated text files into a library in a process of its own, as the app's services run:
// its peak RSS is the services', not the benchmark runner's (whose generated texts, browser driver and
// earlier workloads would otherwise count, and whose garbage grew the heap V8 collects).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { rssMB } from './harness';
import { generateProse } from './text';

/** Import requests in flight at once (FACING_BENCH_IMPORT_WINDOW; 1 is one file after another). */
export const IMPORT_WINDOW = Number(process.env.FACING_BENCH_IMPORT_WINDOW ?? 4);

const fileName = (n: number) => `book-${n}.txt`;

/** Writes `count` generated texts of about 100 kB (book-0.txt, …; the same every run) into `dir`. */
export function writeGeneratedFiles(dir: string, count: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const text = generateProse(100 * 1024, 1000 + n);
    writeFileSync(join(dir, fileName(n)), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

export interface ImportRun {
  /** Document ids in the order of the files. */
  ids: string[];
  importedMs: number;
  /** CPU time of the process, all threads, during the imports. */
  cpuMs: number;
  /** Time the thread answering requests was busy during the imports. */
  mainBusyMs: number;
  /** RSS sampled every 100 ms during the imports, and the process's high-water mark (its start included). */
  peakMB: number;
  maxRssMB: number;
  /** RSS once the services were open, before the first import. */
  beforeMB: number;
  importWorkers: number;
  loadAtStart: number;
  loadAtEnd: number;
}

/**
 * Imports the files in a child process with IMPORT_WINDOW requests in flight (as a drop of many files
 * sends them): each file is read from disk and handed over in base64, as the renderer hands a dropped
 * file to the services. Resolves once the child has closed the library.
 */
export function importInChild(filesDir: string, dataDir: string, count: number, progress = false): Promise<ImportRun> {
  const tsx = join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, import.meta.filename, '--child', filesDir, dataDir, String(count), progress ? 'progress' : ''], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`the import child stopped (${code}): ${out.slice(-2000)}`));
      else resolve(JSON.parse(last) as ImportRun);
    });
  });
}

async function child(filesDir: string, dataDir: string, count: number, progress: boolean): Promise<void> {
  const { openServices } = await import('../electron/services/handlers');
  const { IMPORT_WORKERS } = await import('../electron/services/import/pool');
  // Closed at the end: a store left open has its journal's file handle closed by the garbage collector, with a warning.
  const services = await openServices({ dataDir, corpusDir: join(import.meta.dirname, '..', 'corpus'), shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
  const beforeMB = rssMB();
  let peakMB = beforeMB;
  const sampler = setInterval(() => (peakMB = Math.max(peakMB, rssMB())), 100);
  const loadAtStart = loadavg()[0]!;
  const ids: string[] = new Array(count);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const elu0 = nodePerformance.eventLoopUtilization();
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let n = next++; n < count; n = next++) {
      const data = (await readFile(join(filesDir, fileName(n)))).toString('base64');
      ids[n] = (await services.handlers['documents:import']({ name: fileName(n), data })).document.id;
      // Progress on stderr: a 10,000-document run takes a while on a busy machine.
      if (progress && ++done % 500 === 0) {
        const seconds = (performance.now() - started) / 1000;
        console.error(`  … ${done} imported, ${(done / seconds).toFixed(1)} /s, RSS ${rssMB().toFixed(0)} MB, peak ${peakMB.toFixed(0)} MB, load ${loadavg()[0]!.toFixed(1)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IMPORT_WINDOW }, lane));
  const importedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const mainBusyMs = nodePerformance.eventLoopUtilization(elu0).active;
  clearInterval(sampler);
  const loadAtEnd = loadavg()[0]!;
  await services.close();
  const run: ImportRun = { ids, importedMs, cpuMs: (cpu.user + cpu.system) / 1000, mainBusyMs, peakMB, maxRssMB: process.resourceUsage().maxRSS / 1024, beforeMB, importWorkers: IMPORT_WORKERS, loadAtStart, loadAtEnd };
  console.log(JSON.stringify(run));
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]), process.argv[6] === 'progress');
