import type { Download, Locator, Page } from '@playwright/test';

export class HubPage {
  readonly cards: Locator;
  readonly status: Locator;
  readonly tagRows: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId('hub-list').getByTestId('note-card');
    this.status = page.getByTestId('hub-status');
    this.tagRows = page.getByTestId('tag-row');
  }

  async tab(name: 'All' | 'Orphans' | 'Tags'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async filterByTag(tag: string): Promise<void> {
    await this.page.getByLabel('Tag', { exact: true }).selectOption(tag);
  }

  async export(format: 'markdown' | 'csv' | 'json' | 'w3c'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`export-${format}`).click()]);
    return download;
  }

  async import(path: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(path);
  }
}
