import type { Glossary } from '../glossary/glossary';
import { termMatcher } from '../glossary/match';
import type { AlignmentRow } from '../model/alignment';
import type { Document } from '../model/document';
import { consistency } from './checks/consistency';
import { formFindings } from './checks/form';
import { compareNumbers, quantitiesIn } from './checks/numbers';
import type { CheckGroup } from './checks/settings';
import { fingerprint } from './documents';
import { sentenceIndex } from './rows';
import { t, translator } from '../i18n/current';
import { languageName } from '../i18n/languages';

export type FlagKind =
  | 'no-counterpart'
  | 'number-mismatch'
  | 'length-ratio'
  | 'term-missing'
  | 'inconsistent-source'
  | 'inconsistent-target'
  | 'end-punctuation'
  | 'untranslated'
  | 'doubled'
  | 'unbalanced';

export const flagGroup: Record<FlagKind, CheckGroup> = {
  'no-counterpart': 'counterpart',
  'number-mismatch': 'numbers',
  'length-ratio': 'length',
  'term-missing': 'terminology',
  'inconsistent-source': 'consistency',
  'inconsistent-target': 'consistency',
  'end-punctuation': 'form',
  untranslated: 'form',
  doubled: 'form',
  unbalanced: 'form',
};

export const flagLabel: Record<FlagKind, string> = {
  'no-counterpart': 'No counterpart',
  'number-mismatch': 'Numbers differ',
  'length-ratio': 'Unusual length',
  'term-missing': 'Glossary term',
  'inconsistent-source': 'Translated differently',
  'inconsistent-target': 'Same translation, other source',
  'end-punctuation': 'End punctuation',
  untranslated: 'Untranslated',
  doubled: 'Doubled word or space',
  unbalanced: 'Brackets or quotes',
};

export interface RowFlag {
  row: number;
  kind: FlagKind;
  message: string;
  /** Stable across edits elsewhere: the kind and both texts of the row. */
  key: string;
  /** Marked "not an error" by the reviewer. */
  dismissed?: boolean;
}

export interface CheckOptions {
  disabled?: readonly CheckGroup[];
  glossary?: Glossary;
  /** Keys of flags marked "not an error". */
  dismissed?: readonly string[];
}

/** Standalone numbers reduced to their values ("36.464", "36,464" -> "36464"; "3,5" -> "3.5"). */
export function numbersIn(text: string, lang = 'en'): string[] {
  return quantitiesIn(text, lang).filter((q) => !q.spelled).map((q) => q.value);
}

export function flagKey(kind: FlagKind, a: string, b: string): string {
  return `${kind}|${fingerprint(a)}|${fingerprint(b)}`;
}

/** A row is this much longer or shorter than the document's usual ratio before it is flagged. */
const RATIO_LIMIT = 2.2;
const MIN_CHARS = 40;

/** Rows' texts, each side's sentences joined. */
export function rowTexts(rows: readonly AlignmentRow[], left: Document, right: Document): Array<readonly [string, string]> {
  const textA = sentenceIndex(left);
  const textB = sentenceIndex(right);
  const joined = (ids: readonly string[], index: Map<string, string>) => ids.map((id) => index.get(id) ?? '').join(' ');
  return rows.map((row) => [joined(row.a, textA), joined(row.b, textB)] as const);
}

/**
 * Translation checks per aligned row: a side with no counterpart, numbers that do not agree (digits,
 * words, ordinals, dates), lengths far from the pair's usual ratio, glossary terms left out,
 * inconsistent translations, and form (end punctuation, copies, doubled words, brackets and quotes).
 */
export function checkRows(rows: readonly AlignmentRow[], left: Document, right: Document, options: CheckOptions = {}): RowFlag[] {
  const off = new Set(options.disabled ?? []);
  const dismissed = new Set(options.dismissed ?? []);
  const texts = rowTexts(rows, left, right);
  const langA = left.meta.language;
  const langB = right.meta.language;
  const ratios = texts.filter(([a, b]) => a.length >= MIN_CHARS && b.length >= MIN_CHARS).map(([a, b]) => b.length / a.length).sort((x, y) => x - y);
  const usual = ratios.length ? ratios[ratios.length >> 1]! : 1;
  const terms = options.glossary && !off.has('terminology') && options.glossary.entries.length ? termMatcher(options.glossary) : null;

  const flags: RowFlag[] = [];
  const push = (row: number, kind: FlagKind, message: string) => {
    if (off.has(flagGroup[kind])) return;
    const [a, b] = texts[row]!;
    const key = flagKey(kind, a, b);
    flags.push(dismissed.has(key) ? { row, kind, message, key, dismissed: true } : { row, kind, message, key });
  };
  const leftName = languageName(langA);
  const rightName = languageName(langB);
  rows.forEach((row, index) => {
    const [a, b] = texts[index]!;
    if (row.a.length === 0 || row.b.length === 0) {
      push(index, 'no-counterpart', t('check.onlyIn', { side: row.a.length ? leftName : rightName, other: row.a.length ? rightName : leftName }));
      return;
    }
    if (!off.has('numbers')) {
      const { onlyA, onlyB } = compareNumbers(a, langA, b, langB);
      if (onlyA.length || onlyB.length) {
        const list = (qs: typeof onlyA) => qs.map((q) => q.text).join(', ');
        const parts = [onlyA.length ? t('check.numbersOnlyIn', { numbers: list(onlyA), side: leftName }) : '', onlyB.length ? t('check.numbersOnlyIn', { numbers: list(onlyB), side: rightName }) : ''].filter(Boolean);
        push(index, 'number-mismatch', t('check.numbersDiffer', { parts: parts.join('; ') }));
      }
    }
    if (a.length >= MIN_CHARS && b.length >= MIN_CHARS) {
      const relative = b.length / a.length / usual;
      if (relative > RATIO_LIMIT || relative < 1 / RATIO_LIMIT) {
        push(index, 'length-ratio', t('check.longer', { side: relative > 1 ? rightName : leftName, factor: translator().number(Math.max(relative, 1 / relative), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }));
      }
    }
    if (terms) {
      for (const miss of terms.misses(a, b)) push(index, 'term-missing', t('check.termMissing', { term: miss.term, translations: miss.translations.map((x) => `"${x}"`).join(` ${t('check.or')} `), side: rightName }));
    }
    if (!off.has('form')) for (const f of formFindings(a, b, leftName, rightName)) push(index, f.kind, f.message);
  });
  if (!off.has('consistency')) {
    for (const f of consistency(texts)) {
      const rowsText = f.others.slice(0, 5).map((r) => r + 1).join(', ');
      push(f.row, f.kind, f.kind === 'inconsistent-source' ? t('check.translatedDifferently', { side: leftName, rows: rowsText }) : t('check.translatesAnother', { side: rightName, other: leftName, rows: rowsText }));
    }
  }
  return flags.sort((x, y) => x.row - y.row);
}
