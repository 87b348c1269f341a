import { t, translator } from '../../shared/i18n/current';

export { languageName } from '../../shared/i18n/languages';

/** "22 Dec 2025", "Dec 2025" or "2018" for the manifest's full or partial dates. */
export function formatPartialDate(date: string | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  const value = new Date(Date.UTC(year!, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' };
  return translator().date(value, options);
}

export function formatWordCount(count: number): string {
  return t('count.words', { count });
}

/** Reading time at an unhurried 230 words a minute. */
export function formatReadingTime(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230));
  return t('format.readingTime', { minutes });
}
