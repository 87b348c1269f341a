import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Settings, Theme } from '../../../shared/model/settings';
import { useAppStore } from '../state/store';
import { t } from '../../../shared/i18n/current';
import type { MessageKey } from '../../../shared/i18n/en';
import './ReadingSettings.css';

const themes: Array<{ value: Theme; label: MessageKey }> = [
  { value: 'light', label: 'reading.light' },
  { value: 'sepia', label: 'reading.sepia' },
  { value: 'dark', label: 'reading.dark' },
  { value: 'system', label: 'reading.system' },
];

const fonts: Array<{ value: Settings['fontFamily']; label: MessageKey }> = [
  { value: 'serif', label: 'reading.serif' },
  { value: 'sans', label: 'reading.sans' },
];

// Each language named in itself, as language menus do.
const languages: Array<{ value: Settings['language']; label: string | null }> = [
  { value: 'system', label: null },
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
];

/** The "Aa" menu: theme, typeface, text size and the interface language, saved as you change them. */
export function ReadingSettings() {
  const settings = useAppStore((s) => s.settings);
  const update = useAppStore((s) => s.updateSettings);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  // Kept inside the window: shifted right when its button sits too near the left edge.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    element.style.transform = '';
    const box = element.getBoundingClientRect();
    const shift = Math.max(8 - box.left, 0) || Math.min(window.innerWidth - 8 - box.right, 0);
    if (shift) element.style.transform = `translateX(${shift}px)`;
  }, [open]);

  const size = (delta: number) => update({ fontSize: Math.min(32, Math.max(12, settings.fontSize + delta)) });

  return (
    <div className="settings-menu">
      <button type="button" className="button-quiet" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)} data-testid="reading-settings">
        <span aria-hidden="true" className="aa">Aa</span>
        <span className="visually-hidden">{t('reading.settings')}</span>
      </button>
      {open ? (
        <div className="settings-panel" role="dialog" aria-label={t('reading.settings')} ref={panel}>
          <fieldset>
            <legend>{t('reading.theme')}</legend>
            <div className="segmented">
              {themes.map((theme) => (
                <button key={theme.value} type="button" aria-pressed={settings.theme === theme.value} className={`field field-page swatch swatch-${theme.value}`} onClick={() => update({ theme: theme.value })}>
                  {t(theme.label)}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('reading.typeface')}</legend>
            <div className="segmented">
              {fonts.map((f) => (
                <button key={f.value} type="button" aria-pressed={settings.fontFamily === f.value} className={`field field-page font-${f.value}`} onClick={() => update({ fontFamily: f.value })}>
                  {t(f.label)}
                </button>
              ))}
            </div>
          </fieldset>
          <label className="slider">
            <span>{t('reading.lineSpacing')}</span>
            <input type="range" min={1.2} max={2.2} step={0.1} value={settings.lineHeight} onChange={(e) => update({ lineHeight: Number(e.target.value) })} aria-valuetext={settings.lineHeight.toFixed(1)} />
            <output>{settings.lineHeight.toFixed(1)}</output>
          </label>
          <label className="slider">
            <span>{t('reading.columnWidth')}</span>
            <input type="range" min={45} max={100} step={1} value={settings.measure} onChange={(e) => update({ measure: Number(e.target.value) })} aria-valuetext={t('reading.characters', { count: settings.measure })} />
            <output>{settings.measure} ch</output>
          </label>
          <fieldset>
            <legend>{t('reading.textSize')}</legend>
            <div className="stepper">
              <button type="button" className="field field-page" onClick={() => size(-1)} aria-label={t('reading.smaller')} disabled={settings.fontSize <= 12}>
                A−
              </button>
              <output aria-live="polite" data-testid="font-size">{settings.fontSize}px</output>
              <button type="button" className="field field-page" onClick={() => size(1)} aria-label={t('reading.larger')} disabled={settings.fontSize >= 32}>
                A+
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('reading.language')}</legend>
            <div className="segmented" data-testid="language-choice">
              {languages.map((l) => (
                <button key={l.value} type="button" className="field field-page" aria-pressed={settings.language === l.value} lang={l.value === 'system' ? undefined : l.value} onClick={() => update({ language: l.value })}>
                  {l.label ?? t('reading.languageSystem')}
                </button>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
