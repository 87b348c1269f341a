import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { de } from './de';
import { en, type MessageKey } from './en';
import type { Locale } from './locale';

export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export interface Translator {
  locale: Locale;
  /** ICU messages: plurals ("{count, plural, one {# note} other {# notes}}"), numbers and dates. */
  t: Translate;
  date(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  intl: IntlShape<string>;
}

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, de };

const cache = createIntlCache();

export function createTranslator(locale: Locale): Translator {
  const intl = createIntl<string>({ locale, defaultLocale: 'en', messages: catalogues[locale], onError: () => {} }, cache);
  return {
    locale,
    intl,
    t: (key, values) => intl.formatMessage({ id: key, defaultMessage: en[key] }, values) as string,
    date: (value, options) => intl.formatDate(typeof value === 'string' ? new Date(value) : value, options),
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
  };
}
