import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRange } from '../shared/annotations/anchoring';
import { openServices } from '../electron/services/handlers';
import { openStore } from '../electron/services/store';
import { expect, test } from './fixtures';

/**
 * Earlier runs of Facing: three notes made, backed up when the next run folded them into a snapshot,
 * then a fourth (and the reading position) in the journal only.
 */
async function earlierRuns(dataDir: string, corpusDir: string): Promise<void> {
  const run = async (notes: string[]) => {
    const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 1e9 });
    const { text } = await services.handlers['documents:get']({ id: '000' });
    for (const [i, note] of notes.entries()) {
      await services.handlers['annotations:create']({ documentId: '000', target: describeRange(text, 40 * i, 40 * i + 25), colour: 'green', tags: [], note });
    }
    await services.close();
  };
  await run(['First kept note', 'Second kept note', 'Third kept note']);
  await run([]);
  await run(['Fourth note, only in the journal']);
}

test.describe('recovery without the user (issue 12 item 2)', () => {
  // Earlier runs of the services come before the app starts.
  test.slow();
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        await earlierRuns(dataDir, corpusDir);
        // A sync tool's crash: the snapshot cut in half.
        const snapshot = join(dataDir, 'facing-store.json');
        const text = readFileSync(snapshot, 'utf8');
        writeFileSync(snapshot, text.slice(0, Math.floor(text.length / 2)));
      },
    },
  });

  test('a damaged snapshot is rebuilt from the backup and the journal; the notice says so and every note is there', async ({ app }) => {
    const notice = app.page.getByTestId('notices');
    await expect(notice).toContainText(/Recovered 3 annotations from the backup of \d\d:\d\d and \d changes made since; the damaged file is kept at .*facing-store\.unreadable-/);
    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(4);
    for (const note of ['First kept note', 'Second kept note', 'Third kept note', 'Fourth note, only in the journal']) await expect(app.hub.cards.filter({ hasText: note })).toHaveCount(1);

    await app.open('#/settings/backups');
    await expect(app.page.getByTestId('backup').first()).toContainText('4 annotations');
    await app.page.screenshot({ path: test.info().outputPath('backups.png') });

    // Restoring the earlier backup keeps the current store as a backup first, so the restore can be undone.
    const earlier = app.page.getByTestId('backup').filter({ hasText: '3 annotations' });
    await earlier.getByRole('button', { name: 'Restore this backup' }).click();
    await app.page.screenshot({ path: test.info().outputPath('backups-confirm.png') });
    await earlier.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(app.page.getByRole('status')).toContainText('restore it to undo this');
    await expect(app.page.getByTestId('backup').filter({ hasText: 'before restore' })).toContainText('4 annotations');
    await app.page.screenshot({ path: test.info().outputPath('backups-restored.png') });
    await app.open('#/annotations');
    await expect(app.hub.cards).toHaveCount(3);
  });
});

test.describe('a notice found after the start', () => {
  test.use({
    prepareData: {
      async run(dataDir, corpusDir) {
        const services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'e2e', warmAfterMs: 1e9 });
        const { text } = await services.handlers['documents:get']({ id: '000' });
        const kept = await services.handlers['annotations:create']({ documentId: '000', target: describeRange(text, 40, 65), colour: 'green', tags: [], note: 'Kept note' });
        await services.close();
        // One stored annotation damaged (a colour no version of Facing wrote): it is found only when its document's annotations are read.
        const store = await openStore(dataDir);
        const { anchor: _anchor, ...plain } = kept;
        const damaged = { ...plain, id: '0c0b3a1e-5f5d-4c57-9d0c-3a1c2e4b5f60', colour: 'plaid' };
        await store.commit([{ c: 'annotations', k: damaged.id, v: damaged }]);
        await store.compact();
        await store.close();
      },
    },
  });

  test('a damaged annotation found on first use (or while reading ahead) is shown in the notice bar', async ({ app }) => {
    await expect(app.page.getByTestId('document-row').first()).toBeVisible();
    await expect(app.page.getByTestId('notices')).toHaveCount(0);
    await app.open('#/read/000');
    await expect(app.page.getByTestId('notices')).toContainText(/One stored annotation was damaged/);
  });
});
