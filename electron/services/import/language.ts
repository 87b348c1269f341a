import { franc } from 'franc-min';
import { iso6393 } from 'iso-639-3';
import { LanguageSchema } from '../../../shared/model/document';
import { countWords, type Block } from '../../../shared/text/segmentation';

/** "und": BCP 47 for a language not determined; the user is asked to choose. */
export const UNDETERMINED = 'und';

const twoLetter = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391!]));

/**
 * Below this much text a guess over all of franc's languages is a coin toss (an 11-word English
 * note came out as Javanese), so only common languages are considered; below the second bound, none.
 */
export const DETECTION = { characters: 200, words: 30, shortCharacters: 80, shortWords: 15 };
const COMMON = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'rus', 'ukr', 'ces', 'swe', 'dan', 'nob', 'fin', 'hun', 'ron', 'tur', 'ell', 'cmn', 'jpn', 'kor', 'arb', 'heb', 'hin'];

/** The language of a text by its letters (franc), as a BCP 47 tag; "und" when there is too little to tell. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 6000);
  const words = countWords(sample);
  let code = UNDETERMINED;
  if (sample.length >= DETECTION.characters && words >= DETECTION.words) code = franc(sample, { minLength: 1 });
  else if (sample.length >= DETECTION.shortCharacters && words >= DETECTION.shortWords) code = franc(sample, { minLength: 1, only: COMMON });
  if (code === UNDETERMINED) return UNDETERMINED;
  return twoLetter.get(code) ?? code;
}

/** A declared language as a tag Facing keeps ("en_US" becomes "en-US"); nothing for "und", "mul" and the like. */
export function declaredLanguage(raw: string | undefined): string | undefined {
  const tag = raw?.trim().replace(/_/g, '-');
  if (!tag || !LanguageSchema.safeParse(tag).success) return undefined;
  const [primary, ...rest] = tag.split('-');
  if (/^(und|mul|zxx|mis)$/i.test(primary!)) return undefined;
  return [primary!.toLowerCase(), ...rest].join('-');
}

/** What the file declares, else a guess from enough of its text, else undetermined. */
export function chooseLanguage(declared: string | undefined, blocks: readonly Block[]): string {
  const own = declaredLanguage(declared);
  if (own) return own;
  let sample = '';
  for (const block of blocks) {
    if (block.kind === 'boilerplate') continue;
    sample += `${block.text}\n`;
    if (sample.length >= 6000) break;
  }
  return detectLanguage(sample);
}

/** The language a Word document marks its text with: the most common run language, else the default style's. */
export function docxLanguage(document: string | undefined, styles: string | undefined): string | undefined {
  const counts = new Map<string, number>();
  for (const match of (document ?? '').matchAll(/<w:lang\b([^>]{0,400})>/g)) {
    const value = declaredLanguage(/\bw:val="([^"]{1,35})"/.exec(match[1]!)?.[1]);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common) return common;
  const defaults = /<w:docDefaults\b[\s\S]{0,4000}?<w:lang\b([^>]{0,400})>/.exec(styles ?? '')?.[1];
  return declaredLanguage(defaults ? /\bw:val="([^"]{1,35})"/.exec(defaults)?.[1] : undefined);
}
