import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { FormatError } from '../../../shared/formats/xml';
import type { MultiFile } from '../../../shared/formats/bilingual';
import { readDelimitedTable, readTable } from '../../../shared/formats/table';
import { t } from '../../../shared/i18n/current';
import { tmxReader } from '../../../shared/formats/tmx';
import { xliffReader } from '../../../shared/formats/xliff';
import { ImportRefused } from '../import/errors';
import { readZip } from '../import/zip';

/** Hands the event loop back, so another request is answered while a big file is read. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file of pairs: its bytes in memory, or a file on disk read a chunk at a time. */
export type PairSource = Uint8Array | { path: string };

/** Called as the file is read: bytes read so far of the total. */
export type ReadProgress = (done: number, total: number) => void;

const CHUNK = 1 << 20;

async function* chunksOf(source: PairSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += CHUNK) {
      yield source.subarray(at, at + CHUNK);
      await breathe();
    }
    return;
  }
  yield* createReadStream(source.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
}

async function sizeOf(source: PairSource): Promise<number> {
  return source instanceof Uint8Array ? source.length : (await stat(source.path)).size;
}

/** Where the last whole character of a chunk ends: a sequence cut by the chunk's end is left for the next one. */
function wholeCharacters(chunk: Buffer): number {
  let lead = chunk.length - 1;
  while (lead >= 0 && chunk.length - lead < 4 && (chunk[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return chunk.length;
  const byte = chunk[lead]!;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + length > chunk.length ? lead : chunk.length;
}

/**
 * Checks each chunk is UTF-8 (simdutf) and hands its text to a consumer, a character cut between two
 * chunks carried over: the file is never one string nor wholly in memory, and the event loop is
 * handed back between chunks. Invalid UTF-8 anywhere refuses the file.
 */
async function decodeChunks(source: PairSource, name: string, consume: (text: string) => void, progress?: ReadProgress): Promise<void> {
  const total = await sizeOf(source);
  const refuse = () => new FormatError(t('exchangeSvc.notUtf8', { name }));
  let carry: Buffer | null = null;
  let done = 0;
  let first = true;
  for await (const raw of chunksOf(source)) {
    const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const chunk: Buffer = carry ? Buffer.concat([carry, bytes]) : bytes;
    const end = wholeCharacters(chunk);
    carry = end < chunk.length ? Buffer.from(chunk.subarray(end)) : null;
    const whole = chunk.subarray(0, end);
    if (first && isUtf16(whole)) throw new FormatError(t('exchangeSvc.utf16', { name }));
    if (!isUtf8(whole)) throw refuse();
    const from = first && whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf ? 3 : 0;
    first = false;
    // ASCII is its own Latin-1: copied as it is, not decoded (V8's UTF-8 decoder takes several times as long).
    consume(isAscii(whole) ? whole.toString('latin1') : whole.toString('utf8', from));
    done += raw.length;
    progress?.(done, total);
  }
  if (carry) throw refuse();
}

async function bytesOf(source: PairSource): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source : readFile(source.path);
}

/** A UTF-16 file: its byte-order mark, or ASCII with a zero byte beside each letter (which is valid UTF-8). */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return bytes.length >= 4 && ((bytes[0] === 0x3c && bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0));
}

function decode(bytes: Uint8Array, name: string): string {
  if (isUtf16(bytes)) throw new FormatError(t('exchangeSvc.utf16', { name }));
  if (!isUtf8(bytes)) throw new FormatError(t('exchangeSvc.notUtf8', { name }));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
}

/** A cell as its text: a formula by its cached result, a date as an ISO date (the day alone at midnight UTC). */
function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.getTime() % 86_400_000 === 0 ? v.toISOString().slice(0, 10) : v.toISOString();
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}

/**
 * Reads a bilingual file by its name's ending: .tmx, .xlf/.xliff, .tsv, .csv, .xlsx. TMX and XLIFF are
 * parsed as they are read; tables (whose readers need the whole file) are read whole.
 */
export async function readPairFile(name: string, source: PairSource, progress?: ReadProgress): Promise<MultiFile> {
  const ext = name.toLowerCase().split('.').pop();
  const label = t('exchangeSvc.fileLabel', { name });
  switch (ext) {
    case 'tmx':
    case 'xlf':
    case 'xliff': {
      const reader = ext === 'tmx' ? tmxReader(label) : xliffReader(label);
      await decodeChunks(source, label, (text) => reader.write(text), progress);
      return reader.close();
    }
    case 'tsv':
    case 'csv': {
      const bytes = await bytesOf(source);
      return readDelimitedTable(decode(bytes, label), ext === 'tsv' ? '\t' : ',', label);
    }
    case 'xlsx': {
      const bytes = await bytesOf(source);
      // The archive is checked (its XML inflated, the sizes verified) before exceljs inflates it unchecked.
      try {
        await readZip(Buffer.from(bytes), t('zip.thisXlsx'), (entry) => /\.(xml|rels)$/i.test(entry));
      } catch (error) {
        if (error instanceof ImportRefused) throw new FormatError(`${label}: ${error.message}`);
        throw error;
      }
      // Loaded when first needed: evaluating exceljs costs about a second of CPU, which every start paid.
      const { Workbook } = (await import('exceljs')).default;
      const workbook = new Workbook();
      try {
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      } catch {
        throw new FormatError(t('exchangeSvc.notXlsx', { name: label }));
      }
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new FormatError(t('exchangeSvc.noSheet', { name: label }));
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        const values: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cellText(cell.value)));
        rows.push(Array.from(values, (v) => v ?? ''));
      });
      return readTable(rows, label);
    }
    default:
      throw new FormatError(t('exchangeSvc.unknownFormat', { name: label }));
  }
}
