import type { AlignmentRow } from '../model/alignment';
import type { Document } from '../model/document';
import type { PairFile } from './bilingual';

/** JSON rows: each side's sentence indices (0-based, in reading order) and texts, with confidence. */
export function alignmentJson(left: Document, right: Document, rows: readonly AlignmentRow[]): string {
  const index = (doc: Document) => {
    const map = new Map<string, { n: number; text: string }>();
    let n = 0;
    for (const p of doc.paragraphs) for (const s of p.sentences) map.set(s.id, { n: n++, text: doc.text.slice(s.start, s.end) });
    return map;
  };
  const a = index(left);
  const b = index(right);
  return `${JSON.stringify(
    {
      source: { language: left.meta.language, title: left.meta.title },
      target: { language: right.meta.language, title: right.meta.title },
      rows: rows.map((r, k) => ({
        row: k + 1,
        source: r.a.map((id) => a.get(id)!.n),
        target: r.b.map((id) => b.get(id)!.n),
        sourceText: r.a.map((id) => a.get(id)!.text),
        targetText: r.b.map((id) => b.get(id)!.text),
        confidence: r.confidence,
        checked: r.checked,
        startsParagraph: r.startsParagraph,
      })),
    },
    null,
    1,
  )}\n`;
}

/** JSON of units alone, when there is no alignment behind them (converting a file). */
export function pairJson(pair: PairFile): string {
  return `${JSON.stringify({ source: { language: pair.source }, target: { language: pair.target }, rows: pair.units.map((u, k) => ({ row: k + 1, sourceText: [u.source], targetText: [u.target], confidence: u.confidence, checked: u.checked })) }, null, 1)}\n`;
}
