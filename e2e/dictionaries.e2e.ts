import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeDictd, makeStarDict } from '../electron/services/dictionaries/dictionary-files.fixture';
import { expect, test } from './fixtures';

const shots = process.env.FACING_SHOTS_DIR;

/** A small German-English StarDict dictionary, written as FreeDict writes its entries (headword line, then translations). */
function germanEnglish() {
  const made = makeStarDict(
    'Test Deutsch-Englisch',
    [
      ['Veranstaltung', 'Veranstaltung <f>\nevent, function'],
      ['Finanzierung', 'Finanzierung <f>\nfinancing, funding'],
      ['Kooperation', 'Kooperation <f>\ncooperation'],
      ['Vereinbarung', 'Vereinbarung <f>\nagreement, arrangement'],
    ],
    { lang: 'de-en' },
  );
  return [
    { name: 'test-de-en.ifo', mimeType: 'application/octet-stream', buffer: made.ifo },
    { name: `test-de-en.${made.idxName}`, mimeType: 'application/octet-stream', buffer: made.idx },
    { name: 'test-de-en.dict.dz', mimeType: 'application/octet-stream', buffer: made.dict },
  ];
}

interface WordBox {
  x: number;
  y: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where a word is on screen: the `nth` whole-word match in the text under `selector`. */
function wordBox(page: Page, selector: string, word: string, nth = 0): Promise<WordBox | null> {
  return page.evaluate(
    ([selector, word, nth]) => {
      const root = document.querySelector(selector as string);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const pattern = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu');
        for (const m of node.textContent!.matchAll(pattern)) {
          if (seen++ < (nth as number)) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + (word as string).length);
          const b = range.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom, left: b.left, right: b.right };
        }
      }
      return null;
    },
    [selector, word, nth] as const,
  );
}

/** Selects a word as a person would with the keyboard or a drag, without opening anything. */
async function selectWord(page: Page, selector: string, word: string) {
  await page.evaluate(
    ([selector, word]) => {
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    },
    [selector, word] as const,
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

const overlaps = (a: { top: number; bottom: number; left: number; right: number }, b: { y: number; height: number; x: number; width: number }) =>
  a.left < b.x + b.width && b.x < a.right && a.top < b.y + b.height && b.y < a.bottom;

test.describe('dictionaries', () => {
  test('install a StarDict dictionary, look words up in the reader and the parallel view, keep one as vocabulary, switch it off and remove it', async ({ app }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.setViewportSize({ width: 1300, height: 860 });
    await app.library.waitForLoad();
    await page.getByTestId('open-dictionaries').click();
    await expect(page.getByRole('heading', { name: 'Dictionaries', level: 1 })).toBeVisible();
    await expect(page.getByTestId('dictionaries-empty')).toContainText('sudo apt install dict-freedict-deu-eng');
    if (shots) await page.screenshot({ path: join(shots, 'dictionaries-empty.png') });

    await page.getByTestId('dictionary-files').setInputFiles(germanEnglish());
    await expect(page.getByTestId('dictionaries-message')).toContainText('Added “Test Deutsch-Englisch”: 4 entries, German → English.');
    const item = page.getByTestId('dictionary');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Added by you');
    await expect(item.getByTestId('dictionary-pair')).toHaveText('German → English');
    await expect(item.getByTestId('dictionary-switch')).toHaveAttribute('aria-checked', 'true');
    if (shots) await page.screenshot({ path: join(shots, 'dictionaries.png') });

    // The reader: a double-click shows the entry beside the word, never over it.
    await app.open('#/read/001');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    const article = '[data-testid="reader-article"] .document-body';
    const word = (await wordBox(page, article, 'Veranstaltung'))!;
    await page.mouse.dblclick(word.x, word.y);
    const popup = page.getByRole('dialog', { name: 'Dictionary: Veranstaltung' });
    await expect(popup).toBeVisible();
    await expect(popup.getByTestId('lookup-entry').first()).toContainText('event, function');
    const box = (await popup.boundingBox())!;
    expect(overlaps(word, box)).toBe(false);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="lookup-popup"]'))).toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'lookup-reader.png') });
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();

    // Select and press L: an inflected form finds its dictionary form.
    await selectWord(page, article, 'Finanzierungen');
    await page.keyboard.press('l');
    const inflected = page.getByRole('dialog', { name: 'Dictionary: Finanzierungen' });
    await expect(inflected.getByTestId('lookup-entry').first()).toContainText('dictionary form of “Finanzierungen”');
    await expect(inflected).toContainText('financing, funding');
    // Tab walks the popup's actions and stays in it.
    for (let k = 0; k < 8; k++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="lookup-popup"]'))).toBe(true);
    }
    await page.keyboard.press('Escape');

    // The selection menu's "Look up": a compound's parts.
    await selectWord(page, article, 'Kooperationsvereinbarungen');
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    await page.getByTestId('selection-lookup').click();
    const compound = page.getByRole('dialog', { name: 'Dictionary: Kooperationsvereinbarungen' });
    await expect(compound.getByTestId('lookup-entry')).toHaveCount(2);
    await expect(compound.getByTestId('lookup-entry').first()).toContainText('part of the compound “Kooperationsvereinbarungen”');
    await expect(compound).toContainText('agreement, arrangement');
    await page.keyboard.press('Escape');

    // Nothing found is said plainly.
    const other = (await wordBox(page, article, 'markierte'))!;
    await page.mouse.dblclick(other.x, other.y);
    await expect(page.getByTestId('lookup-not-found')).toHaveText('“markierte” is not in your German dictionary, not even as an inflected form or part of a compound.');
    await page.keyboard.press('Escape');

    // Keep a word: a highlight tagged vocabulary with the entry as its note. Where the word is now:
    // the text may have moved since (the popup's place was measured against it), and a stale point hit "zur".
    const wordNow = (await wordBox(page, article, 'Veranstaltung'))!;
    await page.mouse.dblclick(wordNow.x, wordNow.y);
    await popup.getByTestId('lookup-highlight').first().click();
    await expect(popup.getByTestId('lookup-status')).toContainText('Highlighted “Veranstaltung” with the tag vocabulary');
    // ...and into the glossary of the language pair, with the translation chosen.
    await popup.getByRole('combobox', { name: 'Translation to add to the English glossary' }).first().selectOption('function');
    await popup.getByTestId('lookup-glossary').first().click();
    await expect(popup.getByTestId('lookup-status')).toHaveText('Added “Veranstaltung” → “function” to the glossary from German to English.');
    await page.keyboard.press('Escape');
    await expect(page.locator(`${article} mark[data-annotation-ids]`).first()).toHaveText('Veranstaltung');
    await app.open('#/annotations');
    await expect(page.getByRole('button', { name: 'Veranstaltung vocabulary Veranstaltung <f> event, function (Test Deutsch-Englisch)' })).toBeVisible();

    // The parallel view: either column; the English one has no dictionary and says so.
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const right = '[data-testid="parallel-row"][data-row="0"] .pcell[data-column="right"]';
    const left = '[data-testid="parallel-row"][data-row="0"] .pcell[data-column="left"]';
    const inRow = (await wordBox(page, right, 'Veranstaltung'))!;
    await page.mouse.dblclick(inRow.x, inRow.y);
    const parallelPopup = page.getByRole('dialog', { name: 'Dictionary: Veranstaltung' });
    await expect(parallelPopup.getByTestId('lookup-entry').first()).toContainText('event, function');
    expect(overlaps(inRow, (await parallelPopup.boundingBox())!)).toBe(false);
    await page.keyboard.press('Escape');
    const english = (await wordBox(page, left, 'event'))!;
    await page.mouse.dblclick(english.x, english.y);
    await expect(page.getByTestId('lookup-none-installed')).toContainText('No dictionary for English is installed or switched on.');
    await page.getByRole('link', { name: 'Add one on the Dictionaries page' }).isVisible();
    await page.keyboard.press('Escape');

    // Which word translates which: from the dictionary ("event" / "Veranstaltung") and by form ("Alliance").
    await page.mouse.move(0, 0);
    await page.mouse.move(english.x, english.y);
    await expect(page.getByTestId('word-links-status')).toHaveText('“event”: “Veranstaltung”');
    if (shots) await page.screenshot({ path: join(shots, 'word-links.png') });
    const alliance = (await wordBox(page, left, 'Alliance'))!;
    await page.mouse.move(alliance.x, alliance.y);
    await expect(page.getByTestId('word-links-status')).toHaveText('“Alliance”: “Alliance”');
    const recently = (await wordBox(page, left, 'recently'))!;
    await page.mouse.move(recently.x, recently.y);
    await expect(page.getByTestId('word-links-status')).toHaveText('');

    // Switched off, it is not used; removed, it is gone.
    await app.open('#/dictionaries');
    await page.getByTestId('dictionary-switch').click();
    await expect(page.getByTestId('dictionary-switch')).toHaveAttribute('aria-checked', 'false');
    await app.open('#/read/001');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    const again = (await wordBox(page, article, 'Veranstaltung'))!;
    await page.mouse.dblclick(again.x, again.y);
    await expect(page.getByTestId('lookup-none-installed')).toContainText('No dictionary for German is installed or switched on.');
    await page.getByRole('link', { name: 'Add one on the Dictionaries page' }).click();
    await expect(page.getByTestId('dictionary')).toHaveCount(1);
    await page.getByTestId('dictionary-remove').click();
    await page.getByTestId('dictionary-remove-confirm').click();
    await expect(page.getByTestId('dictionaries-message')).toHaveText('Removed “Test Deutsch-Englisch”.');
    await expect(page.getByTestId('dictionary')).toHaveCount(0);
    await expect(page.getByTestId('dictionaries-empty')).toBeVisible();
  });

  test.describe('with damaged files', () => {
    const system = mkdtempSync(join(tmpdir(), 'facing-e2e-dictd-'));
    mkdirSync(system, { recursive: true });
    const good = makeDictd('good-deu-eng', [['veranstaltung', 'Veranstaltung\nevent']]);
    writeFileSync(join(system, 'good-deu-eng.index'), good.index);
    writeFileSync(join(system, `good-deu-eng.${good.dictName}`), good.dict);
    writeFileSync(join(system, 'bad-deu-eng.index'), 'veranstaltung\tA\tBA\n');
    writeFileSync(join(system, 'bad-deu-eng.dict'), 'x');
    test.use({ dictionaryDirs: [system] });

    test('a broken dictionary file gets its message, and a damaged system dictionary is listed with its problem', async ({ app }) => {
      test.setTimeout(90_000);
      const { page } = app;
      await app.open('#/dictionaries');
      await expect(page.getByTestId('dictionary')).toHaveCount(2);
      await expect(page.getByTestId('dictionary').first()).toContainText('Installed on this system');
      await expect(page.getByTestId('dictionary-remove')).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);

      const made = germanEnglish();
      await page.getByTestId('dictionary-files').setInputFiles([made[0]!, { ...made[1]!, buffer: made[1]!.buffer.subarray(0, 5) }, made[2]!]);
      await expect(page.getByTestId('dictionaries-message')).toHaveAttribute('role', 'alert');
      await expect(page.getByTestId('dictionaries-message')).toContainText(/test-de-en\.idx is \d+ bytes where/);
      await page.getByTestId('dictionary-files').setInputFiles([{ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') }]);
      await expect(page.getByTestId('dictionaries-message')).toContainText('notes.pdf is not a dictionary file');
      await expect(page.getByTestId('dictionary')).toHaveCount(2);

      // Looking up opens both: the good one answers, the damaged one is listed with its problem.
      await app.open('#/read/001');
      await expect(app.reader.paragraphs.first()).toBeVisible();
      const word = (await wordBox(page, '[data-testid="reader-article"] .document-body', 'Veranstaltung'))!;
      await page.mouse.dblclick(word.x, word.y);
      await expect(page.getByTestId('lookup-entry')).toHaveCount(1);
      await expect(page.getByTestId('lookup-entry')).toContainText('event');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await app.open('#/dictionaries');
      const bad = page.locator('[data-dictionary-id="system:bad-deu-eng"]');
      await expect(bad.getByTestId('dictionary-problem')).toContainText('bad-deu-eng.index names definitions past the end of bad-deu-eng.dict');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});

// Pictures for the README with the machine's FreeDict dictionaries; run with FACING_SHOTS_DIR set.
test.describe('dictionary screenshots with FreeDict', () => {
  test.skip(({ shell }) => shell !== 'web' || !shots || !existsSync('/usr/share/dictd/freedict-deu-eng.index'), 'Only when asked for pictures, with FreeDict installed.');
  test.use({ dictionaryDirs: ['/usr/share/dictd'] });

  test('lookup, word links and the Dictionaries page', async ({ app }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 760 });
    await app.open('#/dictionaries');
    const made = makeStarDict('Glossar Technik', [['Zweigstelle', 'Zweigstelle\nbranch office']]);
    await page.getByTestId('dictionary-files').setInputFiles([
      { name: 'technik.ifo', mimeType: 'application/octet-stream', buffer: made.ifo },
      { name: 'technik.idx', mimeType: 'application/octet-stream', buffer: made.idx },
      { name: 'technik.dict.dz', mimeType: 'application/octet-stream', buffer: made.dict },
    ]);
    await expect(page.getByTestId('dictionary')).toHaveCount(5);
    await page.screenshot({ path: join(shots!, 'dictionaries-freedict.png'), fullPage: true });

    await app.open('#/read/001');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.setViewportSize({ width: 1200, height: 860 });
    const word = (await wordBox(page, '[data-testid="reader-article"] .document-body', 'Veranstaltung'))!;
    await page.mouse.dblclick(word.x, word.y);
    await expect(page.getByTestId('lookup-entry').first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: join(shots!, 'lookup-freedict.png') });
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 1400, height: 760 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const left = '[data-testid="parallel-row"][data-row="1"] .pcell[data-column="left"]';
    const event = (await wordBox(page, left, 'event'))!;
    await page.mouse.move(event.x, event.y);
    await expect(page.getByTestId('word-links-status')).toContainText('Veranstaltung', { timeout: 30_000 });
    await page.screenshot({ path: join(shots!, 'word-links-freedict.png') });
  });
});
