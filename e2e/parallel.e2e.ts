import { expect, test } from './fixtures';

test.describe('parallel view', () => {
  test('opens the pair side by side from the library, 8 aligned paragraphs and the unmatched source line', async ({ app }) => {
    await app.library.waitForLoad();
    await app.page.getByTestId('open-parallel').click();
    await app.parallel.waitForRows();
    await expect(app.parallel.columnHeads).toContainText('EN');
    await expect(app.parallel.columnHeads).toContainText('DE');
    const rows = await app.parallel.allRows();
    expect(rows).toHaveLength(await app.parallel.rowCount());
    const groups = rows.filter((r) => r.startsWith('¶'));
    expect(groups).toHaveLength(9);
    const oneSided = groups.filter((r) => r.startsWith('¶  | ') || r.endsWith(' | '));
    expect(oneSided).toEqual(['¶ p8s0 | ']);
    await app.parallel.differences.first().click();
    await expect(app.page.getByTestId('no-counterpart')).toHaveText('No German counterpart');
    await expect(app.page).toHaveTitle(/⇄ German — Facing$/);
  });

  test('hovering a row links a sentence to its counterpart', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.parallel.cell(2, 'left').locator('.sentence').first().hover();
    await expect(app.parallel.cell(2, 'right')).toHaveClass(/is-linked/);
    await expect(app.parallel.cell(3, 'right')).not.toHaveClass(/is-linked/);
  });

  test('swaps sides', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(app.parallel.cell(0, 'left')).toHaveAttribute('lang', 'en');
    await app.parallel.action('swap');
    await expect(app.parallel.cell(0, 'left')).toHaveAttribute('lang', 'de');
    await expect(app.parallel.columnHeads.locator('.lang-badge').first()).toHaveText('DE');
  });

  test('an edit can be undone and redone, and survives a reload', async ({ app }) => {
    // It scrolls the whole list three times and reloads once: more than 30 s on a loaded 2-core machine.
    test.setTimeout(90_000);
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const before = await app.parallel.allRows();
    const count = before.length;
    await app.parallel.row(2).click();
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count}`);
    await app.parallel.action('merge');
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count - 1}`);
    const merged = await app.parallel.allRows();
    expect(merged[2]).toBe('¶ p2s0,p2s1 | p2s0,p2s1');

    await app.page.keyboard.press('Control+z');
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count}`);
    expect(await app.parallel.allRows()).toEqual(before);
    await app.page.keyboard.press('Control+Shift+z');
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count - 1}`);

    await app.parallel.action('check');
    await expect(app.parallel.row(2).locator('.prow-checked')).toBeVisible();
    await expect(app.parallel.actionButton('check')).toHaveAttribute('aria-pressed', 'true');

    await app.page.reload();
    await app.parallel.waitForRows();
    expect(await app.parallel.rowCount()).toBe(count - 1);
    expect(await app.parallel.allRows()).toEqual(merged);
    await expect(app.parallel.row(2).locator('.prow-checked')).toBeVisible();

    await app.page.getByRole('button', { name: 'Reset alignment' }).click();
    await expect(app.parallel.activeRow).toHaveText(`Row 1 of ${count}`);
  });

  test('the differences panel lists the untranslated line and takes both sides to it', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(app.parallel.differences).toHaveCount(1);
    await expect(app.parallel.differences.first()).toContainText('No counterpart');
    await expect(app.parallel.differences.first()).toContainText('Only in English: no counterpart in German.');
    const rows = await app.parallel.rowCount();
    await app.parallel.differences.first().click();
    await expect(app.parallel.activeRow).toHaveText(`Row ${rows} of ${rows}`);
    await expect(app.parallel.row(rows - 1)).toBeInViewport();
    await expect(app.parallel.row(rows - 1)).toHaveAttribute('aria-current', 'true');
  });

  test('scrolling apart shows each text on its own and still links counterparts', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.parallel.action('sync');
    const left = app.page.getByTestId('free-pane-left');
    const right = app.page.getByTestId('free-pane-right');
    await expect(left).toBeVisible();
    await left.locator('[data-sentence-id="p4s2"]').hover();
    await expect(right.locator('[data-sentence-id="p4s2"]')).toHaveClass(/is-linked/);
  });

  test('any two documents can be compared from the reader', async ({ app }) => {
    await app.open('#/read/002');
    await expect(app.reader.title).toBeVisible();
    await app.page.getByTestId('compare-with').selectOption('003');
    await app.parallel.waitForRows();
    await expect(app.parallel.columnHeads).toContainText('Golden Phoenix');
    await expect(app.parallel.columnHeads).toContainText('Chengdu-Chongqing');
  });
});

test.describe('three columns', () => {
  test.use({ corpus: 'with-french' });

  test('an original with two translations reads in three aligned columns', async ({ app }) => {
    await app.library.waitForLoad();
    await expect(app.library.pairs.first().getByText('English original · 2 translations')).toBeVisible();
    await app.page.getByTestId('open-three').click();
    await app.parallel.waitForRows();
    await expect(app.parallel.columnHeads.locator('.lang-badge')).toHaveText(['EN', 'DE', 'FR']);
    const first = app.parallel.row(0);
    await expect(first.locator('.pcell')).toHaveCount(3);
    await expect(first.locator('.pcell').nth(2)).toContainText('CHONGQING, Chine, 22 déc. 2025');
    await first.locator('.pcell').first().hover();
    await expect(first.locator('.pcell.is-linked')).toHaveCount(3);
    await app.page.getByRole('link', { name: 'Edit EN–FR' }).click();
    await expect(app.parallel.columnHeads.locator('.lang-badge')).toHaveText(['EN', 'FR']);
  });
});

test.describe('stale alignment edits', () => {
  test.use({ corpus: 'with-french' });

  test('edits that no longer fit a changed document are set aside with a notice, and the view still opens', async ({ app }) => {
    const { appendFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.parallel.row(2).click();
    const before = await app.parallel.rowCount();
    await app.parallel.action('merge');
    await expect.poll(() => app.parallel.rowCount()).toBe(before - 1);
    // The edit is saved after the view shows it (Reset is offered once it is): a reload before that would lose it.
    await expect(app.page.getByRole('button', { name: 'Reset alignment' })).toBeEnabled();
    const merged = await app.parallel.rowCount();
    appendFileSync(join(app.corpusDir, '001_60f9e0f360a24205.txt'), '\nEin neuer Absatz, den es vorher nicht gab.\n');
    await app.page.reload();
    await app.parallel.waitForRows();
    await expect(app.page.getByRole('status').filter({ hasText: 'no longer fit the documents' })).toBeVisible();
    expect(await app.parallel.rowCount()).toBeGreaterThan(merged);
  });
});

test.describe('parallel reading position', () => {
  test('the parallel view reopens at the row you were on', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    for (let k = 0; k < 9; k++) await app.page.keyboard.press('j');
    await expect(app.parallel.activeRow).toHaveText(/^Row 10 of/);
    await app.page.waitForTimeout(1200);
    await app.open('#/');
    await app.library.waitForLoad();
    await app.library.pairs.first().getByTestId('open-parallel').click();
    await app.parallel.waitForRows();
    await expect(app.parallel.activeRow).toHaveText(/^Row 10 of/);
    await expect(app.parallel.row(9)).toBeInViewport();
  });
});

test.describe('parallel view: keyboard and review', () => {
  test('the command palette lists the view’s own actions, ranks whole words first, and leaves out what cannot run', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    expect(await app.parallel.paletteFor('swap')).toContain('Swap sides');
    expect(await app.parallel.paletteFor('merge')).toContain('Merge with the row below');
    expect(await app.parallel.paletteFor('unchecked')).toEqual(expect.arrayContaining(['Go to the next unchecked row', 'Show only unchecked rows']));
    expect(await app.parallel.paletteFor('differences')).toContain('Show the differences');
    expect(await app.parallel.paletteFor('scroll')).toContain('Scroll the two texts together');
    expect((await app.parallel.paletteFor('light'))[0]).toBe('Theme: light');
    expect(await app.parallel.paletteFor('highlight editor')).toEqual([]);
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('command-palette').waitFor({ state: 'detached' });
    // A palette command runs the same action as its key.
    expect(await app.parallel.paletteFor('swap sides')).toEqual(['Swap sides']);
    await app.page.keyboard.press('Enter');
    await expect(app.parallel.cell(0, 'left')).toHaveAttribute('lang', 'de');
  });

  test('? shows every shortcut from the command registry', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.page.keyboard.press('?');
    const overview = app.page.getByTestId('shortcuts');
    await expect(overview.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
    for (const [key, label] of <Array<[string, string]>>[['M', 'Merge with the row below'], ['U', 'Go to the next unchecked row'], ['H', 'Highlight the left sentences of this row'], ['Ctrl+F', 'Find in both texts'], ['Ctrl+K', 'Show all commands'], ['?', 'Show the keyboard shortcuts']]) {
      await expect(overview.locator('.shortcut').filter({ has: app.page.locator('dd', { hasText: label }) }).locator('kbd')).toHaveText(key);
    }
    await app.page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    await app.open('#/read/000');
    await expect(app.reader.title).toBeVisible();
    await app.page.keyboard.press('?');
    await expect(app.page.getByTestId('shortcuts').locator('dd', { hasText: 'Highlight the current paragraph' })).toBeVisible();
    await expect(app.page.getByTestId('shortcuts').locator('dd', { hasText: 'Merge with the row below' })).toHaveCount(0);
  });

  test('Ctrl+F finds in both columns, steps through the matches and brings each row into view', async ({ app }) => {
    test.slow();
    await app.page.setViewportSize({ width: 1280, height: 600 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.page.keyboard.press('Control+f');
    await app.page.getByTestId('find-input').fill('chongqing');
    const count = app.page.getByTestId('find-count');
    await expect(count).toHaveText(/^1 of \d+$/);
    const total = Number((await count.textContent())!.split(' of ')[1]);
    const columns = new Set<string>();
    for (let k = 0; k < total; k++) {
      await expect(count).toHaveText(`${k + 1} of ${total}`);
      await expect.poll(async () => (await app.reader.currentMatch())?.column ?? null).not.toBeNull();
      const match = (await app.reader.currentMatch())!;
      columns.add(match.column!);
      expect(match.top).toBeGreaterThan(0);
      expect(match.bottom).toBeLessThanOrEqual(600);
      await expect(app.page.locator('[data-testid="parallel-row"][aria-current="true"]')).toContainText(/chongqing/i);
      await app.page.getByTestId('find-input').press('Enter');
    }
    expect([...columns].sort()).toEqual(['left', 'right']);
    await expect(count).toHaveText(`1 of ${total}`);
    await app.page.getByTestId('find-input').press('Shift+Enter');
    await expect(count).toHaveText(`${total} of ${total}`);
  });

  test('H highlights the active row’s left sentences', async ({ app }) => {
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await app.page.keyboard.press('j');
    await expect(app.parallel.activeRow).toHaveText(/^Row 2 of/);
    await app.page.keyboard.press('h');
    await expect(app.parallel.cell(1, 'left').locator('mark.hl-yellow').first()).toBeVisible();
    await expect(app.parallel.cell(1, 'right').locator('mark')).toHaveCount(0);
    await expect(app.parallel.cell(0, 'left').locator('mark')).toHaveCount(0);
  });

  test('U goes to the next unchecked row, and the filter lists only unchecked rows; a checked row shows it plainly', async ({ app }) => {
    test.slow();
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const count = await app.parallel.rowCount();
    await app.page.keyboard.press('j');
    await app.page.keyboard.press('c');
    const mark = app.parallel.alignmentRow(1).locator('.prow-checked');
    await expect(mark).toBeVisible();
    expect((await mark.boundingBox())!.width).toBeGreaterThanOrEqual(18);
    await app.page.keyboard.press('k');
    await expect(app.parallel.activeRow).toHaveText(`Row 1 of ${count}`);
    await app.page.keyboard.press('u');
    await expect(app.parallel.activeRow).toHaveText(`Row 3 of ${count}`);
    await app.page.keyboard.press('Shift+U');
    await expect(app.parallel.actionButton('only-unchecked')).toHaveAttribute('aria-pressed', 'true');
    await expect(app.parallel.alignmentRow(1)).toHaveCount(0);
    await expect(app.parallel.alignmentRow(0)).toBeVisible();
    await expect(app.parallel.alignmentRow(2)).toBeVisible();
    // Checking a row while reviewing takes it off the list and moves on.
    await app.page.keyboard.press('c');
    await expect(app.parallel.alignmentRow(2)).toHaveCount(0);
    await expect(app.parallel.activeRow).toHaveText(`Row 4 of ${count}`);
    await app.parallel.action('only-unchecked');
    await expect(app.parallel.alignmentRow(1).locator('.prow-checked')).toBeVisible();
  });
});

test.describe('parallel view: layout', () => {
  test('scrolling apart is remembered, and the column heads line up with the text either way', async ({ app }) => {
    test.slow();
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    for (const column of ['left', 'right'] as const) {
      const { head, text } = await app.parallel.headAndTextLeft(column, true);
      expect(Math.abs(head - text)).toBeLessThanOrEqual(2);
    }
    await app.parallel.action('sync');
    await expect(app.page.getByTestId('free-pane-left')).toBeVisible();
    for (const column of ['left', 'right'] as const) {
      const { head, text } = await app.parallel.headAndTextLeft(column, false);
      expect(Math.abs(head - text)).toBeLessThanOrEqual(2);
    }
    await app.page.waitForTimeout(300);
    await app.page.reload();
    await expect(app.page.getByTestId('free-pane-left')).toBeVisible();
    await expect(app.parallel.actionButton('sync')).toHaveAttribute('aria-pressed', 'false');
    await app.parallel.action('sync');
    await app.parallel.waitForRows();
  });

  test('under 1200 px the differences fold into a badge that opens them, and the columns get the width', async ({ app }) => {
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    await expect(app.page.getByTestId('differences')).toBeHidden();
    const badge = app.parallel.actionButton('differences');
    await expect(badge).toHaveText('1 difference');
    const left = (await app.parallel.cell(0, 'left').boundingBox())!;
    expect(left.width).toBeGreaterThan(400);
    await badge.click();
    await expect(app.page.getByTestId('differences')).toBeVisible();
    await app.parallel.differences.first().click();
    await expect(app.parallel.activeRow).toHaveText(/^Row (\d+) of \1$/);
    await app.page.getByRole('button', { name: 'Close the differences' }).click();
    await expect(app.page.getByTestId('differences')).toBeHidden();
    await app.page.setViewportSize({ width: 1400, height: 700 });
    await expect(app.page.getByTestId('differences')).toBeVisible();
  });
});
