/**
 * Maps DOM selections onto document text offsets. Every piece of rendered text sits in an element
 * carrying data-start/data-end (its offsets in the document's normalised text), directly holding one
 * text node, inside an element carrying data-document-id.
 */

function chunkOf(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return element?.closest<HTMLElement>('[data-start]') ?? null;
}

/** The document offset of a DOM boundary point, or null if it is not inside document text. */
export function offsetOf(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const chunk = chunkOf(node);
    return chunk ? Number(chunk.dataset.start) + offset : null;
  }
  // An element boundary: take the nearest text chunk after (for a start) or before (for an end).
  const element = node as Element;
  const chunks = [...element.querySelectorAll<HTMLElement>('[data-start]')];
  if (chunks.length === 0) {
    const own = chunkOf(element);
    return own ? Number(edge === 'start' ? own.dataset.start : own.dataset.end) : null;
  }
  const child = element.childNodes[offset];
  if (edge === 'start') {
    const after = chunks.find((c) => !child || child === c || child.contains(c) || !!(child.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING));
    return after ? Number(after.dataset.start) : null;
  }
  const before = [...chunks].reverse().find((c) => !child || !!(child.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING));
  return before ? Number(before.dataset.end) : null;
}

export interface TextSelection {
  documentId: string;
  start: number;
  end: number;
  /** Where to show a menu: the selection's bounding box in viewport coordinates. */
  rect: { left: number; top: number; bottom: number; width: number };
}

/** The current selection as document offsets, trimmed of white space; null when it spans documents or nothing. */
export function currentSelection(root: HTMLElement, textOf: (documentId: string) => string | undefined): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const startDoc = chunkOf(range.startContainer)?.closest<HTMLElement>('[data-document-id]') ?? (range.startContainer as Element).closest?.('[data-document-id]');
  const endDoc = chunkOf(range.endContainer)?.closest<HTMLElement>('[data-document-id]') ?? (range.endContainer as Element).closest?.('[data-document-id]');
  const documentId = (startDoc as HTMLElement | null)?.dataset.documentId;
  if (!documentId || documentId !== (endDoc as HTMLElement | null)?.dataset.documentId) return null;
  let start = offsetOf(range.startContainer, range.startOffset, 'start');
  let end = offsetOf(range.endContainer, range.endOffset, 'end');
  const text = textOf(documentId);
  if (start === null || end === null || !text || end <= start) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  const box = range.getBoundingClientRect();
  return { documentId, start, end, rect: { left: box.left, top: box.top, bottom: box.bottom, width: box.width } };
}
