import { defuseCell, formulaStart } from '../annotations/export';
import { FormatError } from './xml';
import { t } from '../i18n/current';

/** The longest cell read; a longer one is refused, as a hostile or broken file. */
export const MAX_CELL = 1024 * 1024;

/**
 * RFC 4180 fields: quoted when they hold the delimiter, a quote or a line break. Cells are sliced
 * between the positions of the next quote, delimiter and line break, never built a character at a time.
 */
export function parseDelimited(text: string, delimiter: string, name = 'The file', maxCell = MAX_CELL): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  // The next delimiter, line feed and carriage return at or after `from`, each searched again only once passed.
  const next = { [delimiter]: -1, '\n': -1, '\r': -1 } as Record<string, number>;
  const nextStop = (from: number) => {
    let stop = n;
    for (const c of Object.keys(next)) {
      if (next[c]! < from) {
        const at = text.indexOf(c, from);
        next[c] = at < 0 ? n : at;
      }
      stop = Math.min(stop, next[c]!);
    }
    return stop;
  };
  const tooLong = () => new FormatError(t('formatError.cellTooLong', { name, size: String(Math.round(maxCell / 1024)), row: String(rows.length + 1) }));
  let k = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    if (k >= n) {
      if (row.length) rows.push([...row, '']);
      break;
    }
    let field = '';
    if (text[k] === '"') {
      const parts: string[] = [];
      let length = 0;
      let at = k + 1;
      for (;;) {
        const q = text.indexOf('"', at);
        const end = q < 0 ? n : q;
        parts.push(text.slice(at, end));
        length += end - at;
        if (length > maxCell) throw tooLong();
        if (q < 0) {
          at = n;
          break;
        }
        if (text[q + 1] === '"') {
          parts.push('"');
          length++;
          at = q + 2;
        } else {
          at = q + 1;
          break;
        }
      }
      field = parts.join('');
      k = at;
    }
    const stop = nextStop(k);
    if (field.length + stop - k > maxCell) throw tooLong();
    field += text.slice(k, stop);
    row.push(field);
    if (stop >= n) {
      rows.push(row);
      break;
    }
    if (text[stop] === delimiter) {
      k = stop + 1;
      continue;
    }
    rows.push(row);
    row = [];
    k = stop + (text[stop] === '\r' && text[stop + 1] === '\n' ? 2 : 1);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** A cell as written before its export defused it: the apostrophe before a formula's first character goes. */
export const restoreCell = (cell: string) => (cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell);

/** Cells defused as in every spreadsheet export (a leading =, +, -, @ gets an apostrophe), quoted only where needed. */
export function writeDelimited(rows: string[][], delimiter: string): string {
  const cell = (value: string) => {
    const v = defuseCell(value);
    return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
