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

/** The language pair in a dictionary's name, as FreeDict writes it: "freedict-deu-eng" → de → en. */
export function languagesFromName(name: string): { from?: string; to?: string } {
  const match = /(?:^|[^a-z])([a-z]{2,3})[-_]([a-z]{2,3})(?:$|[^a-z])/i.exec(name);
  if (!match) return {};
  const from = languageTag(match[1]!);
  const to = languageTag(match[2]!);
  return from && to ? { from, to } : {};
}
