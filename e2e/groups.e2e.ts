import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRange } from '../shared/annotations/anchoring';
import type { Annotation } from '../shared/model/annotation';
import { openServices, type Services } from '../electron/services/handlers';
import { startCouch, type CouchServer } from '../electron/services/sync/pouchdb-server.fixture';
import { expect, test } from './fixtures';

// Reading groups: the hub filters by person, anyone's annotation can be replied to (threaded in the hub
// and in the highlight's popover), and other people's annotations are read-only until Settings allows.
const shots = process.env.FACING_SCREENSHOT_DIR;

/** An annotation someone else made, brought in as sync brings it (through an import, with its creator). */
async function fromSomeoneElse(services: Services, phrase: string, creator: string, extra: Partial<Annotation> = {}): Promise<Annotation> {
  const doc = await services.handlers['documents:get']({ id: '000' });
  const start = doc.text.indexOf(phrase);
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    documentId: '000',
    target: describeRange(doc.text, start, start + phrase.length),
    colour: 'green',
    tags: [],
    note: '',
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z',
    creator,
    ...extra,
  };
  await services.handlers['annotations:import']({ content: JSON.stringify({ format: 'facing-annotations', version: 1, exported: annotation.created, annotations: [annotation] }) });
  return annotation;
}

test.describe('reading groups', () => {
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
        // Kim syncs under "Kim"; sync is off here, so nothing is sent anywhere.
        await services.handlers['sync:set']({ url: 'http://127.0.0.1:5984', database: 'group', username: '', displayName: 'Kim', enabled: false });
        const doc = await services.handlers['documents:get']({ id: '000' });
        const start = doc.text.indexOf('angel funds');
        await services.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + 11), colour: 'yellow', tags: [], note: 'My own note' });
        await fromSomeoneElse(services, 'talent pool has expanded', 'Ana', { note: 'Is **15%** right?', tags: ['check'] });
        await fromSomeoneElse(services, 'Jinfeng Laboratory', 'Ben', { colour: 'blue', note: 'Ben’s question' });
        await services.close();
      },
    },
  });

  test('the hub filters by person, threads replies, and another’s annotation is read-only until Settings allows', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 860 });
    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(3);

    const person = page.getByTestId('person-filter');
    await expect(person.locator('option')).toHaveText(['Everyone', 'Me (1)', 'Ana (1)', 'Ben (1)']);
    await person.selectOption({ label: 'Ana (1)' });
    await expect(app.hub.cards).toHaveCount(1);
    await expect(app.hub.cards.first()).toContainText('by Ana');
    await expect(app.hub.cards.first()).toContainText('Is 15% right?');
    // Combined with the other filters: Ana made no blue highlight.
    await page.getByRole('button', { name: 'Only blue' }).click();
    await expect(app.hub.cards).toHaveCount(0);
    await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Only blue' }).click();
    await expect(app.hub.cards).toHaveCount(1);

    // Reply to Ana's note from the hub: the reply appears under it, as mine.
    const thread = page.getByTestId('hub-thread').first();
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByLabel('Your reply').fill('Yes: the report says **15.2%**.');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread.getByTestId('reply')).toHaveCount(1);
    await expect(thread.getByTestId('reply')).toContainText('Me');
    await expect(thread.getByTestId('reply')).toContainText('Yes: the report says 15.2%.');
    await expect(app.hub.cards.first()).toContainText('1 reply');
    // "Me" now also finds Ana's note, through my reply under it.
    await person.selectOption({ label: 'Me (2)' });
    await expect(app.hub.cards).toHaveCount(2);
    await person.selectOption({ label: 'Everyone' });
    await expect(app.hub.cards).toHaveCount(3);
    await expect(page.getByRole('tab', { name: /^All/ })).toHaveText('All 3');
    if (shots) await page.screenshot({ path: join(shots, 'groups-hub.png') });
    await page.screenshot({ path: test.info().outputPath('groups-hub.png') });
    await person.selectOption({ label: 'Ana (1)' });
    await expect(app.hub.cards).toHaveCount(1);
    if (shots) await page.screenshot({ path: join(shots, 'groups-hub-filtered.png') });
    await person.selectOption({ label: 'Everyone' });

    // Ana's highlight in the reader: read with its thread, replied to, not changed.
    await app.hub.cards.filter({ hasText: 'by Ana' }).click();
    const editor = app.annotations.editor;
    await expect(editor).toBeVisible();
    await expect(editor.getByTestId('read-only-reason')).toHaveText(/Made by Ana: you can read it and reply\. To change it, turn on “Let me edit other people’s annotations” in Settings → Sync\./);
    await expect(editor.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await expect(editor.getByLabel('Note', { exact: true })).toHaveCount(0);
    await expect(editor.getByRole('group', { name: /colour/i })).toHaveCount(0);
    await expect(editor.getByTestId('reply')).toHaveCount(1);
    await editor.getByLabel('Your reply').fill('And the German says 15%.');
    await editor.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(editor.getByTestId('reply')).toHaveCount(2);
    await expect(editor.getByTestId('reply').nth(1)).toContainText('And the German says 15%.');
    if (shots) await page.screenshot({ path: join(shots, 'groups-popover.png') });
    await page.screenshot({ path: test.info().outputPath('groups-popover.png') });
    // A reply is not a highlight of its own; the notes panel counts the replies.
    await expect(page.locator('mark[data-annotation-ids]')).toHaveCount(3);
    await editor.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('toggle-notes').click();
    const notes = page.getByTestId('notes-panel').getByTestId('note-card');
    await expect(notes).toHaveCount(3);
    await expect(notes.filter({ hasText: 'talent pool' }).getByTestId('note-person')).toHaveText('by Ana · 2 replies');
    await expect(notes.filter({ hasText: 'angel funds' }).getByTestId('note-person')).toHaveCount(0);

    // Settings → Sync: let me edit other people's annotations.
    await app.open('#/settings/sync');
    await page.getByTestId('edit-others').check();
    await app.open('#/annotations');
    await app.hub.cards.filter({ hasText: 'by Ana' }).click();
    await expect(editor).toBeVisible();
    await expect(editor.getByTestId('read-only-reason')).toHaveCount(0);
    await expect(editor.getByTestId('editor-person')).toHaveText('by Ana');
    await editor.getByLabel('Note', { exact: true }).fill('Is 15% right? Yes.');
    await editor.getByRole('button', { name: 'Done' }).click();
    await app.open('#/annotations');
    await expect(app.hub.cards.filter({ hasText: 'by Ana' })).toContainText('Is 15% right? Yes.');
  });
});

test.describe('reading groups through a real CouchDB server', () => {
  test.skip(({ shell }) => shell !== 'web', 'The web shell runs the same services; one shell is enough for a server round trip.');
  let couch: CouchServer;
  test.beforeAll(async () => {
    couch = await startCouch();
  });
  test.afterAll(async () => {
    await couch.dispose();
  });
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
        await services.handlers['sync:set']({ url: couch.url, database: 'group-e2e', username: '', displayName: 'Ana', enabled: true, password: '' });
        await services.close();
      },
    },
  });

  test('a reply made here appears under the annotation on the other computer, and theirs under it here', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1200, height: 860 });
    const otherDir = mkdtempSync(join(tmpdir(), 'facing-e2e-b-'));
    const other = await openServices({ dataDir: otherDir, corpusDir: app.corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 60_000 });
    try {
      await other.handlers['sync:set']({ url: couch.url, database: 'group-e2e', username: '', displayName: 'Ben', enabled: true, password: '' });
      const doc = await other.handlers['documents:get']({ id: '000' });
      const start = doc.text.indexOf('talent pool has expanded');
      const note = await other.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + 24), colour: 'pink', tags: [], note: 'Ben asks: is 15% right?' });
      await app.open('#/annotations');
      await expect(app.hub.cards).toHaveCount(1, { timeout: 20_000 });
      await expect(app.hub.cards.first()).toContainText('by Ben');

      const thread = page.getByTestId('hub-thread').first();
      await thread.getByRole('button', { name: 'Reply', exact: true }).click();
      await thread.getByLabel('Your reply').fill('Ana answers: yes.');
      await thread.getByRole('button', { name: 'Reply', exact: true }).click();
      await expect(thread.getByTestId('reply')).toHaveCount(1);
      await expect.poll(async () => (await other.handlers['annotations:list']({})).filter((a) => a.replyTo === note.id).map((a) => [a.creator, a.note]), { timeout: 20_000 }).toEqual([['Ana', 'Ana answers: yes.']]);

      await other.handlers['annotations:reply']({ to: note.id, note: 'Ben: thanks!' });
      await expect(thread.getByTestId('reply')).toHaveCount(2, { timeout: 20_000 });
      await expect(thread.getByTestId('reply').nth(1)).toContainText('Ben');
      await expect(thread.getByTestId('reply').nth(1)).toContainText('Ben: thanks!');
      await expect(app.hub.cards).toHaveCount(1);
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
