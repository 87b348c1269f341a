import { useEffect } from 'react';
import { useAppStore } from '../state/store';

/** Puts the reading settings on <html> as a data attribute and CSS variables, so all of CSS can follow them. */
export function useTheme(): void {
  const settings = useAppStore((s) => s.settings);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.style.setProperty('--reading-size', `${settings.fontSize}px`);
    root.style.setProperty('--reading-leading', String(settings.lineHeight));
    root.style.setProperty('--reading-measure', `${settings.measure}ch`);
    root.style.setProperty('--reading-font', settings.fontFamily === 'serif' ? 'var(--font-serif)' : 'var(--font-sans)');
  }, [settings]);
}
