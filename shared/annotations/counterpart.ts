import type { AlignmentRow } from '../model/alignment';
import type { Sentence } from '../model/document';

/**
 * The span of the other document that translates a range of this one: every counterpart sentence of
 * the rows whose sentences the range touches, from the first one's start to the last one's end.
 * Null when those rows have no counterpart.
 */
export function counterpartRange(
  rows: readonly AlignmentRow[],
  side: 'a' | 'b',
  range: { start: number; end: number },
  ownSpans: ReadonlyMap<string, Sentence>,
  otherSpans: ReadonlyMap<string, Sentence>,
): { start: number; end: number } | null {
  const other = side === 'a' ? 'b' : 'a';
  const touched = rows.filter((row) =>
    row[side].some((id) => {
      const s = ownSpans.get(id);
      return !!s && s.start < range.end && s.end > range.start;
    }),
  );
  const counterparts = touched.flatMap((row) => row[other]).map((id) => otherSpans.get(id)).filter((s): s is Sentence => !!s);
  if (counterparts.length === 0) return null;
  return { start: Math.min(...counterparts.map((s) => s.start)), end: Math.max(...counterparts.map((s) => s.end)) };
}
