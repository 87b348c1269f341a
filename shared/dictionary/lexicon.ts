/** What lookup needs of a dictionary's headwords: lower-cased keys, without reading definitions. */
export interface Lexicon {
  has(key: string): boolean;
  /** Keys that start with `prefix`, at most `limit` of them, in no particular order. */
  withPrefix(prefix: string, limit: number): string[];
}

/** Lower case as dictionaries index their headwords; NFC so composed and decomposed umlauts meet. */
export function lexiconKey(word: string): string {
  return word.normalize('NFC').toLowerCase().trim();
}
