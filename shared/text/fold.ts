/**
 * Lower case, without accents: "Müller" and "muller" compare equal. Plain ASCII (most words) skips
 * the Unicode decomposition.
 */
export function fold(text: string): string {
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
}
