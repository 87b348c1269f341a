import { choosePair, toPair, type PairFile } from '../../../shared/formats/bilingual';
import { FormatError } from '../../../shared/formats/xml';
import { alignableSentenceIds } from '../../../shared/alignment/documents';
import { FacingError } from '../../../shared/ipc/errors';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document, DocumentSummary } from '../../../shared/model/document';
import type { AlignmentService } from '../alignment';
import type { LibraryService } from '../library';
import type { Store } from '../store';
import { readPairFile } from './read';

export type PairImport =
  | { choose: string[] }
  | { left: DocumentSummary; right: DocumentSummary; rows: number; skipped: number };

const normalise = (text: string) => text.normalize('NFC').replace(/[\u0000-\u001F\u007F\u200B\u00A0\s]+/g, ' ').trim();

/**
 * Rows as the file has them: each unit one row, its text the paragraph(s) the import made of it.
 * Paragraphs are matched to units in order; one the text import split is joined back to its unit.
 */
export function rowsFromUnits(texts: string[], doc: Document): string[][] {
  const alignable = new Set(alignableSentenceIds(doc));
  const paragraphs = doc.paragraphs.map((p) => ({ text: normalise(doc.text.slice(p.start, p.end)), ids: p.sentences.map((s) => s.id).filter((id) => alignable.has(id)) }));
  const out: string[][] = texts.map(() => []);
  let p = 0;
  for (let k = 0; k < texts.length; k++) {
    const want = normalise(texts[k]!);
    if (!want) continue;
    let got = '';
    while (p < paragraphs.length) {
      const next = paragraphs[p]!.text;
      const joined = got ? `${got} ${next}` : next;
      if (got && !want.startsWith(joined)) break;
      got = joined;
      out[k]!.push(...paragraphs[p]!.ids);
      p++;
      if (got.length >= want.length) break;
    }
  }
  // Anything the matching could not place goes with the last unit, so every sentence is in a row.
  while (p < paragraphs.length) out[out.length - 1]!.push(...paragraphs[p++]!.ids);
  return out;
}

function sideText(pair: PairFile, side: 'source' | 'target'): string[] {
  return pair.units.map((u) => u[side].replace(/\s*\n\s*/g, ' ').trim());
}

/** A TMX, XLIFF or two-column table as two library documents and a fixed alignment marked as from the file. */
export async function importPairFile(
  deps: { library: LibraryService; alignments: AlignmentService; store: Store },
  name: string,
  bytes: Uint8Array,
  choice?: { source: string; target: string },
): Promise<PairImport> {
  let pair: PairFile;
  try {
    const file = await readPairFile(name, bytes);
    const chosen = choosePair(file, choice?.source, choice?.target);
    if ('choose' in chosen) return chosen;
    pair = toPair(file, chosen.source, chosen.target);
  } catch (error) {
    if (error instanceof FormatError) throw new FacingError('invalid-request', error.message);
    throw error;
  }
  const units = pair.units.filter((u) => u.source.trim() || u.target.trim());
  if (!units.some((u) => u.source.trim()) || !units.some((u) => u.target.trim())) {
    throw new FacingError('invalid-request', `"${name}" has no text on one of its sides (${pair.source}, ${pair.target}); nothing was imported.`);
  }
  pair = { ...pair, units };
  const base = name.replace(/\.[^.]+$/, '').slice(0, 150) || 'Imported pair';
  const sources = sideText(pair, 'source');
  const targets = sideText(pair, 'target');
  const made: string[] = [];
  try {
    const left = await deps.library.import(`${base}.txt`, Buffer.from(sources.filter(Boolean).join('\n\n'), 'utf8'));
    made.push(left.document.id);
    const right = await deps.library.import(`${base}.txt`, Buffer.from(targets.filter(Boolean).join('\n\n'), 'utf8'));
    made.push(right.document.id);
    const leftSummary = await deps.library.update(left.document.id, { title: `${base} (${pair.source})`, language: pair.source.replace('_', '-') });
    const rightSummary = await deps.library.update(right.document.id, { title: `${base} (${pair.target})`, language: pair.target.replace('_', '-'), translationOf: left.document.id });
    const [docA, docB] = await Promise.all([deps.library.get(leftSummary.id), deps.library.get(rightSummary.id)]);
    const idsA = rowsFromUnits(sources, docA);
    const idsB = rowsFromUnits(targets, docB);
    const rows: AlignmentRow[] = [];
    units.forEach((u, k) => {
      if (!idsA[k]!.length && !idsB[k]!.length) return;
      rows.push({ a: idsA[k]!, b: idsB[k]!, confidence: u.confidence ?? 1, startsParagraph: true, checked: !!u.checked });
    });
    await deps.alignments.save(leftSummary.id, rightSummary.id, rows);
    await deps.store.commit([{ c: 'alignments', k: `${leftSummary.id}|${rightSummary.id}|origin`, v: { file: name, imported: new Date().toISOString(), units: units.length } }]);
    return { left: leftSummary, right: rightSummary, rows: rows.length, skipped: units.length - rows.length };
  } catch (error) {
    // Nothing half-made stays behind.
    for (const id of made.reverse()) await deps.library.remove(id).catch(() => {});
    throw error;
  }
}
