import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly titleFilter: Locator;
  readonly items: Locator;
  readonly pairs: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.titleFilter = page.getByTestId('title-filter');
    this.items = page.getByTestId('library-list').locator(':scope > li');
    this.pairs = page.getByTestId('library-pair');
    this.rows = page.getByTestId('document-row');
  }

  row(documentId: string): Locator {
    return this.page.locator(`[data-testid="document-row"][data-document-id="${documentId}"]`);
  }

  async waitForLoad(): Promise<void> {
    await this.rows.first().waitFor();
  }

  async open(title: string | RegExp): Promise<void> {
    // In the list itself: "Continue reading" may name the same document above it.
    await this.page.getByTestId('library-list').getByRole('link', { name: title }).click();
  }

  async filterByTitle(text: string): Promise<void> {
    await this.titleFilter.fill(text);
  }

  async filterByLanguage(name: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: new RegExp(`^${name}`) }).click();
  }
}
