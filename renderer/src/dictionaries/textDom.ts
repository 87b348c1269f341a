/**
 * Small DOM helpers over document text as the app renders it: runs carrying data-start/data-end
 * (their offsets in the document's text), each holding one text node.
 */

type HighlightRegistry = Map<string, unknown>;
const registry = () => (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
const HighlightClass = () => (window as unknown as { Highlight?: new (...ranges: Range[]) => { priority: number } }).Highlight;

function textNodeOf(chunk: HTMLElement): Text | null {
  const walker = document.createTreeWalker(chunk, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

/** The DOM range of document offsets [start, end) within `container`, or null if those runs are not rendered. */
export function domRange(container: ParentNode, start: number, end: number): Range | null {
  let range: Range | null = null;
  for (const chunk of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const from = Number(chunk.dataset.start);
    const to = Number(chunk.dataset.end);
    if (to <= start || from >= end) continue;
    const node = textNodeOf(chunk);
    if (!node) continue;
    if (!range) {
      range = document.createRange();
      range.setStart(node, Math.max(0, start - from));
    }
    range.setEnd(node, Math.min(node.length, end - from));
  }
  return range;
}

/** Paints ranges with the CSS Custom Highlight API under `name` (styled by `::highlight(name)`); no re-render. */
export function paintRanges(name: string, ranges: Range[], priority = 0): void {
  const Highlight = HighlightClass();
  const highlights = registry();
  if (!Highlight || !highlights) return;
  if (ranges.length === 0) {
    highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  highlights.set(name, highlight);
}

export function clearPaint(...names: string[]): void {
  for (const name of names) registry()?.delete(name);
}

/** The document offset under a point of the screen, if it is inside rendered document text. */
export function offsetAtPoint(x: number, y: number): { chunk: HTMLElement; offset: number; box: DOMRect } | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  let node: Node | null = null;
  let at = 0;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    node = position?.offsetNode ?? null;
    at = position?.offset ?? 0;
  } else {
    const range = document.caretRangeFromPoint?.(x, y);
    node = range?.startContainer ?? null;
    at = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const chunk = node.parentElement?.closest<HTMLElement>('[data-start]');
  if (!chunk) return null;
  // The character under the point (a caret on its right half sits after it), to tell whether the
  // point is on the text or merely nearest to it.
  const length = (node as Text).length;
  const box = (k: number) => {
    const range = document.createRange();
    range.setStart(node, k);
    range.setEnd(node, k + 1);
    return range.getBoundingClientRect();
  };
  if (at > 0 && (at >= length || x < box(at).left)) at--;
  if (at >= length) return null;
  return { chunk, offset: Number(chunk.dataset.start) + at, box: box(at) };
}
