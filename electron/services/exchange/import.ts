import { choosePair, toPair, type PairFile } from '../../../shared/formats/bilingual';
import { FormatError } from '../../../shared/formats/xml';
import { alignableSentenceIds, fingerprint } from '../../../shared/alignment/documents';
import { oneParagraph, sentenceCount } from '../../../shared/formats/units';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import { pairKey, type AlignmentRow, type StoredAlignment } from '../../../shared/model/alignment';
import type { Document, DocumentSummary } from '../../../shared/model/document';
import { countWords, PARAGRAPH_SEPARATOR, type Block } from '../../../shared/text/segmentation';
import type { AlignmentService } from '../alignment';
import type { LibraryService, PreparedDocument } from '../library';
import type { Store } from '../store';
import { breathe, readPairFile } from './read';

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

/** Units of a side handled between two hand-backs of the event loop. */
const SLICE = 2000;

interface Side {
  /** The paragraph each unit became, or -1 when the unit has no text on this side. */
  paragraphOf: Int32Array;
  /** Sentences in each paragraph, as the library splits it when the document is read. */
  sentences: number[];
  prepared: PreparedDocument;
  /** The side's text as a plain file: what is kept as the document's original. */
  bytes: Buffer;
  /** The fingerprint of the document's text, which a stored alignment is checked against. */
  fingerprint: string;
}

/**
 * One side of the pair as stored blocks, one paragraph per unit, with its words and sentence counts
 * found a slice at a time: the document is neither extracted nor segmented again.
 */
async function sideOf(pair: PairFile, side: 'source' | 'target', base: string): Promise<Side> {
  const language = pair[side].replace('_', '-');
  const blocks: Block[] = [];
  const sentences: number[] = [];
  const paragraphOf = new Int32Array(pair.units.length).fill(-1);
  let wordCount = 0;
  for (let k = 0; k < pair.units.length; k++) {
    if (k % SLICE === SLICE - 1) await breathe();
    const text = oneParagraph(pair.units[k]![side]);
    if (!text) continue;
    paragraphOf[k] = blocks.length;
    blocks.push({ text, kind: 'paragraph' });
    sentences.push(sentenceCount(text, language));
    wordCount += countWords(text);
  }
  const text = blocks.map((b) => b.text).join(PARAGRAPH_SEPARATOR);
  const name = `${base}.txt`;
  return {
    paragraphOf,
    sentences,
    fingerprint: fingerprint(text),
    bytes: Buffer.from(text, 'utf8'),
    prepared: { format: 'txt', name, title: `${base} (${pair[side]})`, language, blocks, wordCount },
  };
}

/** Each unit's sentence ids, made from the counts: paragraph p's sentences are p<p>s0, p<p>s1, … */
function rowIds(side: Side): string[][] {
  return Array.from(side.paragraphOf, (p) => (p < 0 ? [] : Array.from({ length: side.sentences[p]! }, (_, s) => `p${p}s${s}`)));
}

/** Each unit's sentence ids in a document already segmented: those of the paragraph it became. */
function rowIdsIn(side: Side, doc: Document): string[][] {
  const ids = doc.paragraphs.map((p) => (p.kind === 'boilerplate' ? [] : p.sentences.map((s) => s.id)));
  return Array.from(side.paragraphOf, (p) => (p < 0 ? [] : (ids[p] ?? [])));
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
    throw new FacingError('invalid-request', t('exchangeSvc.sideEmpty', { name, source: pair.source, target: pair.target }));
  }
  pair = { ...pair, units };
  const base = name.replace(/\.[^.]+$/, '').slice(0, 150) || 'Imported pair';
  const sourceSide = await sideOf(pair, 'source', base);
  const targetSide = await sideOf(pair, 'target', base);
  const made: string[] = [];
  try {
    const left = await deps.library.import(sourceSide.prepared.name, sourceSide.bytes, sourceSide.prepared);
    if (!left.duplicate) made.push(left.document.id);
    // Equal sides ("Berlin\tBerlin") are still two documents: the content de-duplication would hand back the left one.
    const dedupeKey = targetSide.bytes.equals(sourceSide.bytes) ? 'target side equal to its source' : undefined;
    const right = await deps.library.import(targetSide.prepared.name, targetSide.bytes, { ...targetSide.prepared, translationOf: left.document.id, dedupeKey });
    if (!right.duplicate) made.push(right.document.id);
    // The same file imported again finds its documents; they are labelled as this import says.
    const leftSummary = left.duplicate ? await deps.library.update(left.document.id, { title: sourceSide.prepared.title, language: sourceSide.prepared.language }) : left.document;
    const rightSummary = right.duplicate
      ? await deps.library.update(right.document.id, { title: targetSide.prepared.title, language: targetSide.prepared.language, translationOf: left.document.id })
      : right.document;
    const origin = { c: 'alignments' as const, k: `${leftSummary.id}|${rightSummary.id}|origin`, v: { file: name, imported: new Date().toISOString(), units: units.length } };
    const rows: AlignmentRow[] = [];
    const rowsOf = (idsA: string[][], idsB: string[][]) =>
      units.forEach((u, k) => {
        if (!idsA[k]!.length && !idsB[k]!.length) return;
        rows.push({ a: idsA[k]!, b: idsB[k]!, confidence: u.confidence ?? 1, startsParagraph: true, checked: !!u.checked });
      });
    if (left.duplicate || right.duplicate) {
      // Documents stored by an earlier version were split as plain text: their paragraphs are matched to the units.
      const [docA, docB] = await Promise.all([deps.library.get(leftSummary.id), deps.library.get(rightSummary.id)]);
      const idsA = left.duplicate ? rowsFromUnits(pair.units.map((u) => oneParagraph(u.source)), docA) : rowIdsIn(sourceSide, docA);
      const idsB = right.duplicate ? rowsFromUnits(pair.units.map((u) => oneParagraph(u.target)), docB) : rowIdsIn(targetSide, docB);
      rowsOf(idsA, idsB);
      await deps.alignments.save(leftSummary.id, rightSummary.id, rows);
      await deps.store.commit([origin]);
    } else {
      // Two new documents: their rows are known from the units, so neither is read back and split whole
      // (the alignment service would, to check rows it is handed); they are checked when the pair is opened.
      rowsOf(rowIds(sourceSide), rowIds(targetSide));
      const stored: StoredAlignment = {
        left: leftSummary.id,
        right: rightSummary.id,
        leftFingerprint: sourceSide.fingerprint,
        rightFingerprint: targetSide.fingerprint,
        rows,
        modified: new Date().toISOString(),
      };
      await deps.store.commit([{ c: 'alignments', k: pairKey(leftSummary.id, rightSummary.id), v: stored }, origin]);
    }
    return { left: leftSummary, right: rightSummary, rows: rows.length, skipped: units.length - rows.length };
  } catch (error) {
    // Nothing half-made stays behind.
    for (const id of made.reverse()) await deps.library.remove(id).catch(() => {});
    if (error instanceof FacingError && !error.message.includes(name)) throw new FacingError(error.code, t('exchangeSvc.prefixed', { name, message: error.message }));
    throw error;
  }
}
