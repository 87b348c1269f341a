/** What lookup needs of a dictionary's headwords: lower-cased keys, without reading definitions. */
export interface Lexicon {
  has(key: string): boolean;
  /** Keys that start with `prefix` (and fit `shape`), at most `limit` of them, in no particular order. */
  withPrefix(prefix: string, limit: number, shape?: KeyShape): string[];
}

/** Which keys a prefix scan wants: single words, and a range of lengths in characters. */
export interface KeyShape {
  oneWord?: boolean;
  minLength?: number;
  maxLength?: number;
}

/** Whether a key fits a shape. */
export function fitsShape(key: string, shape: KeyShape | undefined): boolean {
  if (!shape) return true;
  const length = [...key].length;
  return length >= (shape.minLength ?? 0) && length <= (shape.maxLength ?? Infinity) && !(shape.oneWord && /\s/.test(key));
}

/** Lower case as dictionaries index their headwords; NFC so composed and decomposed umlauts meet. */
export function lexiconKey(word: string): string {
  return word.normalize('NFC').toLowerCase().trim();
}

/** An entry a key names: its record in the dictionary, the headword as written, and whether it is a synonym's. */
export interface HeadwordMatch {
  record: number;
  headword: string;
  synonym: boolean;
}

/** A dictionary's headwords, however they are stored. */
export interface Headwords extends Lexicon {
  readonly size: number;
  find(key: string): HeadwordMatch[];
}
