/** The interface's languages; English is the fallback for every other system language. */
export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];

/** Settings → Language: follow the system, or one of the interface's languages. */
export type LanguageChoice = 'system' | Locale;

/** The interface language for a choice and the system's preferred languages ("de-AT", "en-US", …). */
export function resolveLocale(choice: LanguageChoice | undefined, preferred: readonly string[]): Locale {
  if (choice && choice !== 'system') return choice;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const found = locales.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}
