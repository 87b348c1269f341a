import { chromium } from 'playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium';
import { openServices } from '../electron/services/handlers';
import { startWebHost } from '../electron/web/host';
import type { Figure } from './harness';
import { generatePair } from './parallel';

const root = join(import.meta.dirname, '..');

/**
 * Renders the parallel view of a generated pair in Chromium through the real web host and renderer:
 * time from opening the route to the first painted row and to the translation checks' count, and the longest main-thread task while
 * scrolling from the first row to the last.
 */
export async function measureParallelRendering(sentences: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-'));
  const { a, b } = generatePair(sentences, 11);
  writeFileSync(join(dir, 'a.txt'), a.map((p) => p.join(' ')).join('\n\n'));
  writeFileSync(join(dir, 'b.txt'), b.map((p) => p.join(' ')).join('\n\n'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: 1,
      documents: [
        { id: 'a', title: 'Generated original', language: 'en', file: 'a.txt' },
        { id: 'b', title: 'Generated translation', language: 'de', file: 'b.txt', translationOf: 'a' },
      ],
    }),
  );
  const services = await openServices({ dataDir: join(dir, 'data'), corpusDir: dir, shell: 'web', version: 'bench' });
  const host = await startWebHost({ handlers: services.handlers, staticDir: process.env.FACING_RENDERER_DIR ?? join(root, 'dist', 'renderer') });
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('document-row').first().waitFor();

    const openRoute = () =>
      page.evaluate(async () => {
        const start = performance.now();
        location.hash = '#/parallel/a/b';
        for (;;) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          if (document.querySelector('[data-testid="parallel-row"]')) break;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const painted = performance.now() - start;
        while (!/\d/.test(document.querySelector('[data-action="differences"] .count')?.textContent ?? '')) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { painted, checked: performance.now() - start };
      });
    const cold = await openRoute();
    const rows = Number(/of (\d+)/.exec((await page.getByTestId('active-row').textContent()) ?? '')?.[1]);
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByTestId('document-row').first().waitFor();
    const warm = await openRoute();

    const scrolling = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const scroller = document.querySelector('[data-testid="parallel-rows"]') as HTMLElement;
      let worstFrame = 0;
      let steps = 0;
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
        const before = performance.now();
        scroller.scrollTop += scroller.clientHeight * 0.8;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        worstFrame = Math.max(worstFrame, performance.now() - before);
        steps++;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { longest: Math.max(0, ...longTasks), worstFrame, steps, rendered: document.querySelectorAll('[data-testid="parallel-row"]').length };
    });
    return [
      { name: 'open to first painted row (aligning included)', value: cold.painted, unit: 'ms', note: `${rows} rows` },
      { name: 'open to first painted row (alignment cached)', value: warm.painted, unit: 'ms' },
      { name: 'open to the Differences counted (translation checks done, alignment cached)', value: warm.checked, unit: 'ms' },
      { name: 'longest task while scrolling to the end', value: scrolling.longest, unit: 'ms', note: scrolling.longest === 0 ? 'no task reached 50 ms' : undefined },
      { name: 'worst scroll step (scroll to next frame)', value: scrolling.worstFrame, unit: 'ms', note: `${scrolling.steps} steps, ${scrolling.rendered} rows in the DOM` },
    ];
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
