import { expect, test } from './fixtures';

test.describe('reader', () => {
  test('opens a document and shows its paragraphs', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.open('Chongqing High-tech Zone launches tech-finance alliance branch');
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await expect(app.reader.paragraphs).toHaveCount(9);
    await expect(app.reader.paragraphs.first()).toContainText('CHONGQING, China, Dec. 22, 2025');
    await expect(app.reader.paragraphs.last()).toHaveText('Source: Chongqing High-tech Industrial Development Zone');
    await expect(app.page).toHaveTitle('Chongqing High-tech Zone launches tech-finance alliance branch — Facing');
  });

  test('keeps site boilerplate folded away but reachable', async ({ app }) => {
    await app.open('#/read/003');
    await expect(app.reader.title).toContainText('Chengdu-Chongqing Economic Circle');
    const footer = app.page.locator('details.boilerplate-group');
    await expect(footer).toHaveCount(2);
    await expect(app.page.getByText('By continuing to browse our site')).toBeHidden();
    await footer.last().locator('summary').click();
    await expect(app.page.getByText('By continuing to browse our site')).toBeVisible();
  });

  test('goes back and forward between library, document and its translation', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.open(/^Chongqing High-tech Zone/);
    await expect(app.reader.title).toBeVisible();
    await app.page.getByRole('link', { name: 'German' }).click();
    await expect(app.reader.title).toHaveText('Hightech-Zone Chongqing startet Zweigstelle der Tech-Finanz-Allianz');
    await expect(app.reader.article).toHaveAttribute('lang', 'de');
    await app.page.goBack();
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await app.page.goBack();
    await expect(app.library.rows).toHaveCount(5);
    await app.page.goForward();
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await app.reader.backToLibrary();
    await expect(app.library.rows).toHaveCount(5);
  });

  test('shows a clear error page for an unknown document id', async ({ app }) => {
    await app.library.waitForLoad();
    await app.open('#/read/no-such-document');
    await expect(app.reader.message).toContainText('Document not found');
    await expect(app.reader.message).toContainText('There is no document with the id "no-such-document".');
    await app.reader.message.getByRole('link', { name: 'Back to the library' }).click();
    await expect(app.library.rows).toHaveCount(5);
  });

  test('refuses a malformed id with a clear message', async ({ app }) => {
    await app.library.waitForLoad();
    await app.open('#/read/..%2F..%2Fetc%2Fpasswd');
    await expect(app.reader.message).toContainText('cannot be opened');
    await expect(app.reader.message).toContainText('malformed');
  });

  test('reading settings apply at once and persist after a reload', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.title).toBeVisible();
    await app.reader.chooseTheme('Sepia');
    await app.reader.largerText(2);
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    const size = () => app.reader.paragraphs.first().evaluate((p) => getComputedStyle(p).fontSize);
    await expect.poll(size).toBe('21px');
    await app.page.reload();
    await expect(app.reader.title).toBeVisible();
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expect.poll(size).toBe('21px');
  });
});
