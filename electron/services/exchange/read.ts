import ExcelJS from 'exceljs';
import { FormatError } from '../../../shared/formats/xml';
import type { MultiFile } from '../../../shared/formats/bilingual';
import { readDelimitedTable, readTable } from '../../../shared/formats/table';
import { tmxReader } from '../../../shared/formats/tmx';
import { readXliff } from '../../../shared/formats/xliff';
import { ImportRefused } from '../import/errors';
import { readZip } from '../import/zip';

/** Decodes UTF-8 strictly, chunk by chunk, into a consumer: a 50 MB file is never one string twice. */
function decodeChunks(bytes: Uint8Array, name: string, consume: (text: string) => void, chunkSize = 1 << 20): void {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    for (let at = 0; at < bytes.length; at += chunkSize) consume(decoder.decode(bytes.subarray(at, at + chunkSize), { stream: true }));
    consume(decoder.decode());
  } catch (error) {
    if (error instanceof TypeError) throw new FormatError(`${name} is not valid UTF-8; nothing was imported.`);
    throw error;
  }
}

function decode(bytes: Uint8Array, name: string): string {
  let text = '';
  decodeChunks(bytes, name, (t) => (text += t));
  return text;
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
  const label = `"${name}"`;
  switch (ext) {
    case 'tmx': {
      const reader = tmxReader(label);
      decodeChunks(bytes, label, (t) => reader.write(t));
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
        await readZip(Buffer.from(bytes), 'XLSX workbook', (entry) => /\.(xml|rels)$/i.test(entry));
      } catch (error) {
        if (error instanceof ImportRefused) throw new FormatError(`${label}: ${error.message}`);
        throw error;
      }
      const workbook = new ExcelJS.Workbook();
      try {
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      } catch {
        throw new FormatError(`${label} is not a readable XLSX workbook.`);
      }
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new FormatError(`${label} has no sheet.`);
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        const values: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cellText(cell.value)));
        rows.push(Array.from(values, (v) => v ?? ''));
      });
      return readTable(rows, label);
    }
    default:
      throw new FormatError(`${label} is not a bilingual file Facing reads (.tmx, .xlf, .xliff, .tsv, .csv, .xlsx).`);
  }
}
