import { chromium } from 'playwright';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium';
import { openServices } from '../electron/services/handlers';
import { INDEX_FILE } from '../electron/services/search/index-file';
import { openStore, STORE_FILE } from '../electron/services/store';
import type { StoreRecord } from '../electron/services/store/schema';
import { describeRange } from '../shared/annotations/anchoring';
import { handlersWhenOpen } from '../shared/ipc/when-open';
import { startWebHost } from '../electron/web/host';
import { importInChild, IMPORT_WINDOW, writeGeneratedFiles, type ImportRun } from './library-import';
import { percentile, rssMB, seeded, type Figure } from './harness';
import { generateBook, generateProse, proseWord } from './text';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'corpus');

const importNote = (run: ImportRun, count: number, bytes: number) =>
  `${count.toLocaleString('en')} documents, ${(bytes / 1048576).toFixed(0)} MB in ${(run.importedMs / 1000).toFixed(1)} s wall, ${IMPORT_WINDOW} in flight, ${run.importWorkers} import workers, each file read from disk and sent in base64 as the renderer sends a dropped file, in a process of its own; CPU ${(run.cpuMs / count).toFixed(1)} ms a document (all threads), the requests' thread busy ${(run.mainBusyMs / count).toFixed(1)} ms a document; load ${run.loadAtStart.toFixed(1)} → ${run.loadAtEnd.toFixed(1)}`;
const rssNote = (run: ImportRun) => `that process: ${run.beforeMB.toFixed(0)} MB with the services open, sampled every 100 ms; its high-water mark ${run.maxRssMB.toFixed(0)} MB`;

/** Imports `count` generated text files of about 100 kB each (in a process of their own), then loads the saved search index here and queries it. */
export async function measureImportAndSearch(count: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-lib-'));
  try {
    const bytes = writeGeneratedFiles(join(dir, 'files'), count);
    const run = await importInChild(join(dir, 'files'), join(dir, 'data'), count);
    // Closed at the end: a store left open has its journal's file handle closed by the garbage collector, with a warning.
    const services = await openServices({ dataDir: join(dir, 'data'), corpusDir, shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
    try {
      const { handlers } = services;
      const indexStart = performance.now();
      await handlers['search:query']({ query: 'innovation' });
      const indexed = performance.now() - indexStart;
      const latencies: number[] = [];
      for (const query of searchQueries(100)) {
        const t0 = performance.now();
        await handlers['search:query']({ query, limit: 20 });
        latencies.push(performance.now() - t0);
      }
      const commonStart = performance.now();
      const common = await handlers['search:query']({ query: proseWord(0), limit: 20 });
      const commonMs = performance.now() - commonStart;
      return [
        { name: 'import (extract, segment, store, pair suggestions, index)', value: count / (run.importedMs / 1000), unit: '/s', note: importNote(run, count, bytes) },
        { name: 'peak RSS during import', value: run.peakMB, unit: 'MB', note: rssNote(run) },
        { name: 'first query in a new process (loads the saved index)', value: indexed, unit: 'ms' },
        { name: 'query latency p50', value: percentile(latencies, 50), unit: 'ms' },
        { name: 'query latency p95', value: percentile(latencies, 95), unit: 'ms', note: '100 queries: words, word pairs, prefixes, phrases' },
        { name: 'the most common word alone', value: commonMs, unit: 'ms', note: `${common.total.toLocaleString('en')} paragraphs match` },
      ];
    } finally {
      await services.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens a 2 MB book in the reader in Chromium: time to the first painted paragraph, longest task while scrolling through. */
export async function measureLargeDocument(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-book-'));
  const services = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench' });
  const { handlers } = services;
  const { document: book } = await handlers['documents:import']({ name: 'book.txt', data: Buffer.from(generateBook(2 * 1024 * 1024, 4)).toString('base64') });
  const host = await startWebHost({ handlers, staticDir: join(root, 'dist', 'renderer') });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('document-row').first().waitFor();
    const open = () =>
      page.evaluate(async (id) => {
        const start = performance.now();
        location.hash = `#/read/${id}`;
        for (;;) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          if (document.querySelector('.document-body [data-paragraph-id]')) break;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - start;
      }, book.id);
    const cold = await open();
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByTestId('document-row').first().waitFor();
    const warm = await open();
    const scrolling = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      let worst = 0;
      let steps = 0;
      while (window.scrollY + innerHeight < document.documentElement.scrollHeight - 2 && steps < 4000) {
        const t0 = performance.now();
        window.scrollBy(0, innerHeight * 0.9);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        worst = Math.max(worst, performance.now() - t0);
        steps++;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { longest: Math.max(0, ...longTasks), worst, steps, inDom: document.querySelectorAll('.document-body [data-paragraph-id]').length };
    });
    return [
      { name: 'open to first painted paragraph (first time)', value: cold, unit: 'ms', note: `2 MB, ${book.wordCount.toLocaleString('en')} words` },
      { name: 'open to first painted paragraph (again)', value: warm, unit: 'ms' },
      { name: 'longest task while scrolling to the end', value: scrolling.longest, unit: 'ms', note: scrolling.longest === 0 ? 'no task reached 50 ms' : undefined },
      { name: 'worst scroll step', value: scrolling.worst, unit: 'ms', note: `${scrolling.steps} steps, ${scrolling.inDom} paragraphs in the DOM at the end` },
    ];
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A Calibre-size library: `count` generated documents of 100 kB imported through the app's own
 * import, 10 annotations each, then a fresh start: time to the painted library in Chromium, the
 * search index loaded from the data folder, query latencies, one document's annotations listed.
 */
export async function measureLargeLibrary(count: number): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'facing-bench-big-'));
  const dir = join(work, 'data');
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const bytes = writeGeneratedFiles(join(work, 'files'), count);
    const run = await importInChild(join(work, 'files'), dir, count, true);
    const { ids } = run;

    // 10 annotations a document, anchored in its first paragraphs, committed to the store in batches.
    const store = await openStore(dir);
    const random = seeded(5);
    const now = new Date().toISOString();
    for (let from = 0; from < ids.length; from += 200) {
      const records: StoreRecord[] = [];
      for (const [n, id] of ids.slice(from, from + 200).entries()) {
        const text = generateProse(2000, 1000 + from + n);
        for (let k = 0; k < 10; k++) {
          const start = Math.floor(random() * (text.length - 200));
          const a = { id: randomUUID(), documentId: id, target: describeRange(text, start, start + 20 + Math.floor(random() * 150)), colour: 'yellow', tags: [], note: '', created: now, modified: now };
          records.push({ c: 'annotations', k: a.id, v: a });
        }
      }
      await store.commit(records);
    }
    await store.compact();
    await store.close();
    const storeMB = statSync(join(dir, STORE_FILE)).size / 1048576;
    const indexMB = statSync(join(dir, INDEX_FILE)).size / 1048576;

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // As both shells start: the page loads while the services open.
    const startAt = performance.now();
    const opening = openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
    let servicesMs = 0;
    void opening.then(() => (servicesMs = performance.now() - startAt));
    const host = await startWebHost({ handlers: handlersWhenOpen(opening.then((s) => s.handlers)), staticDir: process.env.FACING_RENDERER_DIR ?? join(root, 'dist', 'renderer') });
    const loading = page.goto(host.url);
    const second = await opening.catch(async (error: unknown) => {
      await host.close();
      throw error;
    });
    try {
      await loading;
      await page.getByTestId('document-row').first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const painted = performance.now() - startAt;
      const listStart = performance.now();
      await second.handlers['documents:list']({});
      const listAgain = performance.now() - listStart;
      const inDom = await page.getByTestId('document-row').count();

      const indexStart = performance.now();
      await second.handlers['search:query']({ query: proseWord(300) });
      const indexLoad = performance.now() - indexStart;
      const queries = searchQueries(100);
      const latencies: number[] = [];
      for (const query of queries) {
        const t0 = performance.now();
        await second.handlers['search:query']({ query, limit: 20 });
        latencies.push(performance.now() - t0);
      }
      const listTimes: number[] = [];
      for (let n = 0; n < 20; n++) {
        const t0 = performance.now();
        await second.handlers['annotations:list']({ documentId: ids[Math.floor(random() * ids.length)]! });
        listTimes.push(performance.now() - t0);
      }
      return [
        { name: 'import, documents', value: count / (run.importedMs / 1000), unit: '/s', note: importNote(run, count, bytes) },
        { name: 'peak RSS during import', value: run.peakMB, unit: 'MB', note: rssNote(run) },
        { name: 'start to painted library', value: painted, unit: 'ms', note: `services ${servicesMs.toFixed(0)} ms; store ${storeMB.toFixed(0)} MB with ${(ids.length * 10).toLocaleString('en')} annotations; ${inDom} rows in the page` },
        { name: 'documents:list again', value: listAgain, unit: 'ms', note: `${(count + 5).toLocaleString('en')} documents` },
        { name: 'first query (loads the saved index)', value: indexLoad, unit: 'ms', note: `index file ${indexMB.toFixed(0)} MB` },
        { name: 'query latency p50', value: percentile(latencies, 50), unit: 'ms' },
        { name: 'query latency p95', value: percentile(latencies, 95), unit: 'ms', note: '100 queries: words, word pairs, prefixes, phrases' },
        { name: "one document's annotations listed, median", value: percentile(listTimes, 50), unit: 'ms' },
        { name: 'RSS after searching', value: rssMB(), unit: 'MB' },
      ];
    } finally {
      await host.close();
      await second.close();
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Searches people make: content words of middling to rare frequency, two words, a prefix, a phrase from the text. */
function searchQueries(count: number): string[] {
  const random = seeded(17);
  const rank = () => Math.floor(Math.exp(Math.log(20) + random() * (Math.log(5000) - Math.log(20))));
  const sampleText = generateProse(4000, 1000);
  return Array.from({ length: count }, (_, q) => {
    if (q % 10 === 8) return `${proseWord(rank()).slice(0, 4)}`;
    if (q % 10 === 9) {
      const words = sampleText.toLowerCase().match(/[a-z]+/g)!;
      const at = Math.floor(random() * (words.length - 1));
      return `"${words[at]} ${words[at + 1]}"`;
    }
    return q % 5 === 0 ? `${proseWord(rank())} ${proseWord(rank())}` : proseWord(rank());
  });
}
