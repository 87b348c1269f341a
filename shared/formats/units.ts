import { splitSentences } from '../text/segmentation';

/** A unit's text as one paragraph of a document: its line breaks become spaces. */
export const oneParagraph = (text: string) => (text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text).trim();

/**
 * Text in which the sentence segmenter cannot break: no sentence terminator or paragraph separator
 * before a final run of terminators and closing quotes or brackets. Most translation units are one
 * sentence and pass this test; the others are split as the library splits them.
 */
const oneSentence = /^[^\p{Sentence_Terminal}\r\n\u000B\u000C\u0085\u2028\u2029]*\p{Sentence_Terminal}*[\p{Pe}\p{Pf}"'’”»]*$/u;

/** How many sentences the library finds in a paragraph of this text, without segmenting it when it cannot break. */
export function sentenceCount(text: string, language: string): number {
  if (!text.trim()) return 0;
  return oneSentence.test(text) ? 1 : splitSentences(text, language).length;
}

/**
 * Units that may hold several sentences are segmented a batch at a time, joined by line breaks:
 * ICU always breaks after a line break and never looks past one, so each unit gets the sentences it
 * gets alone, for far fewer calls. A batch stays within one window of the library's splitter (it
 * cuts only blocks longer than twice its 2,000 characters).
 */
const BATCH_CHARS = 4000;

/** Each unit's `sentenceCount`, the units of a batch numbered by their position in `texts`. */
function countBatch(texts: readonly string[], batch: readonly number[], language: string, counts: number[]): void {
  const ends: number[] = [];
  let at = 0;
  for (const k of batch) {
    at += texts[k]!.length;
    ends.push(at);
    at += 1;
  }
  let u = 0;
  const across = new Set<number>();
  for (const span of splitSentences(batch.map((k) => texts[k]!).join('\n'), language)) {
    while (span.start > ends[u]!) u++;
    let v = u;
    while (span.end > ends[v]!) v++;
    if (u === v) counts[batch[u]!]!++;
    // The splitter joined a sentence to the one the unit before ended with ("Dr." / "Smith"): these are split alone.
    else for (let w = u; w <= v; w++) across.add(batch[w]!);
  }
  for (const k of across) counts[k] = splitSentences(texts[k]!, language).length;
}

/** `sentenceCount` of each text. */
export function sentenceCounts(texts: readonly string[], language: string): number[] {
  const counts = new Array<number>(texts.length).fill(0);
  let batch: number[] = [];
  let size = 0;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k]!;
    if (!text.trim()) continue;
    if (oneSentence.test(text)) counts[k] = 1;
    else if (text.length >= BATCH_CHARS) counts[k] = splitSentences(text, language).length;
    else {
      if (size + text.length + 1 > BATCH_CHARS) {
        countBatch(texts, batch, language, counts);
        batch = [];
        size = 0;
      }
      batch.push(k);
      size += text.length + 1;
    }
  }
  if (batch.length) countBatch(texts, batch, language, counts);
  return counts;
}
