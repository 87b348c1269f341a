import { expect, type Locator, type Page } from '@playwright/test';

/** Selecting text and working with the highlight menu and editor, wherever document text is shown. */
export class AnnotationsUi {
  readonly editor: Locator;
  readonly menu: Locator;
  readonly toast: Locator;
  /** The list of highlights at a place covered by several. */
  readonly chooser: Locator;
  /** The question asked before a link from a note opens. */
  readonly linkConfirm: Locator;

  constructor(readonly page: Page) {
    this.chooser = page.getByTestId('highlight-chooser');
    this.linkConfirm = page.getByTestId('link-confirm');
    this.editor = page.getByTestId('annotation-editor');
    this.menu = page.getByTestId('selection-menu');
    this.toast = page.getByTestId('toast');
  }

  /** Drags the mouse across `phrase` inside `within`, as a person selects text. */
  async select(within: Locator, phrase: string): Promise<void> {
    // As a person does: wait for the text to be there (a document just asked for may still be replacing the one before).
    await expect(within).toContainText(phrase);
    const points = await within.evaluate(async (root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let text = '';
      const nodes: Array<{ node: Text; from: number }> = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push({ node, from: text.length });
        text += node.data;
      }
      const at = text.indexOf(wanted);
      if (at < 0) throw new Error(`"${wanted}" is not on screen`);
      const locate = (offset: number) => {
        const hit = [...nodes].reverse().find((n) => n.from <= offset)!;
        return { node: hit.node, offset: offset - hit.from };
      };
      const box = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        return range.getBoundingClientRect();
      };
      // Centre the phrase first, so the drag neither starts off screen nor scrolls the page, and let
      // layout settle (virtualised lists measure rows after a scroll).
      locate(at).node.parentElement!.scrollIntoView({ block: 'center' });
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const first = box(at);
      const last = box(at + wanted.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }, phrase);
    await this.page.mouse.move(points.x1, points.y1);
    await this.page.mouse.down();
    await this.page.mouse.move(points.x2, points.y2, { steps: 8 });
    await this.page.mouse.up();
  }

  async highlight(within: Locator, phrase: string, colour = 'yellow'): Promise<void> {
    await this.select(within, phrase);
    await this.menu.getByRole('button', { name: `Highlight ${colour}` }).click();
    await this.editor.waitFor();
  }

  async addTags(...tags: string[]): Promise<void> {
    for (const tag of tags) {
      await this.editor.getByLabel('Add a tag').fill(tag);
      await this.editor.getByLabel('Add a tag').press('Enter');
    }
  }

  async writeNote(note: string): Promise<void> {
    await this.editor.getByLabel('Note').fill(note);
  }

  async done(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Done' }).click();
    await this.editor.waitFor({ state: 'hidden' });
  }

  mark(text: string): Locator {
    return this.page.locator('mark.hl', { hasText: text });
  }
}
