import { useEffect, useRef } from 'react';
import { useCommandRegistry, type Command } from './registry';
import './ShortcutsDialog.css';
import { t } from '../../../shared/i18n/current';

function Group({ title, commands }: { title: string; commands: Command[] }) {
  if (commands.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <dl>
        {commands.map((c) => (
          <div key={c.id} className="shortcut">
            <dt>
              <kbd>{c.shortcut}</kbd>
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "?": every key the open screen and the app answer to, read from the same registry that runs them. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const screen = useCommandRegistry((s) => s.screen);
  const global = useCommandRegistry((s) => s.global);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const withKeys = (commands: Command[]) => commands.filter((c) => c.shortcut);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose} onClick={(e) => e.target === dialog.current && dialog.current.close()} data-testid="shortcuts">
      <header>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" className="button-quiet" onClick={() => dialog.current?.close()} aria-label={t('common.close')} autoFocus>
          ✕
        </button>
      </header>
      <div className="shortcuts-groups">
        <Group title={t('shortcuts.here')} commands={withKeys(screen)} />
        <Group title={t('shortcuts.everywhere')} commands={withKeys(global)} />
      </div>
    </dialog>
  );
}
