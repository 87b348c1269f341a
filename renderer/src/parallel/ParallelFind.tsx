import { useCallback, useMemo } from 'react';
import type { AlignmentRow } from '../../../shared/model/alignment';
import { FindBar } from '../reader/FindBar';
import { findAll, paintMatches, revealRange, type TextMatch } from '../reader/find';
import { useParallelStore } from '../state/parallel';
import type { CellSide } from './Cell';
import { t } from '../../../shared/i18n/current';

type Column = 'left' | 'right';

interface RowMatch extends TextMatch {
  column: Column;
  row: number;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Where each sentence of a column's document sits: its offsets and its row, in text order. */
function sentenceRows(side: CellSide, rows: readonly AlignmentRow[], key: 'a' | 'b') {
  const out: Array<{ start: number; end: number; row: number }> = [];
  rows.forEach((row, index) =>
    row[key].forEach((id) => {
      const sentence = side.spans.get(id);
      if (sentence) out.push({ start: sentence.start, end: sentence.end, row: index });
    }),
  );
  return out.sort((x, y) => x.start - y.start);
}

function matchesIn(side: CellSide, rows: readonly AlignmentRow[], key: 'a' | 'b', column: Column, query: string): RowMatch[] {
  const sentences = sentenceRows(side, rows, key);
  const out: RowMatch[] = [];
  let k = 0;
  for (const match of findAll(side.doc.text, query)) {
    while (k < sentences.length && sentences[k]!.end <= match.start) k++;
    const sentence = sentences[k];
    // Text between sentences (boilerplate is left out of the rows) is not shown, so not counted.
    if (sentence && sentence.start < match.end) out.push({ ...match, column, row: sentence.row });
  }
  return out;
}

/** Splits the matches by column for painting, with the current one's index in its own column. */
function paintGroups(matches: RowMatch[], current: number) {
  return (['left', 'right'] as const).map((column) => {
    const own = matches.filter((m) => m.column === column);
    return { selector: `[data-column="${column}"] [data-start]`, matches: own, current: matches[current]?.column === column ? own.indexOf(matches[current]!) : undefined };
  });
}

/** Ctrl+F in the parallel view: both texts at once, in row order; the current match's row becomes the active row. */
export function ParallelFind({ left, right, swapped, rows, onClose }: { left: CellSide; right: CellSide; swapped: boolean; rows: readonly AlignmentRow[]; onClose: () => void }) {
  const keys = useMemo(() => (swapped ? (['b', 'a'] as const) : (['a', 'b'] as const)), [swapped]);
  const search = useCallback(
    (query: string) =>
      [...matchesIn(left, rows, keys[0], 'left', query), ...matchesIn(right, rows, keys[1], 'right', query)].sort(
        (x, y) => x.row - y.row || (x.column === y.column ? x.start - y.start : x.column === 'left' ? -1 : 1),
      ),
    [left, right, rows, keys],
  );
  const paint = useCallback((matches: RowMatch[], current: number) => void paintMatches(paintGroups(matches, current)), []);
  const show = useCallback(async (matches: RowMatch[], current: number) => {
    const match = matches[current]!;
    const state = useParallelStore.getState();
    if (state.onlyUnchecked && state.rows[match.row]?.checked) state.toggleOnlyUnchecked();
    state.setActive(match.row);
    // The row is rendered once the list has scrolled to it.
    await nextFrame();
    await nextFrame();
    const range = paintMatches(paintGroups(matches, current));
    const scroller = range?.startContainer.parentElement?.closest<HTMLElement>('.parallel-scroll, .free-pane');
    if (range && scroller) revealRange(range, scroller);
  }, []);
  return <FindBar label={t('action.find')} search={search} show={show} paint={paint} onClose={onClose} />;
}
