import { splitSentences } from '../text/segmentation';

/** A unit's text as one paragraph of a document: its line breaks become spaces. */
export const oneParagraph = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Text in which the sentence segmenter cannot break: no sentence terminator or paragraph separator
 * before a final run of terminators and closing quotes or brackets. Most translation units are one
 * sentence and pass this test; the others are split as the library splits them.
 */
const oneSentence = /^[^\p{Sentence_Terminal}\r\n\u000B\u000C\u0085\u2028\u2029]*\p{Sentence_Terminal}*[\p{Pe}\p{Pf}"'’”»]*$/u;

/** How many sentences the library finds in a paragraph of this (trimmed) text, without segmenting it when it cannot break. */
export function sentenceCount(text: string, language: string): number {
  if (!text) return 0;
  return oneSentence.test(text) ? 1 : splitSentences(text, language).length;
}
