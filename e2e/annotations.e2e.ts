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
    await expect(app.parallel.cell(1, 'left').locator('.cross-marker')).toHaveText('annotated in DE');

    await german.locator('mark.hl-pink').click();
    await ui.editor.getByTestId('copy-to-counterpart').click();
    await expect(app.parallel.cell(1, 'left').locator('mark.hl-pink')).toContainText('The event marked a new phase');
    await expect(app.parallel.cell(1, 'left').locator('.cross-marker')).toHaveCount(0);

    await app.open('#/read/001');
    await expect(ui.mark('Start-ups im Bereich')).toBeVisible();
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
    // Type, then "crash" at once: reload before the debounced save can happen.
    await ui.editor.getByLabel('Note').pressSequentially('Typed just before the crash', { delay: 0 });
    await app.page.evaluate(() => location.reload());
    await ui.mark('angel funds').click();
    await expect(ui.editor.getByLabel('Note')).toHaveValue('Typed just before the crash');
    await expect(ui.editor).toContainText('Restored note text that had not been saved yet.');
  });
});
