import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeStarDict } from '../electron/services/dictionaries/dictionary-files.fixture';
import { expect, test } from './fixtures';

const shots = process.env.FACING_SHOTS_DIR;

/** Long entries in three dictionaries, so that a popup is taller than the room on either side of its word. */
function longEntries() {
  const senses = (word: string) => [word, ...Array.from({ length: 24 }, (_, k) => `${k + 1}. sense number ${k + 1} of ${word}, with an example or two`)].join('\n');
  return ['Eins', 'Zwei', 'Drei'].flatMap((name) => {
    const made = makeStarDict(`Lange Einträge ${name}`, [['Veranstaltung', senses('Veranstaltung')], ['und', senses('und')]], { lang: 'de-en' });
    return [
      { name: `${name}.ifo`, mimeType: 'application/octet-stream', buffer: made.ifo },
      { name: `${name}.${made.idxName}`, mimeType: 'application/octet-stream', buffer: made.idx },
      { name: `${name}.dict.dz`, mimeType: 'application/octet-stream', buffer: made.dict },
    ];
  });
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The first `word` in the right column whose top is below `below` (a share of the window's height). */
function rightColumnWord(page: Page, word: string, below: number): Promise<Box | null> {
  return page.evaluate(
    ([word, below]) => {
      const pattern = new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'gu');
      for (const cell of document.querySelectorAll('.pcell[data-column="right"]')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const { index } of node.textContent!.matchAll(pattern)) {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + word.length);
            const b = range.getBoundingClientRect();
            if (b.top > innerHeight * below && b.bottom < innerHeight - 20) return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
          }
        }
      }
      return null;
    },
    [word, below] as const,
  );
}

for (const width of [1024, 1200, 1400]) {
  test(`the lookup popup at ${width} px stays in the content area, off its word, and readable`, async ({ app }) => {
    test.slow();
    const { page } = app;
    await page.setViewportSize({ width, height: 760 });
    await app.open('#/dictionaries');
    await page.getByTestId('dictionary-files').setInputFiles(longEntries());
    await expect(page.getByTestId('dictionary')).toHaveCount(3);
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await page.evaluate(() => document.fonts.ready);
    // The toolbar settles once the checks have counted the differences.
    await expect(page.locator('[data-action="differences"]')).toContainText(/\d/);

    for (const [name, word, below] of [['top', 'Veranstaltung', 0], ['middle', 'und', 0.45]] as const) {
      const box = await rightColumnWord(page, word, below);
      expect(box, `a "${word}" ${name} in the window`).not.toBeNull();
      await page.mouse.dblclick((box!.left + box!.right) / 2, (box!.top + box!.bottom) / 2);
      const popup = page.getByRole('dialog', { name: `Dictionary: ${word}` });
      await expect(popup.getByTestId('lookup-entry')).toHaveCount(3, { timeout: 20_000 });
      await page.waitForTimeout(200);
      if (shots) await page.screenshot({ path: join(shots, `lookup-popup-${width}-${name}.png`) });
      const place = await page.evaluate(() => {
        const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const p = rect('[data-testid="lookup-popup"]');
        return { popup: { top: p.top, bottom: p.bottom, left: p.left, right: p.right }, toolbar: rect('.parallel-toolbar').bottom, window: { width: innerWidth, height: innerHeight } };
      });
      const { popup: p } = place;
      expect(p.top, `${name}: below the toolbar`).toBeGreaterThanOrEqual(place.toolbar);
      expect(p.bottom, `${name}: inside the window`).toBeLessThanOrEqual(place.window.height);
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.right).toBeLessThanOrEqual(place.window.width);
      const covers = p.left < box!.right && box!.left < p.right && p.top < box!.bottom && box!.top < p.bottom;
      expect(covers, `${name}: off the word`).toBe(false);
      expect(p.bottom - p.top, `${name}: tall enough to read`).toBeGreaterThanOrEqual(120);
      expect(p.right - p.left, `${name}: wide enough to read`).toBeGreaterThanOrEqual(300);
      await page.keyboard.press('Escape');
      await expect(popup).toHaveCount(0);
    }
  });
}
