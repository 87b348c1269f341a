import { isUtf8 } from 'node:buffer';
import type ExcelJS from 'exceljs';
import { FormatError } from '../../../shared/formats/xml';
import type { MultiFile } from '../../../shared/formats/bilingual';
import { readDelimitedTable, readTable } from '../../../shared/formats/table';
import { t } from '../../../shared/i18n/current';
import { tmxReader } from '../../../shared/formats/tmx';
import { readXliff } from '../../../shared/formats/xliff';
import { ImportRefused } from '../import/errors';
import { readZip } from '../import/zip';

/** Hands the event loop back, so another request is answered while a big file is read. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks the whole file is UTF-8 at once (simdutf), then hands it to a consumer a slice at a time,
 * each slice cut at a character boundary: a 50 MB file is never one string, and the event loop is
 * handed back between slices.
 */
async function decodeSlices(bytes: Uint8Array, name: string, consume: (text: string) => void, sliceSize = 1 << 20): Promise<void> {
  if (!isUtf8(bytes)) throw new FormatError(t('exchangeSvc.notUtf8', { name }));
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (at < buffer.length) {
    let end = Math.min(at + sliceSize, buffer.length);
    // Back to the first byte of a character (continuation bytes are 10xxxxxx).
    while (end < buffer.length && (buffer[end]! & 0xc0) === 0x80) end--;
    consume(buffer.toString('utf8', at, end));
    at = end;
    if (at < buffer.length) await breathe();
  }
}

function decode(bytes: Uint8Array, name: string): string {
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

/** Reads a bilingual file by its name's ending: .tmx, .xlf/.xliff, .tsv, .csv, .xlsx. */
export async function readPairFile(name: string, bytes: Uint8Array): Promise<MultiFile> {
  const ext = name.toLowerCase().split('.').pop();
  const label = t('exchangeSvc.fileLabel', { name });
  switch (ext) {
    case 'tmx': {
      const reader = tmxReader(label);
      await decodeSlices(bytes, label, (t) => reader.write(t));
      return reader.close();
    }
    case 'xlf':
    case 'xliff':
      return readXliff(decode(bytes, label), label);
    case 'tsv':
    case 'csv':
      return readDelimitedTable(decode(bytes, label).replace(/^\uFEFF/, ''), ext === 'tsv' ? '\t' : ',', label);
    case 'xlsx': {
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
