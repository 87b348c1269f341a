/** Letters that are not a base letter plus accents, spelt out as German and French readers write them. */
const SPELT_OUT: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i' };
const SPELT_OUT_PATTERN = /[ßẞæÆœŒøØłŁđĐı]/g;

/**
 * Lower case, without accents, special letters spelt out: "Müller" = "muller", "Straße" =
 * "strasse", "cœur" = "coeur". Plain ASCII (most words) skips the Unicode decomposition.
 */
export function fold(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  return text
    .replace(SPELT_OUT_PATTERN, (c) => SPELT_OUT[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * The folded word, and, when it has a German umlaut, the same word with the umlaut spelt "ae",
 * "oe", "ue" (Müller, Mueller): an index holding both finds either spelling.
 */
export function foldVariants(word: string): string[] {
  const folded = fold(word);
  if (!/[äöüÄÖÜ]/.test(word)) return [folded];
  const spelt = fold(word.replace(/[äöüÄÖÜ]/g, (c) => `${c.normalize('NFD')[0]}e`));
  return spelt === folded ? [folded] : [folded, spelt];
}
