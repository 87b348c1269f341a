import ExcelJS from 'exceljs';
import { FormatError } from '../../../shared/formats/xml';
import type { MultiFile } from '../../../shared/formats/bilingual';
import { readDelimitedTable, readTable } from '../../../shared/formats/table';
import { tmxReader } from '../../../shared/formats/tmx';
import { readXliff } from '../../../shared/formats/xliff';

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
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          const v = cell.value;
          const text = v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);
          values[col - 1] = text;
        });
        rows.push(Array.from(values, (v) => v ?? ''));
      });
      return readTable(rows, label);
    }
    default:
      throw new FormatError(`${label} is not a bilingual file Facing reads (.tmx, .xlf, .xliff, .tsv, .csv, .xlsx).`);
  }
}
