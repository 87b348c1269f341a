import { useEffect, useRef } from 'react';
import { useAnnotations } from '../state/annotations';
import './HighlightChooser.css';
import { t } from '../../../shared/i18n/current';

export interface ChooserPlace {
  ids: string[];
  x: number;
  y: number;
}

const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 70)}…` : text);

/** Where several highlights cover the clicked text: a small list to pick the one to edit, from mouse or keyboard. */
export function HighlightChooser({ place, onClose }: { place: ChooserPlace; onClose: () => void }) {
  const byDocument = useAnnotations((s) => s.byDocument);
  const openEditor = useAnnotations((s) => s.openEditor);
  const panel = useRef<HTMLDivElement>(null);
  const found = place.ids.map((id) => Object.values(byDocument).flat().find((a) => a.id === id)).filter((a) => a !== undefined);

  useEffect(() => {
    panel.current?.querySelector('button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const buttons = [...(panel.current?.querySelectorAll('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      event.preventDefault();
    };
    const onDown = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);

  const width = 320;
  return (
    <div
      className="highlight-chooser"
      role="dialog"
      aria-label={t('annotation.hereCount', { count: found.length })}
      ref={panel}
      style={{ left: Math.min(Math.max(8, place.x), window.innerWidth - width - 8), top: Math.min(place.y + 8, window.innerHeight - 60 - 44 * found.length), width }}
      data-testid="highlight-chooser"
    >
      <p className="chooser-head">{t('annotation.hereCount', { count: found.length })}</p>
      <ul>
        {found.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              onClick={() => {
                onClose();
                openEditor(a.id, place.x, place.y);
              }}
            >
              <span className={`chooser-dot hl-${a.colour}`} aria-hidden="true" />
              <span className="chooser-text">
                <span className="chooser-colour">{t('colour.name', { colour: a.colour })}</span> “{excerpt(a.target.quote.exact)}”
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
