const NON_ASCII = /[^\u0000-\u007f]/;

/** Whether the text holds a character past ASCII (text of ASCII only takes the fast paths). */
export const hasNonAscii = (text: string): boolean => NON_ASCII.test(text);

/** A letter or digit of ASCII: what \p{L} and \p{N} match in text of ASCII only. */
export const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
