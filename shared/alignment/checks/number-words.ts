/**
 * Spelled-out cardinals and ordinals in English, German and French, read from word tables.
 * No maintained library parses all three in both directions (words-to-numbers, numbers-parser and
 * the like cover English only, or need Node), so this is a small table-driven parser.
 */

export interface SpelledNumber {
  value: number;
  /** Offsets into the text the number was read from. */
  start: number;
  end: number;
  /** "one", "ein", "un", "second": common as articles or nouns, so never a reason to flag. */
  weak: boolean;
}

type Table = Record<string, number>;

const english: Table = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1e6, billion: 1e9,
};
const englishOrdinals: Table = {
  first: 1, second: 2, third: 3, fifth: 5, eighth: 8, ninth: 9, twelfth: 12,
};

const german: Table = {
  null: 0, ein: 1, eins: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  hundert: 100, tausend: 1000, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9,
};
/** Ordinal stems that differ from the cardinal: erste, dritte, siebte. */
const germanOrdinalStems: Table = { erst: 1, dritt: 3, sieb: 7 };

const french: Table = {
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  cent: 100, cents: 100, mille: 1000, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9,
};
const frenchOrdinals: Table = { premier: 1, première: 1, second: 2, seconde: 2 };

/** Words that are numbers only sometimes: they may match a digit but never raise a flag alone. */
const weakWords = new Set(['one', 'second', 'first', 'ein', 'eine', 'eins', 'erste', 'achten', 'acht', 'elf', 'hunderte', 'hunderten', 'un', 'une', 'seconde', 'premier', 'première']);

const joiners: Record<string, Set<string>> = { en: new Set(['and']), de: new Set(['und']), fr: new Set(['et']) };

/** Sums a run of number words: units and tens add up, "hundred"/"thousand" multiply what came before. */
function evaluate(values: number[]): number {
  let total = 0;
  let current = 0;
  for (const v of values) {
    if (v === 100) current = (current || 1) * 100;
    else if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else current += v;
  }
  return total + current;
}

/** Splits a German number word ("zweihundertdreiundvierzig") into table entries, longest first. */
const germanKeys = Object.keys(german).concat('und').sort((a, b) => b.length - a.length);

function splitGerman(word: string, ordinal = false): number[] | null {
  const parts: number[] = [];
  let rest = word;
  while (rest) {
    const stem = ordinal ? Object.keys(germanOrdinalStems).find((k) => rest === k) : undefined;
    if (stem) {
      parts.push(germanOrdinalStems[stem]!);
      break;
    }
    const key = germanKeys.find((k) => rest.startsWith(k));
    if (!key) return null;
    if (key !== 'und') parts.push(german[key]!);
    rest = rest.slice(key.length);
  }
  return parts.length ? parts : null;
}

function germanWord(word: string): number | null {
  const cardinal = splitGerman(word);
  if (cardinal) return evaluate(cardinal);
  // Ordinals: fünfte, zwanzigsten, einundzwanzigster, erste, dritte, siebte, achte.
  const m = /^(.+)te[nrsm]?$/.exec(word);
  if (!m) return null;
  const stem = m[1]!;
  for (const candidate of [stem, stem.replace(/s$/, ''), `${stem}t`]) {
    const parts = splitGerman(candidate, true);
    if (parts) return evaluate(parts);
  }
  return null;
}

function englishWord(word: string): number | null {
  if (word in english) return english[word]!;
  if (word in englishOrdinals) return englishOrdinals[word]!;
  if (word.endsWith('ieth') && `${word.slice(0, -4)}y` in english) return english[`${word.slice(0, -4)}y`]!;
  if (word.endsWith('th') && word.slice(0, -2) in english) return english[word.slice(0, -2)]!;
  return null;
}

function frenchWord(word: string): number | null {
  if (word === 'quatre-vingt' || word === 'quatre-vingts') return 80;
  if (word in french) return french[word]!;
  if (word in frenchOrdinals) return frenchOrdinals[word]!;
  const m = /^(.+)ièmes?$/.exec(word);
  if (!m) return null;
  const base = m[1]!;
  const fixed = base === 'cinqu' ? 'cinq' : base === 'neuv' ? 'neuf' : base;
  for (const candidate of [fixed, `${fixed}e`]) if (candidate in french) return french[candidate]!;
  return null;
}

const wordPattern = /\p{L}+(?:-\p{L}+)*/gu;

function language(lang: string): 'en' | 'de' | 'fr' | null {
  const base = lang.toLowerCase().split('-')[0];
  return base === 'en' || base === 'de' || base === 'fr' ? base : null;
}

/** Values of the hyphen-joined parts of one word, or null when any part is not a number word. */
function wordValues(word: string, lang: 'en' | 'de' | 'fr'): number[] | null {
  if (lang === 'de') {
    const read = germanWord(word);
    return read === null ? null : [read];
  }
  if (lang === 'fr' && /^quatre-vingts?(-|$)/.test(word)) {
    const rest = word.replace(/^quatre-vingts?-?/, '');
    const tail = rest ? wordValues(rest, lang) : [];
    return tail ? [80, ...tail] : null;
  }
  const values: number[] = [];
  for (const part of word.split('-')) {
    const v = lang === 'en' ? englishWord(part) : frenchWord(part);
    if (v === null) return null;
    values.push(v);
  }
  return values;
}

/** Whether a number word may follow the last one in the same number: "twenty one", "deux cents", "dix-sept". */
function continues(last: number, next: number): boolean {
  return (next >= 100 && next > last) || (last >= 10 && last % 10 === 0 && next < last);
}

/** Every spelled-out number in a text: runs of number words ("one hundred and five", "vingt et un") as one. */
export function spelledNumbers(text: string, lang: string): SpelledNumber[] {
  const code = language(lang);
  if (!code) return [];
  const found: SpelledNumber[] = [];
  type Run = { values: number[]; start: number; end: number; words: string[] };
  let run: Run | null = null;
  let joined = false;
  let joinerEnd = 0;
  const flush = () => {
    if (run) {
      const weak = run.words.length === 1 && weakWords.has(run.words[0]!);
      found.push({ value: evaluate(run.values), start: run.start, end: run.end, weak });
    }
    run = null;
    joined = false;
  };
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0].toLowerCase();
    const start = match.index!;
    const current = run as Run | null;
    if (current && !/^\s+$/.test(text.slice(joined ? joinerEnd : current.end, start))) flush();
    const open = run as Run | null;
    if (open && !joined && joiners[code]!.has(word) && open.values.at(-1)! >= (code === 'en' ? 100 : 20)) {
      joined = true;
      joinerEnd = start + word.length;
      continue;
    }
    const values = wordValues(word, code);
    if (values && open && continues(open.values.at(-1)!, values[0]!)) {
      open.values.push(...values);
      open.end = start + word.length;
      open.words.push(word);
      joined = false;
      continue;
    }
    flush();
    if (values) run = { values, start, end: start + word.length, words: [word] };
  }
  flush();
  return found;
}
