import type { Locator, Page } from '@playwright/test';

export class ParallelPage {
  readonly rows: Locator;
  readonly differences: Locator;
  readonly activeRow: Locator;
  readonly columnHeads: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('parallel-row');
    this.differences = page.getByTestId('difference');
    this.activeRow = page.getByTestId('active-row');
    this.columnHeads = page.getByTestId('column-heads');
  }

  row(index: number): Locator {
    return this.page.locator(`[data-testid="parallel-row"][data-index="${index}"]`);
  }

  cell(index: number, column: 'left' | 'right'): Locator {
    return this.row(index).locator(`.pcell[data-column="${column}"]`);
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor();
  }

  async action(id: string): Promise<void> {
    await this.page.locator(`button[data-action="${id}"]`).click();
  }

  actionButton(id: string): Locator {
    return this.page.locator(`button[data-action="${id}"]`);
  }

  /** How many rows the alignment has (the view renders only those near the viewport). */
  async rowCount(): Promise<number> {
    return Number(/of (\d+)/.exec((await this.activeRow.textContent()) ?? '')?.[1]);
  }

  /**
   * Every row as "left | right" sentence ids (with "¶" before a row that starts a paragraph group),
   * scrolling through the virtualised list to see them all.
   */
  async allRows(): Promise<string[]> {
    return this.page.getByTestId('parallel-rows').evaluate(async (scroller) => {
      const seen = new Map<number, string>();
      const collect = () => {
        for (const row of scroller.querySelectorAll('[data-testid="parallel-row"]')) {
          const cells = [...row.querySelectorAll('.pcell')].map((cell) => [...cell.querySelectorAll('[data-sentence-id]')].map((s) => s.getAttribute('data-sentence-id')).join(','));
          seen.set(Number(row.getAttribute('data-index')), `${row.classList.contains('starts-paragraph') ? '¶ ' : ''}${cells.join(' | ')}`);
        }
      };
      for (let top = 0; top <= scroller.scrollHeight; top += scroller.clientHeight / 2) {
        scroller.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        collect();
      }
      scroller.scrollTop = 0;
      return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, shape]) => shape);
    });
  }
}
