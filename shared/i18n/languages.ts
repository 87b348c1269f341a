import { translator } from './current';

const languageNames = new Map<string, Intl.DisplayNames>();

/** "German" or "Deutsch": a language's name in the interface language (the tag itself when it has none). */
export function languageName(tag: string): string {
  const locale = translator().locale;
  if (!languageNames.has(locale)) languageNames.set(locale, new Intl.DisplayNames([locale], { type: 'language' }));
  try {
    return languageNames.get(locale)!.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
