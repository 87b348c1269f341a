import { useEffect, useMemo, useRef, useState } from 'react';
import { foldTerm } from '../../../shared/search/query';
import type { Document } from '../../../shared/model/document';

/** Every match of a query in a text, accent- and case-insensitively (folding keeps offsets for these scripts). */
export function findAll(text: string, query: string): Array<{ start: number; end: number }> {
  const needle = foldTerm(query.trim());
  if (!needle) return [];
  const haystack = foldTerm(text);
  if (haystack.length !== text.length) return [];
  const out: Array<{ start: number; end: number }> = [];
  for (let k = haystack.indexOf(needle); k >= 0 && out.length < 5000; k = haystack.indexOf(needle, k + needle.length)) out.push({ start: k, end: k + needle.length });
  return out;
}

/** Paints matches with the CSS Custom Highlight API: no re-rendering of the text. */
function paint(matches: Array<{ start: number; end: number }>, current: number) {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightClass = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightClass) return;
  const all: Range[] = [];
  const active: Range[] = [];
  const chunks = [...document.querySelectorAll<HTMLElement>('.document-body [data-start]')];
  for (const chunk of chunks) {
    const start = Number(chunk.dataset.start);
    const end = Number(chunk.dataset.end);
    const node = [...chunk.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? chunk.firstChild?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    matches.forEach((m, k) => {
      if (m.end <= start || m.start >= end) return;
      const range = document.createRange();
      range.setStart(node, Math.max(0, m.start - start));
      range.setEnd(node, Math.min(end - start, m.end - start));
      (k === current ? active : all).push(range);
    });
  }
  registry.set('find', new HighlightClass(...all));
  registry.set('find-current', new HighlightClass(...active));
}

export function clearFindHighlights() {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  registry?.delete('find');
  registry?.delete('find-current');
}

/** Ctrl+F: find in the open document, with a match count and next/previous. */
export function FindBar({ doc, onClose, goTo }: { doc: Document; onClose: () => void; goTo: (offset: number) => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(doc.text, query), [doc, query]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setCurrent(0), [query]);
  useEffect(() => {
    const match = matches[current];
    if (!match) {
      clearFindHighlights();
      return;
    }
    void goTo(match.start).then(() => paint(matches, current));
    const repaint = () => requestAnimationFrame(() => paint(matches, current));
    window.addEventListener('scroll', repaint, { passive: true });
    return () => window.removeEventListener('scroll', repaint);
  }, [matches, current, goTo]);
  useEffect(() => clearFindHighlights, []);

  const step = (delta: number) => matches.length && setCurrent((current + delta + matches.length) % matches.length);
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        value={query}
        placeholder="Find in document"
        aria-label="Find in document"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
          if (e.key === 'Escape') onClose();
        }}
        data-testid="find-input"
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {query.trim() ? (matches.length ? `${current + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button type="button" className="button-quiet" onClick={() => step(-1)} disabled={!matches.length} aria-label="Previous match">
        ↑
      </button>
      <button type="button" className="button-quiet" onClick={() => step(1)} disabled={!matches.length} aria-label="Next match">
        ↓
      </button>
      <button type="button" className="button-quiet" onClick={onClose} aria-label="Close find">
        ✕
      </button>
    </div>
  );
}
