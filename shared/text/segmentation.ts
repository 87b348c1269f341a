import type { BlockKind, InlineStyle, Paragraph, Sentence } from '../model/document';
import { abbreviationsFor, monthNames } from './abbreviations';
import { hasNonAscii, isAsciiAlnum } from './ascii';
import { classifyBlocks } from './blocks';

export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Turns raw text into blocks: Unicode NFC, no BOM or control characters, one block per paragraph.
 * Paragraphs are separated by blank lines; lines inside a paragraph are joined (hard-wrapped text),
 * except list items, which stay blocks of their own.
 */
export function splitBlocks(raw: string): string[] {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2028\u2029]/g, (c) => (c === '\u2028' || c === '\u2029' ? '\n' : ''))
    .replace(/[\t\u00A0]/g, ' ');

  const blocks: string[] = [];
  for (const chunk of text.split(/\n[ ]*\n/)) {
    let current: string[] = [];
    const flush = () => {
      const joined = current.join(' ').replace(/ {2,}/g, ' ').trim();
      if (joined) blocks.push(joined);
      current = [];
    };
    for (const line of chunk.split('\n')) {
      if (/^\s*([-*•]|\d{1,3}[.)])\s+\S/.test(line)) flush();
      current.push(line.trim());
    }
    flush();
  }
  return blocks;
}

function lastWord(segment: string): string {
  const match = /(\S+)\.\s*$/.exec(segment);
  return match ? match[1]!.replace(/^[("'“„«]+/, '').toLowerCase() : '';
}

function firstWord(segment: string): string {
  return /^\s*[("'“„«]*([\p{L}\p{N}]+)/u.exec(segment)?.[1] ?? '';
}

/** Whether ICU broke after a period that does not end a sentence. */
function isFalseBreak(before: string, after: string, abbreviations: Set<string>): boolean {
  const word = lastWord(before);
  if (!word) return false;
  const next = firstWord(after);
  if (/^\p{Ll}/u.test(next)) return true;
  if (abbreviations.has(word)) return true;
  // Initials and spaced abbreviations: "G. O. Dyhrenfurth", "z. B.".
  if (/^\p{L}$/u.test(word)) return true;
  // Ordinals before a month: "22. Dezember", "1. Jan.".
  if (/^\d{1,2}$/.test(word) && monthNames.has(next.toLowerCase())) return true;
  return false;
}

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    let locale = 'en';
    try {
      locale = Intl.Segmenter.supportedLocalesOf([language])[0] ?? 'en';
    } catch {
      // An invalid tag falls back to English rules rather than failing the document.
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Where to cut a long block before ICU sees it. V8's sentence iterator slows down far more than
 * linearly with the length of the string (a 160 KB paragraph took 26 s, a 320 KB one minutes), so a
 * long block goes to it in windows of about `window` characters, cut where a sentence plainly ends:
 * after . ! ? (and closing quotes) and spaces, before a capital (perhaps after an opening quote),
 * where ICU breaks too (before a digit it may not: "etc. 109 leading" is one sentence to ICU). A window with no such place is cut at a space and marked `forced`: the sentence
 * running over that cut is joined again.
 */
export function sentenceWindows(block: string, window = 2000): Array<{ start: number; end: number; forced: boolean }> {
  const windows: Array<{ start: number; end: number; forced: boolean }> = [];
  const ending = /(?:[.!?…][)"'”’»\]]*\s+(?=["'“„«(\[¿¡]?[\p{Lu}\p{Lt}])|[。！？]+(?=\S))/gu;
  let start = 0;
  while (block.length - start > 2 * window) {
    // Searched within the next few windows only: a scan to the end of the block for each window
    // would make a long block without sentence ends quadratic again.
    const from = start + window;
    const range = block.slice(from, start + 4 * window);
    ending.lastIndex = 0;
    const found = ending.exec(range);
    let cut = found ? from + found.index + found[0].length : -1;
    const forced = cut < 0;
    if (forced) {
      const space = range.indexOf(' ');
      cut = space < 0 ? from : from + space + 1;
    }
    windows.push({ start, end: cut, forced });
    start = cut;
  }
  windows.push({ start, end: block.length, forced: false });
  return windows;
}

/** Sentence spans inside one block, as offsets into that block, without trailing white space. */
export function splitSentences(block: string, language: string, window?: number): Array<{ start: number; end: number }> {
  const abbreviations = abbreviationsFor(language);
  const spans: Array<{ start: number; end: number }> = [];
  let joinNext = false;
  for (const part of sentenceWindows(block, window)) {
    const text = part.start === 0 && part.end === block.length ? block : block.slice(part.start, part.end);
    for (const { segment, index: at } of sentenceSegmenter(language).segment(text)) {
      const index = part.start + at;
      const end = index + segment.trimEnd().length;
      if (end === index) continue;
      const previous = spans[spans.length - 1];
      // Only the end of the previous sentence matters to the check: a merged run can grow long.
      if (previous && (joinNext || isFalseBreak(block.slice(Math.max(previous.start, previous.end - 80), previous.end), segment, abbreviations))) {
        previous.end = end;
      } else {
        spans.push({ start: index + (segment.length - segment.trimStart().length), end });
      }
      joinNext = false;
    }
    joinNext = part.forced;
  }
  return spans;
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** Scripts written without spaces between words, which only a dictionary-based segmenter can count. */
const unspaced = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const spacedWord = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** spacedWord's matches in text of ASCII only, counted letter by letter (an import counts every paragraph): runs of letters and digits, joined by one ' . or -. */
function countAsciiWords(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; ) {
    if (!isAsciiAlnum(text.charCodeAt(at))) {
      at++;
      continue;
    }
    count++;
    for (;;) {
      while (at < text.length && isAsciiAlnum(text.charCodeAt(at))) at++;
      if (at + 1 >= text.length) break;
      const joiner = text.charCodeAt(at);
      if ((joiner === 39 || joiner === 46 || joiner === 45) && isAsciiAlnum(text.charCodeAt(at + 1))) at++;
      else break;
    }
  }
  return count;
}

export function countWords(text: string, window = 2000): number {
  if (!hasNonAscii(text)) return countAsciiWords(text);
  if (!unspaced.test(text)) return text.match(spacedWord)?.length ?? 0;
  // The word iterator is superlinear like the sentence one (80,000 Chinese characters: minutes), so
  // long text goes to it in windows cut at a space or punctuation, where no word continues.
  const boundary = /[\s\p{P}]/gu;
  let count = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.length;
    if (end - start > 2 * window) {
      const from = start + window;
      boundary.lastIndex = 0;
      const found = boundary.exec(text.slice(from, start + 4 * window));
      end = found ? from + found.index + 1 : from;
    }
    for (const part of wordSegmenter.segment(text.slice(start, end))) if (part.isWordLike) count++;
    start = end;
  }
  return count;
}

export interface Segmentation {
  text: string;
  paragraphs: Paragraph[];
  wordCount: number;
}

/** A block of text with its kind and, optionally, emphasis (offsets relative to the block). */
export interface Block {
  text: string;
  kind: BlockKind;
  inline?: InlineStyle[];
}

/** Sentences are found in running text; headings, list items and the like stay one unit. */
const SPLIT_INTO_SENTENCES: ReadonlySet<BlockKind> = new Set(['paragraph', 'quote', 'list-item']);

/** One block as the model's paragraph number `index`, its text starting at `offset` in the document. */
function paragraphOf(block: Block, index: number, offset: number, language: string): Paragraph {
  const text = block.text;
  const id = `p${index}`;
  const spans = SPLIT_INTO_SENTENCES.has(block.kind) ? splitSentences(text, language) : [{ start: 0, end: text.length }];
  const sentences: Sentence[] = spans.map((span, s) => ({ id: `${id}s${s}`, start: offset + span.start, end: offset + span.end }));
  const paragraph: Paragraph = { id, kind: block.kind, start: offset, end: offset + text.length, sentences };
  const inline = (block.inline ?? []).filter((r) => r.end > r.start && r.end <= text.length).map((r) => ({ ...r, start: offset + r.start, end: offset + r.end }));
  if (inline.length) paragraph.inline = inline;
  return paragraph;
}

/** A document's text as `segmentBlocks` lays it out (blocks without text dropped), without segmenting it: what anchoring needs. */
export function documentText(blocks: readonly Block[]): string {
  const texts: string[] = [];
  for (const block of blocks) if (block.text) texts.push(block.text);
  return texts.join(PARAGRAPH_SEPARATOR);
}

/** The document model's text and structure for blocks of known kind. */
export function segmentBlocks(blocks: readonly Block[], language: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  let wordCount = 0;
  for (const block of blocks) {
    const text = block.text;
    if (!text) continue;
    paragraphs.push(paragraphOf(block, paragraphs.length, offset, language));
    if (block.kind !== 'boilerplate') wordCount += countWords(text);
    offset += text.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: documentText(blocks), paragraphs, wordCount };
}

/** Where each block's text starts in the document's text, as `segmentBlocks` lays them out (blocks without text are dropped first). */
export function blockStarts(blocks: readonly Block[]): Float64Array {
  const starts = new Float64Array(blocks.length + 1);
  for (let k = 0; k < blocks.length; k++) starts[k + 1] = starts[k]! + blocks[k]!.text.length + PARAGRAPH_SEPARATOR.length;
  return starts;
}

/**
 * Paragraphs `from` to `to` (exclusive) exactly as `segmentBlocks` would make them, without
 * segmenting the rest: how a long document is served a page at a time.
 */
export function segmentRange(blocks: readonly Block[], starts: ArrayLike<number>, from: number, to: number, language: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (let k = from; k < Math.min(to, blocks.length); k++) paragraphs.push(paragraphOf(blocks[k]!, k, starts[k]!, language));
  return paragraphs;
}

/** Words in blocks, boilerplate not counted, as `segmentBlocks` counts them. */
export function countBlockWords(blocks: readonly Block[]): number {
  let count = 0;
  for (const block of blocks) if (block.kind !== 'boilerplate') count += countWords(block.text);
  return count;
}

/** The document model's text and structure for a raw text in a given language. */
export function segmentText(raw: string, language: string): Segmentation {
  const texts = splitBlocks(raw);
  const kinds = classifyBlocks(texts);
  return segmentBlocks(
    texts.map((text, k) => ({ text, kind: kinds[k] ?? 'paragraph' })),
    language,
  );
}
