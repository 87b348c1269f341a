import { z } from 'zod';
import type { MessageKey } from './en';
import type { Locale } from './locale';
import { createTranslator, type MessageValues, type Translator } from './translator';

// The process's interface language: the renderer sets it from Settings (it re-renders on a change),
// the services from Settings or the system's locale. Messages built outside React read it here.
let current: Translator = createTranslator('en');
const listeners = new Set<(locale: Locale) => void>();

export function setLocale(locale: Locale): Translator {
  if (current.locale !== locale) {
    current = createTranslator(locale);
    // zod's own messages ("Too small: expected string to have >=1 characters") in the same language.
    z.config(locale === 'de' ? z.locales.de() : z.locales.en());
    for (const listener of listeners) listener(locale);
  }
  return current;
}

/** Calls `listener` after each change of the interface language (what the main process shows outside any page); returns a function that stops it. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function translator(): Translator {
  return current;
}

export function t(key: MessageKey, values?: MessageValues): string {
  return current.t(key, values);
}
