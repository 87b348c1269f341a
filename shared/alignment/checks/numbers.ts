import { spelledNumbers } from './number-words';

/** A quantity found in a text, as a canonical value ("1500", "3.5"). */
export interface Quantity {
  value: string;
  /** As written: "5th", "fünf", "64bit". */
  text: string;
  /** Spelled-out words that are often not numbers ("one", "ein"): they match but never flag. */
  weak: boolean;
  spelled: boolean;
  /** Digits glued to letters before them, part of a name ("RAID1", "eth0", "amd64"). */
  identifier?: boolean;
}

const months: Record<string, number> = {};
const monthNames = [
  'january february march april may june july august september october november december',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
];
for (const line of monthNames) line.split(' ').forEach((name, k) => (months[name] = k + 1));
for (const [abbr, k] of Object.entries({ jan: 1, feb: 2, febr: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12, janv: 1, févr: 2, avr: 4, juil: 7, déc: 12 })) months[abbr] = k;

const scales: Record<string, number> = {
  thousand: 1e3, tausend: 1e3, mille: 1e3, k: 1e3,
  million: 1e6, millions: 1e6, millionen: 1e6, mio: 1e6, m: 1e6, mn: 1e6,
  billion: 1e9, billions: 1e9, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, milliard: 1e9, milliards: 1e9, bn: 1e9,
};

/**
 * A number as digits: thousands groups of exactly three digits ("36,464", "36.464", "36 464"), one
 * decimal part ("3.5", "3,5"), and what is glued to it ("5th", "5e", "386er", "64bit", "10km").
 * Digits glued to letters before them count too ("UTF8" as "UTF-8", "amd64", "eth0", "IPv4").
 */
const numberPattern = /(?<!\d)((?:\d{1,3}(?:[,.'’\u00A0\u202F ]\d{3}(?!\d))+|\d+)(?:[.,]\d+(?!\d))?)(\p{L}*)/gu;
/**
 * The number of a heading's section at the start of a row ("F.1. Vorwort", "6.3.4. Partitionierung"):
 * layout that one side may print and the other not.
 */
const sectionNumber = /^\s*(?:\p{Lu}\.(?:\d+\.)*\d+\.?|\d+(?:\.\d+){2,}\.?|\d+\.\d+\.)(?=\s)/u;
/** 2024-07-05, 05.07.2024, 5/7/2024: day, month and year each count. */
const numericDate = /(?<![\d.,])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<![\d.,])(\d{1,2})[./](\d{1,2})[./](\d{2,4})(?![\d])/g;
/** A month name next to a number: "July 5th", "5. Juli", "5 juillet", "Dec. 22". */
const monthPattern = /(?<=\d\.?\s*)\p{L}+|\p{L}+(?=\.?\s*\d)/gu;

function canonical(digits: string): number {
  const groups = digits.split(/[,.'’\u00A0\u202F ]/);
  if (groups.length === 1) return Number(digits);
  const separators = digits.match(/[,.'’\u00A0\u202F ]/g)!;
  const last = groups[groups.length - 1]!;
  const lastSeparator = separators[separators.length - 1]!;
  // "3.5", "3,25", "1,234.56": a last part not of three digits, or after a different separator, is decimal.
  const decimal = /[.,]/.test(lastSeparator) && (last.length !== 3 || (separators.length > 1 && separators[separators.length - 2] !== lastSeparator));
  return decimal ? Number(`${groups.slice(0, -1).join('')}.${last}`) : Number(groups.join(''));
}

function format(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** Numbers in a text, digits and spelled-out words alike, for the language given. */
export function quantitiesIn(text: string, lang: string): Quantity[] {
  const found: Quantity[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(numericDate)) {
    const parts = m[1] ? [m[3]!, m[2]!, m[1]] : [m[4]!, m[5]!, m[6]!];
    for (const p of parts) found.push({ value: format(Number(p)), text: m[0], weak: false, spelled: false });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  const inTaken = (at: number) => taken.some(([s, e]) => at >= s && at < e);
  for (const m of text.matchAll(numberPattern)) {
    if (inTaken(m.index!)) continue;
    let value = canonical(m[1]!.trim());
    const suffix = m[2]!.toLowerCase();
    const after = /^\s*\.?\s*(\p{L}+)/u.exec(text.slice(m.index! + m[0].length))?.[1]?.toLowerCase();
    if (suffix && scales[suffix]) value *= scales[suffix];
    else if (!suffix && after && scales[after] && after.length > 1) value *= scales[after];
    const identifier = /\p{L}$/u.test(text.slice(Math.max(0, m.index! - 2), m.index!));
    found.push(identifier ? { value: format(value), text: m[0], weak: false, spelled: false, identifier } : { value: format(value), text: m[0], weak: false, spelled: false });
  }
  for (const m of text.matchAll(monthPattern)) {
    const name = m[0].toLowerCase();
    if (months[name] === undefined || inTaken(m.index!)) continue;
    // "may" is a month only with a capital.
    if (name === 'may' && m[0][0] !== 'M') continue;
    found.push({ value: String(months[name]), text: m[0], weak: false, spelled: true });
  }
  for (const s of spelledNumbers(text, lang)) {
    // "1.5 million": the word scaled the digits before it.
    if (s.value >= 1000 && /\d[\s.,]*$/.test(text.slice(0, s.start)) && scales[text.slice(s.start, s.end).toLowerCase()]) continue;
    let value = s.value;
    const after = /^\s+(\p{L}+)/u.exec(text.slice(s.end))?.[1]?.toLowerCase();
    if (after && scales[after] && after.length > 1 && value < 1000) value *= scales[after];
    found.push({ value: format(value), text: text.slice(s.start, s.end), weak: s.weak, spelled: true });
  }
  return found;
}

export interface NumberDifference {
  onlyA: Quantity[];
  onlyB: Quantity[];
}

/** Same value; a name with digits ("eth1") is never the number word "ein" or "first". */
const fits = (q: Quantity, other: Quantity) => q.value === other.value && !(q.identifier && other.spelled) && !(other.identifier && q.spelled);

function take(pool: Quantity[], q: Quantity): Quantity | undefined {
  const k = pool.findIndex((other) => fits(q, other) && other.spelled === q.spelled);
  const i = k >= 0 ? k : pool.findIndex((other) => fits(q, other));
  return i >= 0 ? pool.splice(i, 1)[0] : undefined;
}

/**
 * Numbers that do not agree between two sides. Digits must find their value on the other side
 * (as digits or words); spelled-out numbers and names with digits need not, but one left over on
 * each side means a number was changed.
 */
export function compareNumbers(a: string, langA: string, b: string, langB: string): NumberDifference {
  // A section number only one side prints is left out; printed on both, it must agree.
  const sectionA = sectionNumber.exec(a);
  const sectionB = sectionNumber.exec(b);
  if (sectionA && !sectionB) a = ' '.repeat(sectionA[0].length) + a.slice(sectionA[0].length);
  if (sectionB && !sectionA) b = ' '.repeat(sectionB[0].length) + b.slice(sectionB[0].length);
  const allA = quantitiesIn(a, langA);
  const allB = quantitiesIn(b, langB);
  const restB = [...allB];
  const restA: Quantity[] = [];
  for (const q of allA) {
    if (!take(restB, q)) restA.push(q);
  }
  // A number word the other side has verbatim is text left untranslated there ("Fifth Floor").
  const verbatim = (q: Quantity, other: string) => q.spelled && new RegExp(`(?<!\\p{L})${q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu').test(other);
  let leftA = restA.filter((q) => !(q.spelled && q.weak) && !verbatim(q, b));
  let leftB = restB.filter((q) => !(q.spelled && q.weak) && !verbatim(q, a));
  // Left over on one side only, with a value the other side has: repeated there, not changed
  // ("UTF-8" once in English, twice in German). Left over on both sides, it is a change.
  if (leftA.length && !leftB.length) leftA = leftA.filter((q) => !allB.some((o) => fits(q, o)));
  else if (leftB.length && !leftA.length) leftB = leftB.filter((q) => !allA.some((o) => fits(q, o)));
  // Number words and names with digits flag only when the other side has one left over too: a
  // translator drops "two of" or names "RAID1" where the original says "it".
  const soft = (q: Quantity) => q.spelled || !!q.identifier;
  const firmA = leftA.filter((q) => !soft(q));
  const firmB = leftB.filter((q) => !soft(q));
  const strongA = leftA.filter(soft);
  const strongB = leftB.filter(soft);
  if (firmA.length || firmB.length || (strongA.length && strongB.length)) return { onlyA: [...firmA, ...strongA], onlyB: [...firmB, ...strongB] };
  return { onlyA: [], onlyB: [] };
}
