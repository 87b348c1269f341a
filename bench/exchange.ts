// Pairs in and out: export a 20,000-row pair to TMX and XLSX; import a 100,000-unit TMX (~50 MB).
// The import runs in a child process so its peak RSS is its own, not the benchmark runner's.
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignDocuments } from '../shared/alignment/documents';
import { pairFromAlignment } from '../shared/formats/from-alignment';
import { writeTmx } from '../shared/formats/tmx';
import type { PairFile } from '../shared/formats/bilingual';
import type { AlignmentRow } from '../shared/model/alignment';
import { renderPair } from '../electron/services/exchange/render';
import { readPairFile } from '../electron/services/exchange/read';
import { peakRssMB, seeded, time, type Figure } from './harness';
import { generatePair, pairDocuments } from './parallel';

export async function measureExport(rows = 20_000): Promise<Figure[]> {
  const [left, right] = pairDocuments(rows);
  let aligned: AlignmentRow[] = alignDocuments(left, right);
  // Exactly `rows` rows: the aligner's groups, cut or repeated as needed.
  while (aligned.length < rows) aligned = aligned.concat(aligned.slice(0, rows - aligned.length));
  const pair = pairFromAlignment({ left, right, rows: aligned.slice(0, rows) });
  let tmxBytes = 0;
  let xlsxBytes = 0;
  const tmx = await time(async () => (tmxBytes = Buffer.byteLength((await renderPair(pair, 'tmx')).data as string)), 3);
  const xlsx = await time(async () => (xlsxBytes = ((await renderPair(pair, 'xlsx')).data as Buffer).length), 3);
  return [
    { name: `export ${pair.units.length.toLocaleString('en')} rows to TMX, median`, value: tmx.median, unit: 'ms', note: `${(tmxBytes / 1048576).toFixed(1)} MB; target < 1,000 ms` },
    { name: `export ${pair.units.length.toLocaleString('en')} rows to XLSX, median`, value: xlsx.median, unit: 'ms', note: `${(xlsxBytes / 1048576).toFixed(1)} MB; target < 3,000 ms` },
  ];
}

/** A TMX of `units` units, about 500 bytes each. */
export function generateTmx(units: number): string {
  const random = seeded(11);
  const { a, b } = generatePair(Math.ceil(units * 1.1), 5);
  const sa = a.flat();
  const sb = b.flat();
  const pair: PairFile = { source: 'en', target: 'de', units: [] };
  for (let k = 0; k < units; k++) {
    const x = sa[k % sa.length]!;
    const y = sb[k % sb.length]!;
    pair.units.push({ source: random() < 0.5 ? `${x} ${sa[(k + 7) % sa.length]}` : x, target: random() < 0.5 ? `${y} ${sb[(k + 7) % sb.length]}` : y, checked: random() < 0.3, confidence: Math.round(random() * 1000) / 1000 });
  }
  return writeTmx(pair, { tool: { name: 'Facing bench', version: '1' } }).text;
}

export function measureImport(units = 100_000): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-tmx-'));
  try {
    const path = join(dir, 'big.tmx');
    writeFileSync(path, generateTmx(units));
    const size = statSync(path).size;
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(import.meta.dirname, 'exchange.ts'), '--import-child', path, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`the import child failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      parseMs: number;
      parseCpuMs: number;
      parseRss: number;
      importMs: number;
      importCpuMs: number;
      answeredRss: number;
      heldMs: number;
      indexHeldMs: number;
      closeCpuMs: number;
      importRss: number;
      rows: number;
      parsed: number;
    };
    return [
      { name: `read a ${units.toLocaleString('en')}-unit TMX (streaming parse)`, value: r.parseMs, unit: 'ms', note: `${(size / 1048576).toFixed(0)} MB, ${r.parsed.toLocaleString('en')} units; target < 5,000 ms` },
      { name: 'CPU time of the reading (user + system; the machine may be busy)', value: r.parseCpuMs, unit: 'ms' },
      { name: 'peak RSS of the process after reading', value: r.parseRss, unit: 'MB', note: 'target < 500 MB' },
      { name: 'import as two library documents and a fixed alignment (read, store, segment, save)', value: r.importMs, unit: 'ms', note: `${r.rows.toLocaleString('en')} rows` },
      { name: 'CPU time of the import (user + system)', value: r.importCpuMs, unit: 'ms', note: 'target < 5,000 ms' },
      { name: 'peak RSS of the process when the import answers', value: r.answeredRss, unit: 'MB', note: 'target < 500 MB; the file is uploaded (read from disk by the service), not base64 in the request' },
      { name: 'longest the event loop was held during the import', value: r.heldMs, unit: 'ms', note: 'another request waits at most this long' },
      { name: 'CPU time of search indexing the two documents after the answer (until close)', value: r.closeCpuMs, unit: 'ms', note: 'the index of the library was built before, as at start' },
      { name: 'longest the event loop was held while search indexed them', value: r.indexHeldMs, unit: 'ms' },
      { name: 'peak RSS of the process after search indexed them', value: r.importRss, unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves once this process has used almost no CPU for half a second: background work (indexing) is done. */
async function untilIdle(): Promise<void> {
  for (;;) {
    const since = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const used = process.cpuUsage(since);
    if (used.user + used.system < 15_000) return;
  }
}

async function importChild(path: string, dir: string): Promise<void> {
  const cpu = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return Math.round((used.user + used.system) / 1000);
  };
  const started = performance.now();
  const parseCpu = process.cpuUsage();
  // Only the count is kept: the import below reads the file again, as the app does.
  const count = (await readPairFile('big.tmx', { path })).units.length;
  const parseMs = performance.now() - started;
  const parseCpuMs = cpu(parseCpu);
  const parseRss = peakRssMB();
  const { openServices } = await import('../electron/services/handlers');
  const { MAX_PAIR_FILE_BYTES } = await import('../shared/formats/contract');
  const services = await openServices({ dataDir: join(dir, 'data'), corpusDir: join(import.meta.dirname, '..', 'corpus'), shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
  // The search index of the library is built at start (after the warm-up); here before the import.
  await services.handlers['search:query']({ query: 'warm' });
  await untilIdle();
  // As Electron hands it over: by path (the web host streams the upload to a file first).
  const upload = await services.uploads.fromPath(path, MAX_PAIR_FILE_BYTES);
  const held = monitorEventLoopDelay({ resolution: 10 });
  held.enable();
  const begin = performance.now();
  const importCpu = process.cpuUsage();
  const outcome = await services.handlers['pairs:import']({ name: 'big.tmx', upload });
  const importMs = performance.now() - begin;
  const importCpuMs = cpu(importCpu);
  held.disable();
  const answeredRss = peakRssMB();
  // Search indexes the two documents after the answer (until the process is idle), then closing saves the index.
  const indexHeld = monitorEventLoopDelay({ resolution: 10 });
  indexHeld.enable();
  const closeCpu = process.cpuUsage();
  await untilIdle();
  await services.close();
  indexHeld.disable();
  console.log(JSON.stringify({ parseMs, parseCpuMs, parseRss, importMs, importCpuMs, answeredRss, heldMs: held.max / 1e6, indexHeldMs: indexHeld.max / 1e6, closeCpuMs: cpu(closeCpu), importRss: peakRssMB(), rows: 'rows' in outcome ? outcome.rows : 0, parsed: count }));
}

if (process.argv[2] === '--import-child') await importChild(process.argv[3]!, process.argv[4]!);
