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

  /** The row listed for alignment row `index` (with a filter on, listed positions and row numbers differ). */
  alignmentRow(index: number): Locator {
    return this.page.locator(`[data-testid="parallel-row"][data-row="${index}"]`);
  }

  /** Opens the command palette, types a query, and returns the commands it lists, best first. */
  async paletteFor(query: string): Promise<string[]> {
    const palette = this.page.getByTestId('command-palette');
    if (!(await palette.isVisible())) await this.page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill(query);
    return palette.getByRole('option').locator('span').allTextContents();
  }

  /** The left edge of a column's head and of the text beneath it, in CSS pixels. */
  async headAndTextLeft(column: 'left' | 'right', synced: boolean): Promise<{ head: number; text: number }> {
    return this.page.evaluate(
      ({ column, synced }) => {
        const heads = synced ? document.querySelectorAll('.column-heads .lang-badge') : document.querySelectorAll(`[data-testid="free-pane-${column}"] .lang-badge`);
        const head = (synced ? heads[column === 'left' ? 0 : 1] : heads[0])!.getBoundingClientRect().left;
        const sentence = synced
          ? document.querySelector(`[data-testid="parallel-row"][data-index="0"] .pcell[data-column="${column}"] .sentence`)!
          : document.querySelector(`[data-testid="free-pane-${column}"] .sentence`)!;
        return { head, text: sentence.getBoundingClientRect().left };
      },
      { column, synced },
    );
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
