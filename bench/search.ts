// `npx tsx bench/search.ts [COUNT]`, or `npm run bench -- search`: the search service alone over a
// generated library of COUNT documents of ~100 kB (default 10,000), stored as the library stores
// them (one block a line) and read back through the library's own parser, so that index building,
// saving, loading and querying are measured without the import.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import type { LibraryService } from '../electron/services/library';
import { createSearch } from '../electron/services/search';
import { blockFileBytes, parseBlockFile } from '../electron/services/library/block-file';
import { utf8InSlices } from '../electron/services/library/slices';
import { INDEX_FILE } from '../electron/services/search/index-file';
import type { DocumentSummary } from '../shared/model/document';
import type { Block } from '../shared/text/segmentation';
import { percentile, peakRssMB, rssMB, runWorkloads, seeded, type Figure } from './harness';
import { generateProse, proseWord } from './text';

/**
 * Paragraphs of generated prose (Zipf-distributed words, see generateProse), dealt out at random to
 * make many different documents quickly; each document also gets a few words of its own (names,
 * codes), so the vocabulary grows with the library as a real one does.
 */
function library() {
  const pool = Array.from({ length: 40 }, (_, k) => generateProse(100 * 1024, 1000 + k).split('\n\n')).flat();
  const random = seeded(99);
  const own = (n: number) => `${proseWord(20_000 + Math.floor(random() * 5000))}${n.toString(36)}`;
  return (k: number): string[] => {
    const paragraphs: string[] = [];
    for (let bytes = 0; bytes < 100 * 1024; ) {
      let paragraph = pool[Math.floor(random() * pool.length)]!;
      if (random() < 0.1) paragraph += ` ${own(k)}.`;
      paragraphs.push(paragraph);
      bytes += paragraph.length + 2;
    }
    return paragraphs;
  };
}

/** What search needs of the library, over `document.json` files read as the library reads its own (see library/texts.ts, paragraphTexts). */
function fakeLibrary(dir: string, summaries: Map<string, DocumentSummary>): LibraryService {
  const paragraphTexts = async (id: string) => (await parseBlockFile(await utf8InSlices(await readFile(join(dir, id, 'document.json'))))).filter((b) => b.text).map((b) => ({ kind: b.kind, text: b.text }));
  return { list: async () => [...summaries.values()], summary: async (id: string) => summaries.get(id), paragraphTexts } as unknown as LibraryService;
}

/**
 * Builds the library and its index (timing each document's indexing), then opens it again: the load
 * of the saved index and the queries. FACING_BENCH_SEARCH_DIR names a folder to keep the library in:
 * built there on the first run, only opened and queried on the next.
 */
export async function measureSearch(count: number): Promise<Figure[]> {
  const kept = process.env.FACING_BENCH_SEARCH_DIR;
  if (kept && existsSync(join(kept, INDEX_FILE))) return measureQueries(kept, new Map(readdirSync(kept).filter((f) => f.startsWith('doc-')).map((id) => [id, { id, title: id, language: 'en' } as DocumentSummary])));
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'facing-bench-search-'));
  mkdirSync(dir, { recursive: true });
  try {
    const make = library();
    const summaries = new Map<string, DocumentSummary>();
    const first = createSearch(fakeLibrary(dir, summaries), { dataDir: dir, saveAfterMs: 2000 });
    await first.ready();
    const addTimes: number[] = [];
    const started = performance.now();
    for (let k = 0; k < count; k++) {
      const id = `doc-${k}`;
      mkdirSync(join(dir, id));
      writeFileSync(join(dir, id, 'document.json'), Buffer.concat(await blockFileBytes(make(k).map((text): Block => ({ kind: 'paragraph', text })))));
      summaries.set(id, { id, title: `Book ${k}`, language: 'en' } as DocumentSummary);
      const t0 = performance.now();
      await first.refresh(id);
      addTimes.push(performance.now() - t0);
    }
    const building = performance.now() - started;
    const closeStart = performance.now();
    await first.close();
    const closing = performance.now() - closeStart;
    const firstThousand = addTimes.slice(0, 1000);
    const lastThousand = addTimes.slice(-1000);
    return [
      { name: 'index a document (refresh), median', value: percentile(addTimes, 50), unit: 'ms', note: `first 1,000 ${percentile(firstThousand, 50).toFixed(1)} ms, last 1,000 ${percentile(lastThousand, 50).toFixed(1)} ms; all ${(building / 1000).toFixed(0)} s with writing the texts` },
      { name: 'index a document, p95', value: percentile(addTimes, 95), unit: 'ms', note: `last 1,000: ${percentile(lastThousand, 95).toFixed(1)} ms (saves in between)` },
      { name: 'save at close', value: closing, unit: 'ms' },
      ...(await measureQueries(dir, summaries)),
    ];
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function measureQueries(dir: string, summaries: Map<string, DocumentSummary>): Promise<Figure[]> {
  const indexMB = readdirSync(dir).filter((f) => f.startsWith(INDEX_FILE)).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1048576;
  const rssBefore = rssMB();
  const second = createSearch(fakeLibrary(dir, summaries), { dataDir: dir });
  // The longest the event loop was held during the load (the file itself is read off the main thread).
  const held = monitorEventLoopDelay({ resolution: 5 });
  held.enable();
  const loadStart = performance.now();
  const loadCpu = process.cpuUsage();
  await second.ready();
  const loading = performance.now() - loadStart;
  const loadingCpu = process.cpuUsage(loadCpu);
  // Work the load left for later (filling a completion tree a slice at a time) counts too.
  await new Promise((resolve) => setTimeout(resolve, 200));
  held.disable();
  const rssLoaded = rssMB();

  const queries = benchQueries(seeded(17), 200);
  // The first queries after loading also compile the search's code: the first is timed apart, and
  // ten of other words (every kind) are asked before the measured ones.
  const warming: number[] = [];
  const warmingCpu: number[] = [];
  for (const query of benchQueries(seeded(23), 11)) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await second.query(query, 20);
    const cpu = process.cpuUsage(cpu0);
    warming.push(performance.now() - t0);
    warmingCpu.push((cpu.user + cpu.system) / 1000);
  }
  const latencies: number[] = [];
  // CPU time too: on a machine shared with other work, wall time also counts the waits for a core.
  const cpuTimes: number[] = [];
  const kinds = new Map<string, number[]>();
  const cpuKinds = new Map<string, number[]>();
  for (const [q, query] of queries.entries()) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await second.query(query, 20);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    latencies.push(ms);
    const kind = q % 10 === 8 ? 'prefix' : q % 10 === 9 ? 'phrase' : q % 5 === 0 ? 'two words' : 'one word';
    kinds.set(kind, [...(kinds.get(kind) ?? []), ms]);
    cpuKinds.set(kind, [...(cpuKinds.get(kind) ?? []), cpuTimes[cpuTimes.length - 1]!]);
  }
  const apartStart = performance.now();
  const apart = await second.query(`${proseWord(3000)} ${proseWord(4000)}`, 20);
  const apartMs = performance.now() - apartStart;
  const commonStart = performance.now();
  const common = await second.query(proseWord(0), 20);
  const commonMs = performance.now() - commonStart;
  await second.close();
  return [
    { name: 'load the saved index (ready)', value: loading, unit: 'ms', note: `index files ${indexMB.toFixed(0)} MB, ${summaries.size.toLocaleString('en')} documents; CPU ${((loadingCpu.user + loadingCpu.system) / 1000).toFixed(0)} ms (with the read off the main thread); longest event-loop hold ${(held.max / 1e6).toFixed(0)} ms; RSS +${(rssLoaded - rssBefore).toFixed(0)} MB` },
    { name: 'first query after loading', value: warming[0]!, unit: 'ms', note: `CPU ${warmingCpu[0]!.toFixed(1)} ms; the next ten (other words, not measured below) ${Math.min(...warming.slice(1)).toFixed(1)}-${Math.max(...warming.slice(1)).toFixed(1)} ms, CPU ${Math.min(...warmingCpu.slice(1)).toFixed(1)}-${Math.max(...warmingCpu.slice(1)).toFixed(1)} ms` },
    { name: 'query latency p50', value: percentile(latencies, 50), unit: 'ms' },
    { name: 'query latency p95', value: percentile(latencies, 95), unit: 'ms', note: `${queries.length} queries, limit 20; by kind p95: ${[...kinds].map(([k, v]) => `${k} ${percentile(v, 95).toFixed(1)}`).join(', ')}` },
    { name: 'query CPU time p50 / p95', value: percentile(cpuTimes, 50), unit: 'ms', note: `p95 ${percentile(cpuTimes, 95).toFixed(1)} ms; by kind p95: ${[...cpuKinds].map(([k, v]) => `${k} ${percentile(v, 95).toFixed(1)}`).join(', ')}` },
    { name: 'two rare words, mostly in different paragraphs', value: apartMs, unit: 'ms', note: `${apart.documents} documents, ${apart.hits.filter((h) => h.partial).length} of ${apart.hits.length} hits partial` },
    { name: 'the most common word alone', value: commonMs, unit: 'ms', note: `${common.documents} documents` },
    { name: 'peak RSS of the process', value: peakRssMB(), unit: 'MB' },
  ];
}

/** Made-up words of prose, one in ten a prefix and one in ten a quoted pair, every fifth two words. */
function benchQueries(random: () => number, count: number): string[] {
  const rank = () => Math.floor(Math.exp(Math.log(20) + random() * (Math.log(5000) - Math.log(20))));
  const words = generateProse(4000, 1000).toLowerCase().match(/[a-z]+/g)!;
  return Array.from({ length: count }, (_, q) => {
    if (q % 10 === 8) return `${proseWord(rank()).slice(0, 4)}`;
    if (q % 10 === 9) {
      const at = Math.floor(random() * (words.length - 1));
      return `"${words[at]} ${words[at + 1]}"`;
    }
    return q % 5 === 0 ? `${proseWord(rank())} ${proseWord(rank())}` : proseWord(rank());
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  await runWorkloads([{ name: `search: ${count.toLocaleString('en')} generated documents of ~100 kB`, run: () => measureSearch(count) }]);
}
