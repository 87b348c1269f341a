import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const docs = join(import.meta.dirname, '..', 'docs', 'screenshots');
const shots = process.env.FACING_SHOTS_DIR ?? docs;

/**
 * Text that does not fit where it is shown: an element reaching past the window's right edge, or a
 * control whose text is cut off (wider than its box, with overflow hidden and no ellipsis meant).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const box = el.getBoundingClientRect();
      // Zero or one pixel: nothing to see, or text kept for screen readers only.
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (el.closest('.parallel-scroll, .reader-article, dialog:not([open]), .visually-hidden')) continue;
      if (box.right > width + 1 && style.position !== 'fixed') found.push(`past the right edge: ${name(el)}`);
      const clips = ['hidden', 'clip'].includes(style.overflowX) && style.textOverflow !== 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1 && /button|a|label|span|p|h1|h2|legend|option|select/i.test(el.tagName)) found.push(`cut off: ${name(el)}`);
    }
    return found;
  });
}

test.describe('German interface', () => {
  test.skip(({ shell }) => shell !== 'web', 'One shell is enough to walk the screens.');

  test('library, reader and parallel view in German fit at 1200 and 1024 px', async ({ app }, testInfo) => {
    const page = app.page;
    await page.setViewportSize({ width: 1200, height: 800 });
    await app.open('#/read/000');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await page.getByTestId('reading-settings').click();
    await page.getByTestId('language-choice').getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('button', { name: 'Im Dokument suchen' })).toBeVisible();
    await page.keyboard.press('Escape');

    // The choice is kept: a reload opens in German.
    await page.reload();
    await expect(page.getByRole('link', { name: 'Zurück zur Bibliothek' })).toBeVisible();
    await page.getByRole('link', { name: 'Zurück zur Bibliothek' }).click();
    await app.library.waitForLoad();
    await expect(page.getByText('Einen Text und seine Übersetzung nebeneinander lesen.')).toBeVisible();
    await expect(page.getByText(/Original auf Englisch · 1 Übersetzung/).first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    for (const width of [1200, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`german-library-${width}.png`) });
      expect(await overflowing(page), `library at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.screenshot({ path: join(shots, 'german-library.png') });

    await app.open('#/read/000');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await page.getByTestId('toggle-notes').click();
    await expect(page.getByTestId('notes-panel')).toContainText('Markierungen und Notizen');
    await page.evaluate(() => document.fonts.ready);
    for (const width of [1200, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`german-reader-${width}.png`) });
      expect(await overflowing(page), `reader at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.getByTestId('reading-settings').click();
    await expect(page.getByRole('dialog', { name: 'Leseeinstellungen' })).toBeVisible();
    expect(await overflowing(page), 'reading settings').toEqual([]);
    await page.screenshot({ path: join(shots, 'german-reader.png') });
    await page.keyboard.press('Escape');

    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await page.evaluate(() => document.fonts.ready);
    for (const width of [1200, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: testInfo.outputPath(`german-parallel-${width}.png`) });
      expect(await overflowing(page), `parallel view at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(shots, 'german-parallel.png') });
  });
});
