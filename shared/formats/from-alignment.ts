import type { AlignmentRow } from '../model/alignment';
import type { Document } from '../model/document';
import type { PairFile, PairUnit, UnitMark } from './bilingual';

/** A highlight of one document, by offsets into its text. */
export interface DocumentMark {
  start: number;
  end: number;
  colour?: string;
  note?: string;
}

export interface PairSource {
  left: Document;
  right: Document;
  rows: readonly AlignmentRow[];
  /** Flag messages per row index. */
  flags?: Map<number, string[]>;
  marksLeft?: DocumentMark[];
  marksRight?: DocumentMark[];
}

/**
 * The rows of an alignment as units, highlights moved into each unit's text. Sentences of one
 * paragraph keep the text between them as the document has it; sentences of different paragraphs
 * are joined with a space.
 */
export function pairFromAlignment(source: PairSource): PairFile {
  const spans = (doc: Document) => {
    const map = new Map<string, { start: number; end: number; heading: boolean; paragraph: number }>();
    doc.paragraphs.forEach((p, paragraph) => {
      for (const s of p.sentences) map.set(s.id, { start: s.start, end: s.end, heading: p.kind === 'heading', paragraph });
    });
    return map;
  };
  const spansA = spans(source.left);
  const spansB = spans(source.right);
  const side = (ids: readonly string[], doc: Document, index: ReturnType<typeof spans>, marks: DocumentMark[] | undefined) => {
    let text = '';
    const own: UnitMark[] = [];
    let previous: { end: number; paragraph: number } | undefined;
    for (const id of ids) {
      const span = index.get(id);
      if (!span) continue;
      if (previous) text += previous.paragraph === span.paragraph && previous.end <= span.start ? doc.text.slice(previous.end, span.start) : ' ';
      previous = span;
      const base = text.length;
      text += doc.text.slice(span.start, span.end);
      for (const m of marks ?? []) {
        const start = Math.max(m.start, span.start);
        const end = Math.min(m.end, span.end);
        if (end > start) own.push({ start: base + start - span.start, end: base + end - span.start, colour: m.colour, note: m.note && m.end <= span.end ? m.note : undefined });
      }
    }
    return { text, marks: own };
  };
  const units: PairUnit[] = source.rows.map((row, k) => {
    const a = side(row.a, source.left, spansA, source.marksLeft);
    const b = side(row.b, source.right, spansB, source.marksRight);
    const notes = [...a.marks, ...b.marks].map((m) => m.note).filter((n): n is string => !!n);
    const heading = row.a.length ? !!spansA.get(row.a[0]!)?.heading : row.b.length ? !!spansB.get(row.b[0]!)?.heading : false;
    return {
      source: a.text,
      target: b.text,
      checked: row.checked,
      confidence: row.confidence,
      startsParagraph: row.startsParagraph,
      heading,
      ...(notes.length ? { notes } : {}),
      ...(source.flags?.get(k)?.length ? { flags: source.flags.get(k) } : {}),
      ...(a.marks.length ? { marksSource: a.marks } : {}),
      ...(b.marks.length ? { marksTarget: b.marks } : {}),
    };
  });
  return { source: source.left.meta.language, target: source.right.meta.language, title: source.left.meta.title, targetTitle: source.right.meta.title, units };
}
