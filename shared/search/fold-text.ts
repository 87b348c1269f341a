import { hasNonAscii } from '../text/ascii';
import { fold } from '../text/fold';

const NON_ASCII_RUNS = /[^\u0000-\u007f]+/g;
/** Folds of short runs (a letter or two between ASCII, as in most European text), up to this many. */
const MEMO_SIZE = 8192;
const memo = new Map<string, string>();

function memoFold(piece: string): string {
  if (piece.length > 2) return fold(piece);
  let folded = memo.get(piece);
  if (folded === undefined) {
    folded = fold(piece);
    if (memo.size < MEMO_SIZE) memo.set(piece, folded);
  }
  return folded;
}

/**
 * A long text folded as `fold` folds it, faster: plain ASCII is only lower-cased, and only the runs
 * of other characters go through the Unicode decomposition (on a German book, most of its time), the
 * whole then lower-cased once. Lower-casing a capital sigma depends on its neighbours: text holding
 * one is folded whole.
 */
export function foldText(text: string): string {
  if (!hasNonAscii(text)) return text.toLowerCase();
  if (text.includes('Σ')) return fold(text);
  return text.replace(NON_ASCII_RUNS, memoFold).toLowerCase();
}

/** `fold` of one UTF-16 unit, remembered. */
export function foldUnit(unit: string): string {
  return unit.charCodeAt(0) < 0x80 ? unit.toLowerCase() : memoFold(unit);
}
