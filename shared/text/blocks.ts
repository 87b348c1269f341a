import type { BlockKind } from '../model/document';

/** Site furniture that scraped pages carry: cookie banners, footers, licence numbers. */
const boilerplatePatterns = [
  /\bcookies?\b/i,
  /privacy (policy|statement)/i,
  /terms of (use|service)/i,
  /all rights reserved/i,
  /^(i agree|accept( all)?|reject( all)?)$/i,
  /^(about us|contact us|leaving a message|share|follow us|subscribe|print|back to top)\b/i,
  /ICP备|许可证号/,
  /^for any inquiries,? please (e-?mail|contact)/i,
  /can be reported by calling/i,
  /^\S+ title$/i,
];

const metaPatterns = [/^date\s+\d{4}-\d{2}-\d{2}$/i, /^by\s+[^|]{2,60}\|/i];

function endsLikeSentence(text: string): boolean {
  return /[.!?…:;"”»)]$/.test(text);
}

function looksLikeHeading(text: string): boolean {
  if (text.length > 100 || endsLikeSentence(text)) return false;
  // "Source: ..." and similar one-word labels are lines of text, not headings.
  if (/^[\p{L}]+:\s/u.test(text) || /https?:/.test(text)) return false;
  return text.split(/\s+/).length <= 14;
}

function isShort(text: string): boolean {
  return text.length < 200;
}

/**
 * Gives each block of a document a kind. Boilerplate is detected by pattern; at the end of a
 * document, the short blocks around the first boilerplate block are taken as part of the footer.
 */
export function classifyBlocks(blocks: readonly string[]): BlockKind[] {
  return settleKinds(blocks, blocks.map(kindOf));
}

/** A block's kind by itself, before its neighbours are considered (see `settleKinds`). */
export function kindOf(text: string): BlockKind {
  if (metaPatterns.some((p) => p.test(text))) return 'meta';
  if (boilerplatePatterns.some((p) => p.test(text))) return 'boilerplate';
  return looksLikeHeading(text) ? 'heading' : 'paragraph';
}

/** The second, whole-document pass of `classifyBlocks` over kinds from `kindOf`; changes `kinds` in place. */
export function settleKinds(blocks: readonly string[], kinds: BlockKind[]): BlockKind[] {
  const firstFooter = kinds.findIndex((kind, i) => kind === 'boilerplate' && i > 0 && i >= blocks.length / 2);
  if (firstFooter > 0) {
    for (let i = firstFooter - 1; i >= 0 && kinds[i] === 'heading'; i--) kinds[i] = 'boilerplate';
    for (let i = firstFooter + 1; i < blocks.length; i++) {
      if (isShort(blocks[i]!)) kinds[i] = 'boilerplate';
    }
  }
  // A heading introduces something; one with no text after it is a line of text.
  // Walked from the end, so a text of many short lines is linear, not quadratic.
  let textAfter = false;
  for (let i = kinds.length - 1; i >= 0; i--) {
    if (kinds[i] === 'heading' && !textAfter) kinds[i] = 'paragraph';
    if (kinds[i] !== 'boilerplate') textAfter = true;
  }
  return kinds;
}
