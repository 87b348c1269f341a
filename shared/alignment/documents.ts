import type { AlignmentRow } from '../model/alignment';
import type { Document, Paragraph } from '../model/document';
import { AnchorTable } from './anchors';
import { alignSegments, paragraphBeads, sentenceBeads, type Segment } from './engine';
import { withLexiconAnchors, type TranslationLexicon } from './lexicon';
import { t } from '../i18n/current';

export class AlignmentInputError extends Error {}

function alignable(doc: Document): Paragraph[] {
  return doc.paragraphs.filter((p) => p.kind !== 'boilerplate' && p.sentences.length > 0);
}

/** Sentences with their anchors, found once (interned in the pair's table) and reused for the paragraph pass. */
function sentenceSegments(doc: Document, paragraphs: Paragraph[], table: AnchorTable): Map<string, Segment> {
  const segments = new Map<string, Segment>();
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      const text = doc.text.slice(s.start, s.end);
      segments.set(s.id, { text, interned: { table, ids: table.textIds(text) } });
    }
  }
  return segments;
}

/** A paragraph's anchors are its sentences': they are interned in one table, the dictionary's if there is one. */
function paragraphSegment(doc: Document, paragraph: Paragraph, sentences: Map<string, Segment>): Segment {
  const parts = paragraph.sentences.map((s) => sentences.get(s.id)!.interned!);
  const ids: number[] = [];
  for (const part of parts) for (let k = 0; k < part.ids.length; k++) ids.push(part.ids[k]!);
  return { text: doc.text.slice(paragraph.start, paragraph.end), interned: { table: parts[0]!.table, ids } };
}

const primary = (language: string) => language.toLowerCase().split('-')[0];

/** Adds a bilingual dictionary's evidence to the sentences' anchors, whichever side its source language is. */
function addLexiconAnchors(a: Map<string, Segment>, b: Map<string, Segment>, lexicon: TranslationLexicon, leftLanguage: string): void {
  const [source, target] = primary(lexicon.from) === primary(leftLanguage) ? [a, b] : [b, a];
  const [withSource, withTarget] = withLexiconAnchors([...source.values()], [...target.values()], lexicon);
  [...source.keys()].forEach((id, k) => source.set(id, withSource[k]!));
  [...target.keys()].forEach((id, k) => target.set(id, withTarget[k]!));
}

/**
 * Aligns two documents in two passes: paragraphs first (beads up to 1-3/3-1), then the sentences
 * inside each aligned group of paragraphs. Boilerplate is left out. Rows come in reading order and
 * together cover every other sentence of both documents exactly once.
 */
export function alignDocuments(left: Document, right: Document, options: { lexicon?: TranslationLexicon } = {}): AlignmentRow[] {
  const paragraphsA = alignable(left);
  const paragraphsB = alignable(right);
  if (paragraphsA.length === 0 && paragraphsB.length === 0) {
    throw new AlignmentInputError(t('alignSvc.bothEmpty'));
  }
  if (paragraphsA.length === 0 || paragraphsB.length === 0) {
    const empty = paragraphsA.length === 0 ? left : right;
    throw new AlignmentInputError(t('alignSvc.oneEmpty', { title: empty.meta.title }));
  }

  // Whole untranslated paragraphs (a source line, a caption) are common enough that opening a gap
  // costs no more than the 1-0 prior.
  const table = new AnchorTable();
  const segmentsA = sentenceSegments(left, paragraphsA, table);
  const segmentsB = sentenceSegments(right, paragraphsB, table);
  if (options.lexicon) addLexiconAnchors(segmentsA, segmentsB, options.lexicon, left.meta.language);
  const groups = alignSegments(
    paragraphsA.map((p) => paragraphSegment(left, p, segmentsA)),
    paragraphsB.map((p) => paragraphSegment(right, p, segmentsB)),
    { beads: paragraphBeads, weights: { gapOpenExtra: 0 } },
  ).beads;
  const rows: AlignmentRow[] = [];
  for (const group of groups) {
    const sentencesA = group.a.flatMap((i) => paragraphsA[i]!.sentences);
    const sentencesB = group.b.flatMap((j) => paragraphsB[j]!.sentences);
    const inner = alignSegments(
      sentencesA.map((s) => segmentsA.get(s.id)!),
      sentencesB.map((s) => segmentsB.get(s.id)!),
      { beads: sentenceBeads },
    ).beads;
    inner.forEach((bead, k) => {
      rows.push({
        a: bead.a.map((i) => sentencesA[i]!.id),
        b: bead.b.map((j) => sentencesB[j]!.id),
        confidence: Math.round(Math.min(bead.confidence, group.confidence) * 1000) / 1000,
        startsParagraph: k === 0,
        checked: false,
      });
    });
  }
  return rows;
}

/** Sentence ids that rows may hold: every sentence outside boilerplate, in order. */
export function alignableSentenceIds(doc: Document): string[] {
  return alignable(doc).flatMap((p) => p.sentences.map((s) => s.id));
}

/**
 * Whether stored rows still fit the documents: each alignable sentence of each side exactly once,
 * in reading order. A document edited since would fail this even if its fingerprint were not checked.
 */
export function rowsFit(rows: readonly AlignmentRow[], left: Document, right: Document): boolean {
  const sameOrder = (ids: string[], expected: string[]) => ids.length === expected.length && ids.every((id, k) => id === expected[k]);
  return sameOrder(rows.flatMap((r) => r.a), alignableSentenceIds(left)) && sameOrder(rows.flatMap((r) => r.b), alignableSentenceIds(right));
}

/** A short, stable fingerprint of a document's text (FNV-1a, 32 bit, with the length). */
export function fingerprint(text: string): string {
  const f = fingerprinter();
  f.add(text);
  return f.done();
}

/** `fingerprint` of a text given in pieces (a long text need not be one string, nor hashed at once). */
export function fingerprinter(): { add(piece: string): void; done(): string } {
  let hash = 0x811c9dc5;
  let length = 0;
  return {
    add(piece) {
      for (let k = 0; k < piece.length; k++) {
        hash ^= piece.charCodeAt(k);
        hash = Math.imul(hash, 0x01000193);
      }
      length += piece.length;
    },
    done: () => `${length.toString(36)}-${(hash >>> 0).toString(36)}`,
  };
}
