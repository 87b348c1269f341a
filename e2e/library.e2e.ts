import { expect, test } from './fixtures';

test.describe('library', () => {
  test('lists the five bundled documents', async ({ app }) => {
    await app.library.waitForLoad();
    await expect(app.library.rows).toHaveCount(5);
    await expect(app.page).toHaveTitle('Facing');
  });

  test('shows the English/German press release as one pair', async ({ app }) => {
    await app.library.waitForLoad();
    await expect(app.library.pairs).toHaveCount(1);
    const pair = app.library.pairs.first();
    await expect(pair.getByTestId('document-row')).toHaveCount(2);
    await expect(pair.getByText('English original · 1 translation')).toBeVisible();
    await expect(pair.locator('[data-document-id="000"]')).toContainText('EN');
    await expect(pair.locator('[data-document-id="001"]')).toContainText('DE');
    await expect(app.library.items).toHaveCount(4);
  });

  test('filters by title and by language', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.filterByTitle('golden PHOENIX');
    await expect(app.library.rows).toHaveCount(1);
    await expect(app.library.rows.first()).toContainText('Golden Phoenix');

    await app.library.filterByTitle('no such title');
    await expect(app.library.rows).toHaveCount(0);
    await expect(app.page.getByText('No document matches “no such title”.')).toBeVisible();
    await app.page.getByRole('button', { name: 'Show all documents' }).click();
    await expect(app.library.rows).toHaveCount(5);

    await app.library.filterByLanguage('German');
    // The German translation keeps its English original beside it.
    await expect(app.library.items).toHaveCount(1);
    await expect(app.library.pairs).toHaveCount(1);
  });
});
