import { iso6393 } from 'iso-639-3';

const toTag = new Map<string, string>();
for (const language of iso6393) {
  if (language.iso6391) toTag.set(language.iso6393, language.iso6391);
  if (language.iso6392B && language.iso6391) toTag.set(language.iso6392B, language.iso6391);
}

/** "deu" → "de", "en" → "en", "xyz" → undefined. */
export function languageTag(code: string): string | undefined {
  const lower = code.toLowerCase();
  if (/^[a-z]{2}$/.test(lower)) return lower;
  return toTag.get(lower);
}

/** The language pair in a dictionary's name, as FreeDict writes it: "freedict-deu-eng" → de → en (the last such pair wins). */
export function languagesFromName(name: string): { from?: string; to?: string } {
  const tokens = name.split(/[^A-Za-z]+/);
  for (let i = tokens.length - 2; i >= 0; i--) {
    const from = /^[a-z]{2,3}$/i.test(tokens[i]!) ? languageTag(tokens[i]!) : undefined;
    const to = /^[a-z]{2,3}$/i.test(tokens[i + 1]!) ? languageTag(tokens[i + 1]!) : undefined;
    if (from && to) return { from, to };
  }
  return {};
}
