import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setLocale } from '../../../shared/i18n/current';
import { resolveLocale } from '../../../shared/i18n/locale';
import { useAppStore } from '../state/store';

/**
 * The interface language: Settings → Language, else the browser's (Electron's) languages. A change
 * remounts the app below, so text built outside components (t() in helpers) follows as well. The app
 * waits for the settings before it renders: opened in the defaults' language, it would open every
 * screen (and fetch what each shows) a second time when the chosen language arrived.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const choice = useAppStore((s) => s.settings.language);
  const waiting = useAppStore((s) => !s.settingsRead && s.startupError === null);
  const locale = resolveLocale(choice, navigator.languages ?? [navigator.language]);
  const translator = useMemo(() => setLocale(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider key={locale} locale={locale} defaultLocale="en" messages={translator.intl.messages as Record<string, string>} onError={() => {}}>
      {waiting ? null : children}
    </IntlProvider>
  );
}
