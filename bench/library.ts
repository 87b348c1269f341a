import { chromium } from 'playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium';
import { openServices } from '../electron/services/handlers';
import { startWebHost } from '../electron/web/host';
import { peakRssMB, percentile, rssMB, seeded, type Figure } from './harness';
import { generateBook, generateProse, proseWord } from './text';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'corpus');

/** Imports `count` generated text files of about 100 kB each, then builds the search index and queries it. */
export async function measureImportAndSearch(count: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-lib-'));
  try {
    const { handlers } = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench' });
    const before = rssMB();
    let bytes = 0;
    const started = performance.now();
    for (let k = 0; k < count; k++) {
      const text = generateProse(100 * 1024, 1000 + k);
      bytes += text.length;
      await handlers['documents:import']({ name: `book-${k}.txt`, data: Buffer.from(text).toString('base64') });
    }
    const imported = performance.now() - started;
    const indexStart = performance.now();
    await handlers['search:query']({ query: 'innovation' });
    const indexed = performance.now() - indexStart;
    // Searches people make: content words of middling to rare frequency, two words, a prefix, a
    // phrase taken from the text. The most common word, the "the" of this language, is timed apart.
    const random = seeded(17);
    const rank = () => Math.floor(Math.exp(Math.log(20) + random() * (Math.log(5000) - Math.log(20))));
    const sampleText = generateProse(4000, 1000);
    const queries = Array.from({ length: 100 }, (_, q) => {
      if (q % 10 === 8) return `${proseWord(rank()).slice(0, 4)}`;
      if (q % 10 === 9) {
        const words = sampleText.toLowerCase().match(/[a-z]+/g)!;
        const at = Math.floor(random() * (words.length - 1));
        return `"${words[at]} ${words[at + 1]}"`;
      }
      return q % 5 === 0 ? `${proseWord(rank())} ${proseWord(rank())}` : proseWord(rank());
    });
    const latencies: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      await handlers['search:query']({ query, limit: 20 });
      latencies.push(performance.now() - t0);
    }
    const commonStart = performance.now();
    const common = await handlers['search:query']({ query: proseWord(0), limit: 20 });
    const commonMs = performance.now() - commonStart;
    return [
      { name: 'import (extract, segment, store, pair suggestions)', value: count / (imported / 1000), unit: '/s', note: `${count} documents, ${(bytes / 1048576).toFixed(0)} MB in ${(imported / 1000).toFixed(1)} s` },
      { name: 'build the search index over them', value: indexed, unit: 'ms' },
      { name: 'query latency p50', value: percentile(latencies, 50), unit: 'ms' },
      { name: 'query latency p95', value: percentile(latencies, 95), unit: 'ms', note: '100 queries: words, word pairs, prefixes, phrases' },
      { name: 'the most common word alone', value: commonMs, unit: 'ms', note: `${common.total.toLocaleString('en')} paragraphs match` },
      { name: 'peak RSS of the process', value: peakRssMB(), unit: 'MB', note: `${before.toFixed(0)} MB before importing` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens a 2 MB book in the reader in Chromium: time to the first painted paragraph, longest task while scrolling through. */
export async function measureLargeDocument(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-book-'));
  const { handlers } = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench' });
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
    rmSync(dir, { recursive: true, force: true });
  }
}
