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
