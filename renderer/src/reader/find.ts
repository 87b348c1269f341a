import { foldTerm } from '../../../shared/search/query';

export interface TextMatch {
  start: number;
  end: number;
}

/** Every match of a query in a text, accent- and case-insensitively (folding keeps offsets for these scripts). */
export function findAll(text: string, query: string): TextMatch[] {
  const needle = foldTerm(query.trim());
  if (!needle) return [];
  const haystack = foldTerm(text);
  if (haystack.length !== text.length) return [];
  const out: TextMatch[] = [];
  for (let k = haystack.indexOf(needle); k >= 0 && out.length < 5000; k = haystack.indexOf(needle, k + needle.length)) out.push({ start: k, end: k + needle.length });
  return out;
}

/** Matches in one rendered text: the runs under `selector` carry their offsets (data-start/data-end). */
export interface PaintGroup {
  selector: string;
  matches: TextMatch[];
  /** Index into `matches` of the current match, if it is in this group. */
  current?: number;
}

type HighlightRegistry = Map<string, unknown>;
const registry = () => (CSS as unknown as { highlights?: HighlightRegistry }).highlights;

/** Paints matches with the CSS Custom Highlight API (no re-rendering of the text); returns the current match's range. */
export function paintMatches(groups: PaintGroup[]): Range | null {
  const highlights = registry();
  const HighlightClass = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  const all: Range[] = [];
  let active: Range | null = null;
  for (const group of groups) {
    for (const chunk of document.querySelectorAll<HTMLElement>(group.selector)) {
      const start = Number(chunk.dataset.start);
      const end = Number(chunk.dataset.end);
      const node = [...chunk.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? chunk.firstChild?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      group.matches.forEach((m, k) => {
        if (m.end <= start || m.start >= end) return;
        const range = document.createRange();
        range.setStart(node, Math.max(0, m.start - start));
        range.setEnd(node, Math.min(end - start, m.end - start));
        if (k === group.current) active ??= range;
        else all.push(range);
      });
    }
  }
  if (highlights && HighlightClass) {
    highlights.set('find', new HighlightClass(...all));
    highlights.set('find-current', new HighlightClass(...(active ? [active] : [])));
  }
  return active;
}

export function clearFindHighlights() {
  registry()?.delete('find');
  registry()?.delete('find-current');
}

/**
 * Scrolls a match into the open part of its scroller: below the find bar and the toolbars over it,
 * a third of the way down, when it is not comfortably in view already.
 */
export function revealRange(range: Range, scroller: HTMLElement | Window = window): void {
  const box = range.getBoundingClientRect();
  const bar = document.querySelector('.find-bar')?.getBoundingClientRect().bottom ?? 0;
  const frame = scroller instanceof Window ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
  const top = Math.max(frame.top, bar) + 16;
  const bottom = frame.bottom - 16;
  if (box.top >= top && box.bottom <= bottom) return;
  scroller.scrollBy({ top: box.top - (top + (bottom - top) / 3) });
}
