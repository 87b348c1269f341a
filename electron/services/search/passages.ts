import { indexWords } from '../../../shared/search/index';

export interface Passage {
  index: number;
  text: string;
  /** Indexed words, space-separated and padded, for fast word and prefix tests. */
  words: string;
}

/** A paragraph as search scans it; boilerplate is never a hit. */
export function passageOf(index: number, paragraph: { kind: string; text: string }): Passage | null {
  if (paragraph.kind === 'boilerplate') return null;
  return { index, text: paragraph.text, words: ` ${indexWords(paragraph.text).join(' ')} ` };
}
