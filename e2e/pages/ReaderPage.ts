import type { Locator, Page } from '@playwright/test';

export class ReaderPage {
  readonly article: Locator;
  readonly title: Locator;
  readonly paragraphs: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByTestId('reader-article');
    this.title = this.article.getByRole('heading', { level: 1 });
    this.paragraphs = this.article.locator('[data-paragraph-id]:visible');
    this.message = page.getByTestId('message-screen');
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to the library' }).click();
  }

  async openSettings(): Promise<Locator> {
    await this.page.getByTestId('reading-settings').click();
    return this.page.getByRole('dialog', { name: 'Reading settings' });
  }

  async chooseTheme(name: 'Light' | 'Sepia' | 'Dark' | 'System'): Promise<void> {
    const panel = await this.openSettings();
    await panel.getByRole('button', { name }).click();
    await this.page.keyboard.press('Escape');
  }

  async largerText(times = 1): Promise<void> {
    const panel = await this.openSettings();
    for (let i = 0; i < times; i++) await panel.getByRole('button', { name: 'Larger text' }).click();
    await this.page.keyboard.press('Escape');
  }
}
