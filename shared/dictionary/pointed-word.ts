// Apart from lookup.ts, so that the renderer's first screen can tell a word is pointed at without
// loading the stemmers (a quarter of a megabyte of script) before anything is looked up.

/** The word the user pointed at, without surrounding punctuation or quotes ("„Allianz“," → "Allianz"). */
export function cleanWord(text: string): string {
  return text.normalize('NFC').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').slice(0, 100);
}
