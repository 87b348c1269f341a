import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Settings, Theme } from '../../../shared/model/settings';
import { useAppStore } from '../state/store';
import './ReadingSettings.css';

const themes: Array<{ value: Theme; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

const fonts: Array<{ value: Settings['fontFamily']; label: string }> = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
];

/** The "Aa" menu: theme, typeface and text size, saved as you change them. */
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
        <span className="visually-hidden">Reading settings</span>
      </button>
      {open ? (
        <div className="settings-panel" role="dialog" aria-label="Reading settings" ref={panel}>
          <fieldset>
            <legend>Theme</legend>
            <div className="segmented">
              {themes.map((t) => (
                <button key={t.value} type="button" aria-pressed={settings.theme === t.value} className={`swatch swatch-${t.value}`} onClick={() => update({ theme: t.value })}>
                  {t.label}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Typeface</legend>
            <div className="segmented">
              {fonts.map((f) => (
                <button key={f.value} type="button" aria-pressed={settings.fontFamily === f.value} className={`font-${f.value}`} onClick={() => update({ fontFamily: f.value })}>
                  {f.label}
                </button>
              ))}
            </div>
          </fieldset>
          <label className="slider">
            <span>Line spacing</span>
            <input type="range" min={1.2} max={2.2} step={0.1} value={settings.lineHeight} onChange={(e) => update({ lineHeight: Number(e.target.value) })} aria-valuetext={settings.lineHeight.toFixed(1)} />
            <output>{settings.lineHeight.toFixed(1)}</output>
          </label>
          <label className="slider">
            <span>Column width</span>
            <input type="range" min={45} max={100} step={1} value={settings.measure} onChange={(e) => update({ measure: Number(e.target.value) })} aria-valuetext={`${settings.measure} characters`} />
            <output>{settings.measure} ch</output>
          </label>
          <fieldset>
            <legend>Text size</legend>
            <div className="stepper">
              <button type="button" onClick={() => size(-1)} aria-label="Smaller text" disabled={settings.fontSize <= 12}>
                A−
              </button>
              <output aria-live="polite" data-testid="font-size">{settings.fontSize}px</output>
              <button type="button" onClick={() => size(1)} aria-label="Larger text" disabled={settings.fontSize >= 32}>
                A+
              </button>
            </div>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
