import { choosePair, toPair, type PairFile } from '../../../shared/formats/bilingual';
import { FormatError } from '../../../shared/formats/xml';
import { alignableSentenceIds, fingerprinter } from '../../../shared/alignment/documents';
import { oneParagraph, sentenceCounts } from '../../../shared/formats/units';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import { pairKey, type AlignmentRow, type StoredAlignment } from '../../../shared/model/alignment';
import type { Document, DocumentSummary } from '../../../shared/model/document';
import { countWords, PARAGRAPH_SEPARATOR, type Block } from '../../../shared/text/segmentation';
import type { AlignmentService } from '../alignment';
import type { LibraryService, PreparedDocument } from '../library';
import type { Store } from '../store';
import { breathe, readPairFile, type PairSource } from './read';

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
async function sideOf(pair: PairFile, side: 'source' | 'target', base: string, progress: (done: number) => void): Promise<Side> {
  const language = pair[side].replace('_', '-');
  const blocks: Block[] = [];
  const sentences: number[] = [];
  const paragraphOf = new Int32Array(pair.units.length).fill(-1);
  let wordCount = 0;
  let size = 0;
  for (let from = 0; from < pair.units.length; from += SLICE) {
    if (from) {
      progress(from);
      await breathe();
    }
    const texts: string[] = [];
    for (let k = from; k < Math.min(pair.units.length, from + SLICE); k++) {
      const text = oneParagraph(pair.units[k]![side]);
      if (!text) continue;
      paragraphOf[k] = blocks.length;
      blocks.push({ text, kind: 'paragraph' });
      texts.push(text);
      wordCount += countWords(text);
      size += Buffer.byteLength(text);
    }
    for (const count of sentenceCounts(texts, language)) sentences.push(count);
  }
  // The text as stored (paragraphs joined by the separator), hashed and encoded straight into one buffer: never one string.
  const hash = fingerprinter();
  const bytes = Buffer.allocUnsafe(size + PARAGRAPH_SEPARATOR.length * Math.max(0, blocks.length - 1));
  let at = 0;
  for (let p = 0; p < blocks.length; p++) {
    if (p % (8 * SLICE) === 8 * SLICE - 1) await breathe();
    if (p) {
      hash.add(PARAGRAPH_SEPARATOR);
      at += bytes.write(PARAGRAPH_SEPARATOR, at, 'latin1');
    }
    const text = blocks[p]!.text;
    hash.add(text);
    at += bytes.write(text, at);
  }
  const name = `${base}.txt`;
  return {
    paragraphOf,
    sentences,
    fingerprint: hash.done(),
    bytes,
    prepared: { format: 'txt', name, title: `${base} (${pair[side]})`, language, blocks, wordCount },
  };
}

/** A unit's sentence ids, made from the counts: paragraph p's sentences are p<p>s0, p<p>s1, … */
function unitIds(side: Side, k: number): string[] {
  const p = side.paragraphOf[k]!;
  const ids: string[] = [];
  for (let s = 0; p >= 0 && s < side.sentences[p]!; s++) ids.push(`p${p}s${s}`);
  return ids;
}

/** Each unit's sentence ids in a document already segmented: those of the paragraph it became. */
function rowIdsIn(side: Side, doc: Document): string[][] {
  const ids = doc.paragraphs.map((p) => (p.kind === 'boilerplate' ? [] : p.sentences.map((s) => s.id)));
  return Array.from(side.paragraphOf, (p) => (p < 0 ? [] : (ids[p] ?? [])));
}

/** How far an import is, from 0 to 1: reading the file is the first half, making the two documents most of the rest. */
export type ImportProgress = (fraction: number) => void;

/** A TMX, XLIFF or two-column table as two library documents and a fixed alignment marked as from the file. */
export async function importPairFile(
  deps: { library: LibraryService; alignments: AlignmentService; store: Store },
  name: string,
  source: PairSource,
  choice?: { source: string; target: string },
  progress: ImportProgress = () => {},
): Promise<PairImport> {
  let pair: PairFile;
  try {
    const file = await readPairFile(name, source, (done, total) => progress((0.5 * done) / Math.max(1, total)));
    const chosen = choosePair(file, choice?.source, choice?.target);
    if ('choose' in chosen) return chosen;
    pair = toPair(file, chosen.source, chosen.target);
  } catch (error) {
    if (error instanceof FormatError) throw new FacingError('invalid-request', error.message);
    throw error;
  }
  // toPair left out the units empty on both sides.
  const units = pair.units;
  if (!units.some((u) => u.source.trim()) || !units.some((u) => u.target.trim())) {
    throw new FacingError('invalid-request', t('exchangeSvc.sideEmpty', { name, source: pair.source, target: pair.target }));
  }
  const base = name.replace(/\.[^.]+$/, '').slice(0, 150) || 'Imported pair';
  const count = Math.max(1, units.length);
  const sourceSide = await sideOf(pair, 'source', base, (k) => progress(0.5 + (0.2 * k) / count));
  const targetSide = await sideOf(pair, 'target', base, (k) => progress(0.7 + (0.2 * k) / count));
  const made: string[] = [];
  try {
    const left = await deps.library.import(sourceSide.prepared.name, sourceSide.bytes, sourceSide.prepared);
    if (!left.duplicate) made.push(left.document.id);
    progress(0.94);
    // Equal sides ("Berlin\tBerlin") are still two documents: the content de-duplication would hand back the left one.
    const dedupeKey = targetSide.bytes.equals(sourceSide.bytes) ? 'target side equal to its source' : undefined;
    const right = await deps.library.import(targetSide.prepared.name, targetSide.bytes, { ...targetSide.prepared, translationOf: left.document.id, dedupeKey });
    if (!right.duplicate) made.push(right.document.id);
    progress(0.98);
    // The same file imported again finds its documents; they are labelled as this import says.
    const leftSummary = left.duplicate ? await deps.library.update(left.document.id, { title: sourceSide.prepared.title, language: sourceSide.prepared.language }) : left.document;
    const rightSummary = right.duplicate
      ? await deps.library.update(right.document.id, { title: targetSide.prepared.title, language: targetSide.prepared.language, translationOf: left.document.id })
      : right.document;
    const origin = { c: 'alignments' as const, k: `${leftSummary.id}|${rightSummary.id}|origin`, v: { file: name, imported: new Date().toISOString(), units: units.length } };
    const rows: AlignmentRow[] = [];
    const rowsOf = async (idsA: (k: number) => string[], idsB: (k: number) => string[]) => {
      for (let k = 0; k < units.length; k++) {
        if (k % SLICE === SLICE - 1) await breathe();
        const [a, b] = [idsA(k), idsB(k)];
        if (!a.length && !b.length) continue;
        rows.push({ a, b, confidence: units[k]!.confidence ?? 1, startsParagraph: true, checked: !!units[k]!.checked });
      }
    };
    if (left.duplicate || right.duplicate) {
      // Documents stored by an earlier version were split as plain text: their paragraphs are matched to the units.
      const [docA, docB] = await Promise.all([deps.library.get(leftSummary.id), deps.library.get(rightSummary.id)]);
      const idsA = left.duplicate ? rowsFromUnits(pair.units.map((u) => oneParagraph(u.source)), docA) : rowIdsIn(sourceSide, docA);
      const idsB = right.duplicate ? rowsFromUnits(pair.units.map((u) => oneParagraph(u.target)), docB) : rowIdsIn(targetSide, docB);
      await rowsOf((k) => idsA[k]!, (k) => idsB[k]!);
      await deps.alignments.save(leftSummary.id, rightSummary.id, rows);
      await deps.store.commit([origin]);
    } else {
      // Two new documents: their rows are known from the units, so neither is read back and split whole
      // (the alignment service would, to check rows it is handed); they are checked when the pair is opened.
      await rowsOf((k) => unitIds(sourceSide, k), (k) => unitIds(targetSide, k));
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
