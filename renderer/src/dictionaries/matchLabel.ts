import type { DictionaryEntry } from '../../../shared/dictionary/model';

/** How an entry was reached from the word, said in words: whole sentences, so each translates as one. */
export function matchLabel(entry: DictionaryEntry, word: string): string | null {
  switch (entry.match) {
    case 'inflection':
      return `dictionary form of “${word}”`;
    case 'compound-part':
      return `part of the compound “${word}”`;
    case 'synonym':
      return `“${word}” is listed under this entry`;
    default:
      return null;
  }
}

/**
 * The headword as the entry writes it: dictd indexes lower-case ("veranstaltung") while the entry's
 * first line keeps the spelling ("Veranstaltung /fɛɐ̯ˈanʃtaltʊŋ/ <f>"), which matters for German nouns.
 */
export function displayHeadword(entry: DictionaryEntry): string {
  const first = entry.definition.split('\n', 1)[0]!.trim();
  const lower = entry.headword.toLowerCase();
  return first.toLowerCase().startsWith(lower) && !/[\p{L}\p{N}]/u.test(first.charAt(lower.length)) ? first.slice(0, entry.headword.length) : entry.headword;
}
