import type { MultiFile, PairFile } from './bilingual';
import { parseDelimited, restoreCell, writeDelimited } from './delimited';
import { FormatError } from './xml';
import { t } from '../i18n/current';

export const tableHeader = (pair: PairFile) => ['row', pair.source, pair.target, 'checked', 'confidence', 'flags'];

/** The cells of each row for TSV and XLSX alike: row number, both sides, checked, confidence, flags. */
export function tableRows(pair: PairFile): Array<[number, string, string, string, string, string]> {
  return pair.units.map((u, k) => [k + 1, u.source, u.target, u.checked ? 'yes' : '', u.confidence === undefined ? '' : String(u.confidence), (u.flags ?? []).join('; ')]);
}

/** TSV (or CSV with ','): tabs and line breaks inside a cell are quoted as in CSV, so a cell keeps its newlines. */
export function writeTsv(pair: PairFile, delimiter: '\t' | ',' = '\t'): string {
  return writeDelimited([tableHeader(pair), ...tableRows(pair).map((r) => r.map(String))], delimiter);
}

const languageCode = /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i;

/**
 * Two-column tables (TSV, CSV, the first sheet of an XLSX): language codes in the header name the
 * columns; a header "row, en, de, checked, ..." as Facing writes it is understood, and without a
 * header the first two columns are the pair.
 */
export function readTable(rows: string[][], name = 'The table', fallback: [string, string] = ['und', 'und']): MultiFile {
  if (!rows.length) throw new FormatError(t('formatError.empty', { name }));
  const head = rows[0]!.map((c) => c.trim());
  const languageColumns = head.map((c, k) => (languageCode.test(c) && !/^(row|checked|confidence|flags)$/i.test(c) ? k : -1)).filter((k) => k >= 0);
  let columns: number[];
  let languages: string[];
  let body = rows;
  if (languageColumns.length >= 2) {
    columns = languageColumns;
    languages = languageColumns.map((k) => head[k]!);
    body = rows.slice(1);
  } else {
    if (head.length < 2) throw new FormatError(t('formatError.twoColumns', { name }));
    columns = [0, 1];
    languages = fallback;
  }
  const checkedColumn = head.findIndex((c) => /^checked$/i.test(c));
  const confidenceColumn = head.findIndex((c) => /^confidence$/i.test(c));
  return {
    languages,
    sourceLanguage: languages[0],
    units: body.map((r) => {
      const texts: Record<string, string> = {};
      columns.forEach((k, j) => (texts[languages[j]!] = r[k] ?? ''));
      const confidence = confidenceColumn >= 0 && r[confidenceColumn] ? Number(r[confidenceColumn]) : undefined;
      return {
        texts,
        checked: checkedColumn >= 0 ? /^(yes|true|1|x)$/i.test(r[checkedColumn] ?? '') : undefined,
        confidence: confidence !== undefined && Number.isFinite(confidence) ? confidence : undefined,
      };
    }),
  };
}

export function readDelimitedTable(text: string, delimiter: '\t' | ',', name?: string, fallback?: [string, string]): MultiFile {
  return readTable(parseDelimited(text, delimiter, name).map((row) => row.map(restoreCell)), name, fallback);
}
