import { chromium } from 'playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium';
import { openServices } from '../electron/services/handlers';
import { startWebHost } from '../electron/web/host';
import { PAGE_PARAGRAPHS } from '../shared/model/document';
import { peakRssMB, rssMB, type Figure } from './harness';
import { generateBook } from './text';

const root = join(import.meta.dirname, '..');

/** The longest the event loop went without turning while `work` ran: how long the host could not answer. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, stall: Math.max(stall, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports a 39 MB plain-text book through the handlers, then opens it in Chromium: import time, the
 * longest stall of the host meanwhile, peak memory against the file's size, and time to the first
 * painted paragraph. Run it alone (`npm run bench -- "39 MB"`) for a clean peak RSS figure.
 */
export async function measureBigText(megabytes = 39): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-big-'));
  try {
    const services = await openServices({ dataDir: dir, corpusDir: join(root, 'corpus'), shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
    const { handlers } = services;
    const data = Buffer.from(generateBook(megabytes * 1024 * 1024, 39)).toString('base64');
    const fileMB = (data.length * 3) / 4 / 1048576;
    global.gc?.();
    const before = rssMB();
    const started = performance.now();
    const { result: outcome, stall } = await longestStall(() => handlers['documents:import']({ name: 'big.txt', data }));
    const imported = performance.now() - started;
    const peak = peakRssMB();
    const id = outcome.document.id;

    const pageStart = performance.now();
    const { result: first, stall: pageStall } = await longestStall(() => handlers['documents:blocks']({ id, from: 0, count: PAGE_PARAGRAPHS }));
    const firstPage = performance.now() - pageStart;
    const firstBytes = JSON.stringify(first).length;

    const host = await startWebHost({ handlers, staticDir: process.env.FACING_RENDERER_DIR ?? join(root, 'dist', 'renderer') });
    const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(host.url);
      await page.getByTestId('document-row').first().waitFor();
      const open = () =>
        page.evaluate(async (documentId) => {
          const start = performance.now();
          location.hash = `#/read/${documentId}`;
          for (;;) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            if (document.querySelector('.document-body [data-paragraph-id] .sentence')) break;
          }
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - start;
        }, id);
      const cold = await open();
      return [
        { name: 'import, extract to stored', value: imported, unit: 'ms', note: `${fileMB.toFixed(0)} MB, ${outcome.document.wordCount.toLocaleString('en')} words` },
        { name: 'longest stall of the host during the import', value: stall, unit: 'ms', note: 'the longest the event loop did not turn' },
        { name: 'peak RSS growth during the import', value: peak - before, unit: 'MB', note: `${((peak - before) / fileMB).toFixed(1)}x the file; ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak` },
        { name: 'first page from the host', value: firstPage, unit: 'ms', note: `${first.paragraphs.length} of ${first.total.toLocaleString('en')} paragraphs, ${(firstBytes / 1048576).toFixed(1)} MB of JSON` },
        { name: 'longest stall of the host meanwhile', value: pageStall, unit: 'ms', note: 'the stored text read back a megabyte at a time' },
        { name: 'open in Chromium to the first painted paragraph', value: cold, unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await host.close();
      await services.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
