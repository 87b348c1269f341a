import { languageName } from '../format';

/** Languages offered when a dictionary does not say its own: those FreeDict and Snowball cover well, and any already chosen. */
const common = ['ar', 'cs', 'da', 'de', 'el', 'en', 'es', 'fi', 'fr', 'hu', 'it', 'ja', 'la', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sv', 'tr', 'uk', 'zh'];

export function languageOptions(current: readonly (string | undefined)[]): Array<{ tag: string; name: string }> {
  const tags = [...new Set([...common, ...current.filter((t): t is string => !!t)])];
  return tags.map((tag) => ({ tag, name: languageName(tag) })).sort((a, b) => a.name.localeCompare(b.name));
}
