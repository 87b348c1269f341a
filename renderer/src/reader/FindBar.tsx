import { useEffect, useMemo, useRef, useState } from 'react';
import { clearFindHighlights } from './find';
import './reader.css';
import { t } from '../../../shared/i18n/current';

interface Props<T> {
  label: string;
  /** The matches of a query, in reading order. */
  search: (query: string) => T[];
  /** Brings the current match into view and paints all of them. */
  show: (matches: T[], current: number) => Promise<void> | void;
  /** Paints the matches again, without moving: rows and blocks are rendered anew as the reader scrolls. */
  paint: (matches: T[], current: number) => void;
  onClose: () => void;
}

/** Ctrl+F: find with a match count and next/previous (Enter, Shift+Enter). */
export function FindBar<T>({ label, search, show, paint, onClose }: Props<T>) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  // Opening or closing folded boilerplate changes what can be found.
  const [folds, setFolds] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => search(query), [search, query, folds]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setCurrent(0), [query]);
  useEffect(() => {
    const onToggle = () => setFolds((n) => n + 1);
    document.addEventListener('toggle', onToggle, true);
    return () => document.removeEventListener('toggle', onToggle, true);
  }, []);
  useEffect(() => {
    if (!matches.length) {
      clearFindHighlights();
      return;
    }
    const at = Math.min(current, matches.length - 1);
    void show(matches, at);
    const repaint = () => requestAnimationFrame(() => paint(matches, at));
    window.addEventListener('scroll', repaint, { passive: true, capture: true });
    return () => window.removeEventListener('scroll', repaint, { capture: true });
  }, [matches, current, show, paint]);
  useEffect(() => clearFindHighlights, []);

  const step = (delta: number) => matches.length && setCurrent((current + delta + matches.length) % matches.length);
  return (
    <div className="find-bar" role="search" aria-label={label}>
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={label}
        aria-label={label}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
          if (e.key === 'Escape') onClose();
        }}
        data-testid="find-input"
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {query.trim() ? (matches.length ? t('find.position', { current: Math.min(current, matches.length - 1) + 1, total: matches.length }) : t('find.none')) : ''}
      </span>
      <button type="button" className="button-quiet" onClick={() => step(-1)} disabled={!matches.length} aria-label={t('find.previous')} title={t('find.previousTitle')}>
        ↑
      </button>
      <button type="button" className="button-quiet" onClick={() => step(1)} disabled={!matches.length} aria-label={t('find.next')} title={t('find.nextTitle')}>
        ↓
      </button>
      <button type="button" className="button-quiet" onClick={onClose} aria-label={t('find.close')} title={t('find.closeTitle')}>
        ✕
      </button>
    </div>
  );
}
