import type { AlignmentRow } from '../model/alignment';

/** One row of a three-column view: the original's sentences and each translation's counterparts. */
export interface ThreeWayRow {
  original: string[];
  first: string[];
  second: string[];
  startsParagraph: boolean;
}

interface Placed {
  row: AlignmentRow;
  /** How many original sentences come before this row. */
  start: number;
}

function place(rows: readonly AlignmentRow[]): { placed: Placed[]; ends: Set<number> } {
  const placed: Placed[] = [];
  const ends = new Set([0]);
  let position = 0;
  for (const row of rows) {
    placed.push({ row, start: position });
    position += row.a.length;
    ends.add(position);
  }
  return { placed, ends };
}

const emptyRow = (): ThreeWayRow => ({ original: [], first: [], second: [], startsParagraph: false });

/**
 * Joins two alignments that share side a (an original and two of its translations) into rows of three.
 * A row boundary survives where both alignments have one, so each row is the smallest span of the
 * original that both translations agree on. Translation-only rows at such a boundary become rows of
 * their own; elsewhere they join the row around them.
 */
export function mergeAlignments(first: readonly AlignmentRow[], second: readonly AlignmentRow[]): ThreeWayRow[] {
  const x = place(first);
  const y = place(second);
  const cuts = [...x.ends].filter((p) => y.ends.has(p)).sort((p, q) => p - q);
  const spanOf = (position: number) => {
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cuts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans = cuts.map(emptyRow);
  const atCut = cuts.map(emptyRow);

  const distribute = (placed: Placed[], target: 'first' | 'second') => {
    for (const { row, start } of placed) {
      const k = spanOf(start);
      const into = row.a.length === 0 && cuts[k] === start ? atCut[k]! : spans[k]!;
      if (target === 'first') into.original.push(...row.a);
      into[target].push(...row.b);
      if (row.startsParagraph && (row.a.length === 0 || start === cuts[k])) into.startsParagraph = true;
    }
  };
  distribute(x.placed, 'first');
  distribute(y.placed, 'second');

  const merged: ThreeWayRow[] = [];
  cuts.forEach((_, k) => {
    const inserted = atCut[k]!;
    if (inserted.first.length || inserted.second.length) merged.push(inserted);
    const span = spans[k]!;
    if (span.original.length || span.first.length || span.second.length) merged.push(span);
  });
  return merged;
}
