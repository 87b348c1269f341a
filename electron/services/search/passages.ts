import { fold } from '../../../shared/text/fold';

export interface Passage {
  index: number;
  text: string;
  /** The text folded (see fold), and, if it has umlauts, folded with them spelt "ae", "oe", "ue". */
  folded: string;
  spelt?: string;
}

/** A paragraph as search scans it; boilerplate is never a hit. */
export function passageOf(index: number, paragraph: { kind: string; text: string }): Passage | null {
  if (paragraph.kind === 'boilerplate') return null;
  const passage: Passage = { index, text: paragraph.text, folded: fold(paragraph.text) };
  if (/[äöüÄÖÜ]/.test(paragraph.text)) passage.spelt = fold(paragraph.text.replace(/[äöüÄÖÜ]/g, (c) => `${c.normalize('NFD')[0]}e`));
  return passage;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function holdsIn(text: string, word: string, prefix: boolean): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (isWordChar(text[at - 1])) continue;
    if (prefix || !isWordChar(text[at + word.length])) return true;
  }
  return false;
}

/** Whether the passage holds the word as a whole word (or, with `prefix`, a word starting with it). */
export function holdsWord(passage: Passage, word: string, prefix = false): boolean {
  return holdsIn(passage.folded, word, prefix) || (passage.spelt !== undefined && holdsIn(passage.spelt, word, prefix));
}
