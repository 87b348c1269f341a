import type { DictionaryEntry } from '../../../shared/dictionary/model';
import { t } from '../../../shared/i18n/current';

/** How an entry was reached from the word, said in words: whole sentences, so each translates as one. */
export function matchLabel(entry: DictionaryEntry, word: string): string | null {
  switch (entry.match) {
    case 'inflection':
      return t('lookup.inflection', { word });
    case 'compound-part':
      return t('lookup.compoundPart', { word });
    case 'synonym':
      return t('lookup.synonym', { word });
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
