import type { AlignmentRow } from '../model/alignment';

export type Side = 'a' | 'b';

export class EditError extends Error {}

function replace(rows: readonly AlignmentRow[], start: number, count: number, ...inserted: AlignmentRow[]): AlignmentRow[] {
  const next = rows.slice();
  next.splice(start, count, ...inserted);
  return next;
}

function rowAt(rows: readonly AlignmentRow[], index: number): AlignmentRow {
  const row = rows[index];
  if (!row) throw new EditError(`There is no row ${index + 1}.`);
  return row;
}

export function canMergeWithNext(rows: readonly AlignmentRow[], index: number): boolean {
  return index >= 0 && index + 1 < rows.length;
}

/** Joins a row with the one below it. */
export function mergeWithNext(rows: readonly AlignmentRow[], index: number): AlignmentRow[] {
  if (!canMergeWithNext(rows, index)) throw new EditError('The last row has no row below it to merge with.');
  const first = rowAt(rows, index);
  const second = rowAt(rows, index + 1);
  return replace(rows, index, 2, {
    a: [...first.a, ...second.a],
    b: [...first.b, ...second.b],
    confidence: Math.min(first.confidence, second.confidence),
    startsParagraph: first.startsParagraph,
    checked: false,
  });
}

export function canSplit(rows: readonly AlignmentRow[], index: number): boolean {
  const row = rows[index];
  return !!row && row.a.length + row.b.length >= 2;
}

/**
 * Splits a row in two after `cutA` sentences of side a and `cutB` of side b; by default in the middle
 * of each side. Splitting a 1-1 row gives two rows with one side each: "these do not correspond".
 */
export function splitRow(rows: readonly AlignmentRow[], index: number, cutA?: number, cutB?: number): AlignmentRow[] {
  const row = rowAt(rows, index);
  if (!canSplit(rows, index)) throw new EditError('A row with a single sentence cannot be split.');
  let ca = cutA ?? Math.ceil(row.a.length / 2);
  let cb = cutB ?? Math.ceil(row.b.length / 2);
  if (cutA === undefined && cutB === undefined && row.a.length === 1 && row.b.length === 1) {
    ca = 1;
    cb = 0;
  }
  if (ca < 0 || ca > row.a.length || cb < 0 || cb > row.b.length) throw new EditError('The split point lies outside the row.');
  const top = { a: row.a.slice(0, ca), b: row.b.slice(0, cb) };
  const bottom = { a: row.a.slice(ca), b: row.b.slice(cb) };
  if (top.a.length + top.b.length === 0 || bottom.a.length + bottom.b.length === 0) throw new EditError('Each part of a split row needs a sentence.');
  return replace(
    rows,
    index,
    1,
    { ...top, confidence: row.confidence, startsParagraph: row.startsParagraph, checked: false },
    { ...bottom, confidence: row.confidence, startsParagraph: false, checked: false },
  );
}

export type Direction = 'up' | 'down';

export function canMove(rows: readonly AlignmentRow[], index: number, side: Side, direction: Direction): boolean {
  const row = rows[index];
  if (!row || row[side].length === 0) return false;
  return direction === 'up' ? index > 0 : index + 1 < rows.length;
}

/**
 * Moves the first sentence of one side to the end of the row above ("up"), or the last sentence to
 * the start of the row below ("down"). A row left with no sentence on either side disappears.
 */
export function moveSentence(rows: readonly AlignmentRow[], index: number, side: Side, direction: Direction): AlignmentRow[] {
  if (!canMove(rows, index, side, direction)) throw new EditError(direction === 'up' ? 'There is no sentence to move up here.' : 'There is no sentence to move down here.');
  const row = rowAt(rows, index);
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
  const neighbour = rowAt(rows, neighbourIndex);
  const moved = direction === 'up' ? row[side][0]! : row[side][row[side].length - 1]!;
  const rest = direction === 'up' ? row[side].slice(1) : row[side].slice(0, -1);
  const updatedRow: AlignmentRow = { ...row, [side]: rest, checked: false };
  const updatedNeighbour: AlignmentRow = {
    ...neighbour,
    [side]: direction === 'up' ? [...neighbour[side], moved] : [moved, ...neighbour[side]],
    checked: false,
  };
  const pair = direction === 'up' ? [updatedNeighbour, updatedRow] : [updatedRow, updatedNeighbour];
  const kept = pair.filter((r) => r.a.length + r.b.length > 0);
  if (kept.length === 1 && direction === 'down' && row.startsParagraph) kept[0] = { ...kept[0]!, startsParagraph: true };
  return replace(rows, Math.min(index, neighbourIndex), 2, ...kept);
}

export function setChecked(rows: readonly AlignmentRow[], index: number, checked: boolean): AlignmentRow[] {
  const row = rowAt(rows, index);
  return replace(rows, index, 1, { ...row, checked });
}

