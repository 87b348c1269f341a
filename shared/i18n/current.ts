import { z } from 'zod';
import type { MessageKey } from './en';
import type { Locale } from './locale';
import { createTranslator, type MessageValues, type Translator } from './translator';

// The process's interface language: the renderer sets it from Settings (it re-renders on a change),
// the services from Settings or the system's locale. Messages built outside React read it here.
let current: Translator = createTranslator('en');

export function setLocale(locale: Locale): Translator {
  if (current.locale !== locale) {
    current = createTranslator(locale);
    // zod's own messages ("Too small: expected string to have >=1 characters") in the same language.
    z.config(locale === 'de' ? z.locales.de() : z.locales.en());
  }
  return current;
}

export function translator(): Translator {
  return current;
}

export function t(key: MessageKey, values?: MessageValues): string {
  return current.t(key, values);
}
