import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test.describe('annotations', () => {
  test('highlight a passage with two tags and a Markdown note; it is there after a reload', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'pivotal link bridging the talent chain', 'green');
    await ui.addTags('finance', 'chains');
    await ui.writeNote('The **four chains**: talent, innovation, industry, resources.');
    await ui.done();
    await expect(ui.mark('pivotal link')).toHaveClass(/hl-green/);

    await app.page.reload();
    await expect(ui.mark('pivotal link bridging the talent chain')).toBeVisible();
    await app.page.getByTestId('toggle-notes').click();
    const card = app.page.getByTestId('notes-panel').getByTestId('note-card');
    await expect(card).toHaveCount(1);
    await expect(card.locator('.tag-chip')).toHaveText(['finance', 'chains']);
    await expect(card.locator('.note-body strong')).toHaveText('four chains');

    // Clicking the highlight reopens it; deleting asks nothing and can be undone.
    await ui.mark('pivotal link').first().click();
    await ui.editor.getByRole('button', { name: 'Delete' }).click();
    await expect(ui.mark('pivotal link')).toHaveCount(0);
    await expect(ui.toast).toContainText('Deleted a highlight');
    await ui.toast.getByRole('button', { name: 'Undo' }).click();
    await expect(ui.mark('pivotal link bridging the talent chain')).toBeVisible();
  });

  test('overlapping highlights render as runs of both', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'talent chain, innovation chain', 'yellow');
    await ui.done();
    await ui.highlight(app.reader.article, 'innovation chain, industrial chain', 'blue');
    await ui.done();
    await expect(app.page.locator('mark.hl-overlap')).toHaveText('innovation chain');
    await expect(app.page.locator('mark.hl-yellow', { hasText: 'talent chain, ' })).toBeVisible();
    await expect(app.page.locator('mark.hl-blue', { hasText: ', industrial chain' })).toBeVisible();
  });

  test('a highlight wholly inside a newer one keeps its colour and is reached from a list of the highlights there', async ({ app }, testInfo) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'innovation chain', 'yellow');
    await ui.done();
    await ui.highlight(app.reader.article, 'talent chain, innovation chain, industrial chain', 'blue');
    await ui.done();

    // Both colours show where they overlap (yellow #fde68a and blue #bfdbfe), not just the newer one.
    const inner = app.page.locator('mark.hl-overlap');
    await expect(inner).toHaveText('innovation chain');
    const background = await inner.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(background).toContain('rgb(253, 230, 138)');
    expect(background).toContain('rgb(191, 219, 254)');
    await app.page.mouse.move(0, 0);
    await inner.screenshot({ path: testInfo.outputPath('overlap-run.png') });

    // Clicking there lists both; the keyboard reaches either.
    await inner.click();
    await expect(ui.chooser).toContainText('2 highlights here');
    await expect(ui.chooser.getByRole('button')).toHaveCount(2);
    await app.page.screenshot({ path: testInfo.outputPath('overlap-chooser.png') });
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Enter');
    await expect(ui.editor.locator('.editor-quote')).toHaveText('“innovation chain”');
    await ui.done();

    await inner.click();
    await ui.chooser.getByRole('button', { name: /Blue/ }).click();
    await expect(ui.editor.locator('.editor-quote')).toHaveText('“talent chain, innovation chain, industrial chain”');
    await ui.done();
    // Where only one covers the text, a click opens it at once.
    await app.page.locator('mark.hl-blue', { hasText: 'talent chain, ' }).first().click();
    await expect(ui.chooser).toHaveCount(0);
    await expect(ui.editor.locator('.editor-quote')).toHaveText('“talent chain, innovation chain, industrial chain”');
  });

  test('a link in a note opens only after the person agrees', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds');
    await ui.writeNote('See [the report](https://example.org/report).');
    await ui.editor.getByRole('tab', { name: 'Preview' }).click();
    await app.page.context().route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Report</title>' }));
    const opened: string[] = [];
    app.page.context().on('page', (page) => opened.push(page.url()));
    await ui.editor.locator('.note-preview a').click();
    await expect(ui.linkConfirm).toBeVisible();
    await expect(ui.linkConfirm).toContainText('https://example.org/report');
    await ui.linkConfirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(ui.linkConfirm).toBeHidden();
    await ui.editor.locator('.note-preview a').click({ modifiers: ['Control'] });
    await expect(ui.linkConfirm).toBeVisible();
    expect(opened).toEqual([]);
    const [popup] = await Promise.all([app.page.context().waitForEvent('page'), ui.linkConfirm.getByRole('button', { name: 'Open in browser' }).click()]);
    await popup.waitForURL('https://example.org/report');
    expect(opened).toHaveLength(1);
  });

  test('a note with script or javascript: links renders inert', async ({ app }) => {
    const ui = app.annotations;
    const alerts: string[] = [];
    app.page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds');
    await ui.writeNote('<script>alert("x")</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) [ok](https://example.org)');
    await ui.editor.getByRole('tab', { name: 'Preview' }).click();
    const preview = ui.editor.locator('.note-preview');
    await expect(preview).toContainText('<script>alert("x")</script>');
    await expect(preview.locator('script, img')).toHaveCount(0);
    await expect(preview.locator('a')).toHaveCount(1);
    await expect(preview.locator('a')).toHaveAttribute('href', 'https://example.org');
    await ui.done();
    expect(alerts).toEqual([]);
  });

  test('highlight in the German column of the parallel view, marked on the English side, copied back', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const german = app.parallel.cell(1, 'right');
    await ui.highlight(german, 'Start-ups im Bereich Wissenschaft und Technologie', 'pink');
    await ui.addTags('startups');
    await ui.done();
    await expect(german.locator('mark.hl-pink')).toHaveText('Start-ups im Bereich Wissenschaft und Technologie');
    await expect(app.parallel.cell(1, 'left').locator('.cross-marker')).toHaveText('annotated in German');

    await german.locator('mark.hl-pink').click();
    await ui.editor.getByTestId('copy-to-counterpart').click();
    await expect(app.parallel.cell(1, 'left').locator('mark.hl-pink')).toContainText('The event marked a new phase');
    await expect(app.parallel.cell(1, 'left').locator('.cross-marker')).toHaveCount(0);

    await app.open('#/read/001');
    await expect(ui.mark('Start-ups im Bereich')).toBeVisible();
  });

  test('"Copy to EN" right after typing a note copies the note too', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/parallel/000/001');
    await app.parallel.waitForRows();
    const german = app.parallel.cell(1, 'right');
    await ui.highlight(german, 'Start-ups im Bereich Wissenschaft und Technologie', 'green');
    await ui.writeNote('Typed and copied at once');
    await ui.editor.getByTestId('copy-to-counterpart').click();
    const copy = app.parallel.cell(1, 'left').locator('mark.hl-green');
    await expect(copy).toContainText('The event marked a new phase');
    await copy.first().click();
    await expect(ui.editor.getByLabel('Note')).toHaveValue('Typed and copied at once');
  });

  test('importing an older export keeps newer edits and says how many were skipped', async ({ app }, testInfo) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds', 'yellow');
    await ui.addTags('labs');
    await ui.done();
    await ui.highlight(app.reader.article, 'Jinfeng Laboratory', 'purple');
    await ui.addTags('labs');
    await ui.done();

    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(2);
    const earlier = testInfo.outputPath('earlier.json');
    await (await app.hub.export('json')).saveAs(earlier);
    await app.hub.tab('Tags');
    await app.hub.tagRows.filter({ hasText: 'labs' }).getByRole('button', { name: 'Rename or merge' }).click();
    await app.page.getByLabel('New name for labs').fill('laboratories');
    await app.page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(app.hub.tagRows.filter({ hasText: 'laboratories' })).toHaveCount(1);

    await app.hub.import(earlier);
    await expect(app.hub.status).toContainText('0 new, 0 updated, 0 already here; 2 skipped: your copy is newer');
    await expect(app.hub.tagRows.filter({ hasText: 'laboratories' })).toContainText('2');
    await expect(app.hub.tagRows.filter({ hasText: /^labs/ })).toHaveCount(0);
    await app.page.screenshot({ path: testInfo.outputPath('hub-import-skipped.png') });
  });

  test('tags entered one after another before the first is saved are all kept', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds', 'yellow');
    // Each save takes a while, as on a busy computer: the next tag is entered before the last is back.
    await app.page.route(/annotations%3Aupdate/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await ui.addTags('labs', 'research', 'seed');
    await expect(ui.editor.getByTestId('tag-chip')).toHaveText(['labs×', 'research×', 'seed×'].map((t) => new RegExp(`^${t.slice(0, -1)}`)));
    await ui.editor.getByLabel('Add a tag').press('Backspace');
    await expect(ui.editor.getByTestId('tag-chip')).toHaveCount(2);
    await app.page.unroute(/annotations%3Aupdate/);
    await ui.done();
    await app.open('#/annotations');
    await expect(app.hub.cards.first()).toContainText('labs');
    await expect(app.hub.cards.first()).toContainText('research');
    await expect(app.hub.cards.first()).not.toContainText('seed');
  });

  test('hub: filter by tag, rename a tag, undo; export Markdown and W3C, wipe, import, everything back', async ({ app }, testInfo) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds', 'yellow');
    await ui.addTags('finance');
    await ui.writeNote('Seed money.');
    await ui.done();
    await ui.highlight(app.reader.article, 'Jinfeng Laboratory', 'purple');
    await ui.addTags('labs', 'research');
    await ui.done();

    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(2);
    await app.hub.filterByTag('labs');
    await expect(app.hub.cards).toHaveCount(1);
    await expect(app.hub.cards.first()).toContainText('Jinfeng Laboratory');
    await app.hub.filterByTag('');

    await app.hub.tab('Tags');
    await expect(app.hub.tagRows).toHaveCount(3);
    const labs = app.hub.tagRows.filter({ hasText: 'labs' });
    await labs.getByRole('button', { name: 'Rename or merge' }).click();
    await app.page.getByLabel('New name for labs').fill('laboratories');
    await app.page.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(app.hub.tagRows.filter({ hasText: 'laboratories' })).toHaveCount(1);
    await expect(app.hub.tagRows.filter({ hasText: /^labs/ })).toHaveCount(0);
    await app.page.keyboard.press('Control+z');
    await expect(app.hub.tagRows.filter({ hasText: 'labs' })).toHaveCount(1);
    await expect(app.hub.tagRows.filter({ hasText: 'laboratories' })).toHaveCount(0);

    await app.hub.tab('All');
    const before = await app.hub.cards.allInnerTexts();
    const markdown = await app.hub.export('markdown');
    const markdownText = readFileSync(await markdown.path(), 'utf8');
    expect(markdownText).toContain('> angel funds');
    expect(markdownText).toContain('Purple · #labs #research');
    const w3c = await app.hub.export('w3c');
    const w3cPath = testInfo.outputPath('annotations.jsonld');
    await w3c.saveAs(w3cPath);
    expect(JSON.parse(readFileSync(w3cPath, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    // Wipe: delete both highlights from the reader.
    await app.open('#/read/000');
    for (const phrase of ['angel funds', 'Jinfeng Laboratory']) {
      await ui.mark(phrase).click();
      await ui.editor.getByRole('button', { name: 'Delete' }).click();
    }
    await expect(app.page.locator('mark.hl')).toHaveCount(0);

    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(0);
    await app.hub.import(w3cPath);
    await expect(app.hub.status).toContainText('2 new, 0 updated, 0 already here');
    await expect(app.hub.cards).toHaveCount(2);
    expect(await app.hub.cards.allInnerTexts()).toEqual(before);

    await app.hub.cards.filter({ hasText: 'Jinfeng' }).click();
    await expect(ui.editor).toContainText('Jinfeng Laboratory');
  });

  test('a bad import file is refused with a clear message and changes nothing', async ({ app }, testInfo) => {
    await app.open('#/annotations');
    const bad = testInfo.outputPath('bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{"format":"facing-annotations","version":1,"annotations":[{"id":"nope"}]}');
    await app.hub.import(bad);
    await expect(app.hub.status).toContainText('was not imported: Entry 1 is not a valid annotation');
    await expect(app.hub.cards).toHaveCount(0);
  });
});

test.describe('drafts', () => {
  test('note text typed just before a crash comes back when the highlight is reopened', async ({ app }) => {
    const ui = app.annotations;
    await app.open('#/read/000');
    await ui.highlight(app.reader.article, 'angel funds');
    await ui.done();
    await ui.mark('angel funds').click();
    // Type, then "crash" before the save reaches the store (on a busy machine the debounced save may
    // otherwise land first; in the browser shell, hold it back for certain).
    await app.page.route((url) => url.pathname.endsWith('/api/annotations%3Aupdate'), (route) => route.abort());
    await ui.editor.getByLabel('Note').pressSequentially('Typed just before the crash', { delay: 0 });
    await app.page.evaluate(() => location.reload());
    await ui.mark('angel funds').click();
    await expect(ui.editor.getByLabel('Note')).toHaveValue('Typed just before the crash');
    await expect(ui.editor).toContainText('Restored note text that had not been saved yet.');
  });
});

test.describe('a hub of many highlights', () => {
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const { openServices } = await import('../electron/services/handlers');
        const { describeRange } = await import('../shared/annotations/anchoring');
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
        const doc = await services.handlers['documents:get']({ id: '000' });
        const at = '2026-11-30T10:00:00.000Z';
        // Words of the document, some highlighted twice (it has fewer than 450).
        const words = [...doc.text.matchAll(/\p{L}{3,}/gu)];
        const annotations = Array.from({ length: 450 }, (_, k) => words[k % words.length]!).map((word, k) => ({
          id: crypto.randomUUID(),
          documentId: '000',
          target: describeRange(doc.text, word.index, word.index + word[0].length),
          colour: k === 449 ? 'blue' : 'yellow',
          tags: [],
          note: `Note ${k}`,
          created: at,
          modified: at,
        }));
        await services.handlers['annotations:import']({ content: JSON.stringify({ format: 'facing-annotations', version: 1, exported: at, annotations }) });
        await services.close();
      },
    },
  });

  test('shows 200 at a time, says how many there are, and starts again from the first page when filtered', async ({ app }) => {
    const { page, hub } = app;
    await app.open('#/annotations');
    await expect(hub.cards).toHaveCount(200);
    await expect(page.getByTestId('hub-shown')).toHaveText('Showing 200 of 450');
    await page.getByTestId('hub-show-more').click();
    await expect(hub.cards).toHaveCount(400);
    await expect(page.getByTestId('hub-show-more')).toHaveText('Show 50 more');
    await page.getByTestId('hub-show-more').click();
    await expect(hub.cards).toHaveCount(450);
    await expect(page.getByTestId('hub-show-more')).toHaveCount(0);
    await page.getByRole('button', { name: 'Only blue' }).click();
    await expect(hub.cards).toHaveCount(1);
    await page.getByRole('button', { name: 'Only blue' }).click();
    await expect(hub.cards).toHaveCount(200);
  });
});
