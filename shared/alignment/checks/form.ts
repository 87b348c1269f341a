/** Checks of form within one row: punctuation, copies, doubled words, unbalanced brackets and quotes. */
import { t } from '../../i18n/current';

export interface FormFinding {
  kind: 'end-punctuation' | 'untranslated' | 'doubled' | 'unbalanced';
  message: string;
}

const closers = /[\s"'»«“”„’‘)\]}*_]+$/u;

function endMark(text: string): string {
  const last = text.replace(closers, '').trim().slice(-1);
  if (last === '？' || last === '¿') return '?';
  if (last === '！') return '!';
  if (last === '…') return '.';
  return '?!:.'.includes(last) && last ? last : '';
}

const markName: Record<string, string> = { '?': 'a question mark', '!': 'an exclamation mark', ':': 'a colon', '.': 'a full stop', '': 'no end mark' };

/** "? ! :" at the end of one side and something else at the end of the other. */
export function endPunctuation(a: string, b: string): string | null {
  const x = endMark(a);
  const y = endMark(b);
  const strong = (mark: string) => mark === '?' || mark === '!' || mark === ':';
  if (x === y || (!strong(x) && !strong(y))) return null;
  return `Ends with ${markName[x]} on one side and ${markName[y]} on the other.`;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The target is a copy of the source: at least three words, so names and codes are left alone. */
export function untranslated(a: string, b: string): boolean {
  return normalise(a) === normalise(b) && (a.match(/\p{L}{2,}/gu) ?? []).length >= 3;
}

/** Doubles a language uses on purpose: "had had", "die die", "nous nous". */
const legitimateDoubles = new Set(['had', 'that', 'die', 'der', 'das', 'sie', 'nous', 'vous', 'is']);

export function doubled(text: string): string | null {
  const word = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/iu.exec(text);
  if (word && !legitimateDoubles.has(word[1]!.toLowerCase())) return `"${word[1]} ${word[1]}"`;
  if (/\S {2,}\S/.test(text)) return 'two spaces in a row';
  return null;
}

const pairs: Array<[string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

/** Brackets whose counts differ, or an odd number of quotation marks. */
export function unbalanced(text: string): string[] {
  const problems: string[] = [];
  const count = (c: string) => text.split(c).length - 1;
  for (const [open, close] of pairs) if (count(open) !== count(close)) problems.push(`${open}${close}`);
  if (count('"') % 2) problems.push('"');
  if ((count('“') + count('”') + count('„')) % 2) problems.push('“”');
  if (count('«') !== count('»')) problems.push('«»');
  return problems;
}

/** Form findings for one row with both sides present. */
export function formFindings(a: string, b: string, leftName: string, rightName: string): FormFinding[] {
  const found: FormFinding[] = [];
  const end = endPunctuation(a, b);
  if (end) found.push({ kind: 'end-punctuation', message: end });
  if (untranslated(a, b)) found.push({ kind: 'untranslated', message: t('check.untranslated', { side: rightName, other: leftName }) });
  for (const [text, name] of [[a, leftName], [b, rightName]] as const) {
    const d = doubled(text);
    if (d) found.push({ kind: 'doubled', message: `${name} has ${d}.` });
  }
  // A quotation split over two sentences leaves both sides unbalanced alike; only a difference counts.
  const ua = unbalanced(a).join(' ');
  const ub = unbalanced(b).join(' ');
  if (ua !== ub) found.push({ kind: 'unbalanced', message: `Unbalanced ${ua ? `${ua} in ${leftName}` : ''}${ua && ub ? ', ' : ''}${ub ? `${ub} in ${rightName}` : ''}.` });
  return found;
}
