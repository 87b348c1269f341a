import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { sentenceSpans } from '../../../shared/alignment/rows';
import { learnCooccurrence, lexiconFromTranslations, MIN_ROWS_FOR_STATISTICS, wordLinks, type Cooccurrence, type WordLink } from '../../../shared/alignment/word-links';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import { api } from '../api';
import { cellText, documentSpan, wordAtOffset, type CellText } from './cellText';
import { clearPaint, domRange, offsetAtPoint, paintRanges } from './textDom';
import './wordLinks.css';

interface Props {
  /** The element holding the aligned rows (rows carry data-row, cells data-column and data-document-id). */
  root: RefObject<HTMLElement | null>;
  a: Document;
  b: Document;
  rows: readonly AlignmentRow[];
}

const LEVELS = [
  { name: 'word-link-strong', from: 0.75 },
  { name: 'word-link-medium', from: 0.5 },
  { name: 'word-link-weak', from: 0 },
] as const;
const ALL_PAINTS = ['word-link-source', ...LEVELS.map((l) => l.name)];

type Translations = Map<string, readonly string[]>;

/** Each row's two texts, for learning which words go together. */
function rowTexts(a: Document, b: Document, rows: readonly AlignmentRow[]): Array<[string, string]> {
  const [spansA, spansB] = [sentenceSpans(a), sentenceSpans(b)];
  const join = (doc: Document, spans: typeof spansA, ids: readonly string[]) => ids.map((id) => (spans.get(id) ? doc.text.slice(spans.get(id)!.start, spans.get(id)!.end) : '')).join(' ');
  return rows.map((r) => [join(a, spansA, r.a), join(b, spansB, r.b)]);
}

/** The words of `words` not asked about yet, asked of the dictionaries of that direction. */
async function fetchTranslations(cache: Translations, from: string, to: string, words: string[]): Promise<boolean> {
  const missing = [...new Set(words)].filter((w) => !cache.has(w)).slice(0, 400);
  if (missing.length === 0) return false;
  for (const w of missing) cache.set(w, []);
  const found = await api.invoke('dictionaries:translations', { from, to, words: missing }).catch(() => ({}) as Record<string, string[]>);
  for (const [word, list] of Object.entries(found)) cache.set(word, list);
  return Object.keys(found).length > 0;
}

const lexiconOf = (cache: Translations, from: string, to: string, words: string[]) =>
  lexiconFromTranslations(from, to, Object.fromEntries(words.filter((w) => cache.get(w)?.length).map((w) => [w, cache.get(w)!])));

interface Hover {
  row: Element;
  own: Element;
  other: Element;
  ownText: CellText;
  otherText: CellText;
  index: number;
  ownIsA: boolean;
}

/**
 * In the aligned rows, hovering or putting the caret on a word lights its likely counterparts in the
 * other column of the same row, stronger evidence more intensely; a status line says the same in words.
 */
export function WordLinks({ root, a, b, rows }: Props) {
  const [said, setSaid] = useState('');
  const translations = useRef({ ab: new Map() as Translations, ba: new Map() as Translations });
  const statistics = useRef<{ rows: readonly AlignmentRow[]; value: Cooccurrence | undefined } | null>(null);
  const texts = useMemo(() => ({ [a.meta.id]: a.text, [b.meta.id]: b.text }), [a, b]);

  useEffect(() => {
    translations.current = { ab: new Map(), ba: new Map() };
  }, [a.meta.language, b.meta.language]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let current: Hover | null = null;
    let frame = 0;

    // Learned once per set of rows, after the first hover has painted what the dictionary and forms say.
    let learning = 0;
    const cooccurrence = () => {
      if (rows.length < MIN_ROWS_FOR_STATISTICS) return undefined;
      if (statistics.current?.rows === rows) return statistics.current.value;
      if (!learning) {
        learning = window.setTimeout(() => {
          statistics.current = { rows, value: learnCooccurrence(rowTexts(a, b, rows), [a.meta.language, b.meta.language]) };
          if (current) paint(current);
        }, 50);
      }
      return undefined;
    };

    const clear = () => {
      current = null;
      clearPaint(...ALL_PAINTS);
      setSaid('');
    };

    const paint = (hover: Hover) => {
      const [textA, textB] = hover.ownIsA ? [hover.ownText, hover.otherText] : [hover.otherText, hover.ownText];
      const wordsA = textA.words.map((w) => w.text);
      const wordsB = textB.words.map((w) => w.text);
      const { ab, ba } = translations.current;
      const links: WordLink[] = wordLinks([textA.text, textB.text], [a.meta.language, b.meta.language], { side: hover.ownIsA ? 'a' : 'b', index: hover.index }, {
        forward: lexiconOf(ab, a.meta.language, b.meta.language, wordsA),
        backward: lexiconOf(ba, b.meta.language, a.meta.language, wordsB),
        cooccurrence: cooccurrence(),
      });
      const source = hover.ownText.words[hover.index]!;
      const sourceSpan = documentSpan(hover.ownText, source);
      const sourceRange = links.length ? domRange(hover.own, sourceSpan.start, sourceSpan.end) : null;
      paintRanges('word-link-source', sourceRange ? [sourceRange] : [], 1);
      for (const level of LEVELS) {
        const upper = LEVELS[LEVELS.indexOf(level) - 1]?.from ?? 2;
        const ranges = links
          .filter((l) => l.strength >= level.from && l.strength < upper)
          .map((l) => documentSpan(hover.otherText, hover.otherText.words[l.index]!))
          .map((span) => domRange(hover.other, span.start, span.end))
          .filter((r): r is Range => r !== null);
        paintRanges(level.name, ranges, 1);
      }
      const names = links.map((l) => hover.otherText.words[l.index]!.text);
      setSaid(names.length ? `“${source.text}”: ${names.map((n) => `“${n}”`).join(', ')}` : '');
    };

    const show = (hover: Hover) => {
      current = hover;
      paint(hover);
      const [cellA, cellB] = hover.ownIsA ? [hover.ownText, hover.otherText] : [hover.otherText, hover.ownText];
      const { ab, ba } = translations.current;
      void Promise.all([
        fetchTranslations(ab, a.meta.language, b.meta.language, cellA.words.map((w) => w.text)),
        fetchTranslations(ba, b.meta.language, a.meta.language, cellB.words.map((w) => w.text)),
      ]).then((learned) => {
        if (learned.some(Boolean) && current === hover) paint(hover);
      });
    };

    const at = (chunk: HTMLElement, offset: number) => {
      const own = chunk.closest('.pcell[data-document-id]');
      const row = own?.closest('[data-row]');
      const column = own?.getAttribute('data-column');
      const other = row?.querySelector(`.pcell[data-column="${column === 'left' ? 'right' : 'left'}"][data-document-id]`);
      const documentId = own?.getAttribute('data-document-id');
      if (!own || !row || !other || !documentId || documentId === other.getAttribute('data-document-id')) return clear();
      const ownText = cellText(own, texts[documentId] ?? '');
      const index = wordAtOffset(ownText, offset);
      if (index < 0) return clear();
      if (current && current.own === own && current.index === index) return;
      const otherId = other.getAttribute('data-document-id')!;
      show({ row, own, other, ownText, otherText: cellText(other, texts[otherId] ?? ''), index, ownIsA: documentId === a.meta.id });
    };

    const onMove = (event: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hit = offsetAtPoint(event.clientX, event.clientY);
        // The caret nearest the pointer may be in text beside it: only a word under the pointer counts.
        if (!hit || event.clientY < hit.box.top - 2 || event.clientY > hit.box.bottom + 2 || event.clientX < hit.box.left - 12 || event.clientX > hit.box.right + 12) return clear();
        at(hit.chunk, hit.offset);
      });
    };

    // The keyboard's way: wherever the caret or selection starts inside a row.
    const onSelection = () => {
      const selection = window.getSelection();
      const node = selection?.anchorNode;
      if (!node || node.nodeType !== Node.TEXT_NODE || !element.contains(node)) return;
      const chunk = node.parentElement?.closest<HTMLElement>('[data-start]');
      if (chunk) at(chunk, Number(chunk.dataset.start) + Math.min(selection!.anchorOffset, (node as Text).length - 1));
    };

    element.addEventListener('mousemove', onMove);
    element.addEventListener('mouseleave', clear);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(learning);
      element.removeEventListener('mousemove', onMove);
      element.removeEventListener('mouseleave', clear);
      document.removeEventListener('selectionchange', onSelection);
      clearPaint(...ALL_PAINTS);
    };
  }, [root, a, b, rows, texts]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="word-links-status">
      {said}
    </p>
  );
}
