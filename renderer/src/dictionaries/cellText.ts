import { wordTokens, type WordToken } from '../../../shared/alignment/word-links';

/** The text of one side of a row as rendered: its runs in document offsets, joined as the cell shows them. */
export interface CellText {
  text: string;
  /** Document offset of each character of `text` (-1 for a space put between runs that are apart). */
  offsets: number[];
  words: WordToken[];
}

export function cellText(cell: Element, docText: string): CellText {
  let text = '';
  const offsets: number[] = [];
  let last = -1;
  for (const chunk of cell.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(chunk.dataset.start);
    const end = Number(chunk.dataset.end);
    if (end <= last) continue;
    if (last >= 0 && start !== last) {
      text += ' ';
      offsets.push(-1);
    }
    const from = Math.max(start, last);
    text += docText.slice(from, end);
    for (let k = from; k < end; k++) offsets.push(k);
    last = end;
  }
  return { text, offsets, words: wordTokens(text) };
}

/** The word at a document offset, as an index into `words`. */
export function wordAtOffset(cell: CellText, offset: number): number {
  const at = cell.offsets.indexOf(offset);
  if (at < 0) return -1;
  return cell.words.findIndex((w) => w.start <= at && at < w.end);
}

/** A word's document offsets. */
export function documentSpan(cell: CellText, word: WordToken): { start: number; end: number } {
  return { start: cell.offsets[word.start]!, end: cell.offsets[word.end - 1]! + 1 };
}
