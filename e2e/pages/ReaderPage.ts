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

  /** The first paragraph on screen below the toolbar, and where its top is relative to that line. */
  async topParagraph(): Promise<{ id: string; top: number }> {
    return this.page.evaluate(() => {
      const line = document.querySelector('.reader-toolbar')!.getBoundingClientRect().bottom;
      for (const p of document.querySelectorAll<HTMLElement>('.document-body [data-paragraph-id]')) {
        if (p.getClientRects().length === 0) continue;
        const box = p.getBoundingClientRect();
        if (box.bottom > line + 1) return { id: p.dataset.paragraphId!, top: Math.round(box.top - line) };
      }
      return { id: '', top: 0 };
    });
  }

  /** Where the current find match is on screen, and the bottom edge of the find bar. */
  async currentMatch(): Promise<{ top: number; bottom: number; bar: number; column?: string } | null> {
    return this.page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('find-current');
      const range = highlight ? [...highlight][0] : undefined;
      if (!range) return null;
      const box = range.getBoundingClientRect();
      const column = range.startContainer.parentElement?.closest<HTMLElement>('[data-column]')?.dataset.column;
      return { top: box.top, bottom: box.bottom, bar: document.querySelector('.find-bar')!.getBoundingClientRect().bottom, column };
    });
  }

  async largerText(times = 1): Promise<void> {
    const panel = await this.openSettings();
    for (let i = 0; i < times; i++) await panel.getByRole('button', { name: 'Larger text' }).click();
    await this.page.keyboard.press('Escape');
  }
}
