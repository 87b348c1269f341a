import type { AlignmentRow } from '../model/alignment';
import type { Document } from '../model/document';
import { sentenceIndex } from './rows';

export type FlagKind = 'no-counterpart' | 'number-mismatch' | 'length-ratio';

export interface RowFlag {
  row: number;
  kind: FlagKind;
  message: string;
}

// Standalone numbers only: the digits of "A380" or "COVID-19" are part of a name, not a quantity.
const numberPattern = /(?<![\p{L}\d])\d+(?:[.,'’\u00A0\u202F ]\d{3})*(?:[.,]\d+)?(?![\p{L}])/gu;

/** Numbers written either way ("36.464", "36,464", "15 %") reduce to their digits. */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(numberPattern)].map((m) => m[0].replace(/\D/g, '').replace(/^0+(?=\d)/, ''));
}

function missingFrom(source: string[], target: string[]): string[] {
  const pool = [...target];
  const missing: string[] = [];
  for (const n of source) {
    const k = pool.indexOf(n);
    if (k >= 0) pool.splice(k, 1);
    else missing.push(n);
  }
  return missing;
}

/** A row is this much longer or shorter than the document's usual ratio before it is flagged. */
const RATIO_LIMIT = 2.2;
const MIN_CHARS = 40;

/**
 * Translation checks per aligned row: a side with no counterpart, numbers on one side that the other
 * lacks (after normalising separators), and lengths far from the pair's usual ratio.
 */
export function checkRows(rows: readonly AlignmentRow[], left: Document, right: Document): RowFlag[] {
  const textA = sentenceIndex(left);
  const textB = sentenceIndex(right);
  const joined = (ids: readonly string[], index: Map<string, string>) => ids.map((id) => index.get(id) ?? '').join(' ');
  const texts = rows.map((row) => [joined(row.a, textA), joined(row.b, textB)] as const);

  const ratios = texts.filter(([a, b]) => a.length >= MIN_CHARS && b.length >= MIN_CHARS).map(([a, b]) => b.length / a.length).sort((x, y) => x - y);
  const usual = ratios.length ? ratios[ratios.length >> 1]! : 1;

  const flags: RowFlag[] = [];
  const leftName = left.meta.language.toUpperCase();
  const rightName = right.meta.language.toUpperCase();
  rows.forEach((row, index) => {
    const [a, b] = texts[index]!;
    if (row.a.length === 0 || row.b.length === 0) {
      flags.push({ row: index, kind: 'no-counterpart', message: `Only in ${row.a.length ? leftName : rightName}: no counterpart in ${row.a.length ? rightName : leftName}.` });
      return;
    }
    const numbersA = numbersIn(a);
    const numbersB = numbersIn(b);
    const onlyA = missingFrom(numbersA, numbersB);
    const onlyB = missingFrom(numbersB, numbersA);
    if (onlyA.length || onlyB.length) {
      const parts = [onlyA.length ? `${onlyA.join(', ')} only in ${leftName}` : '', onlyB.length ? `${onlyB.join(', ')} only in ${rightName}` : ''].filter(Boolean);
      flags.push({ row: index, kind: 'number-mismatch', message: `Numbers differ: ${parts.join('; ')}.` });
    }
    if (a.length >= MIN_CHARS && b.length >= MIN_CHARS) {
      const relative = b.length / a.length / usual;
      if (relative > RATIO_LIMIT || relative < 1 / RATIO_LIMIT) {
        flags.push({ row: index, kind: 'length-ratio', message: `${relative > 1 ? rightName : leftName} is ${Math.max(relative, 1 / relative).toFixed(1)}× longer than usual for this pair.` });
      }
    }
  });
  return flags;
}
