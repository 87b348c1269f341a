import { useEffect, useMemo, useRef, useState } from 'react';
import { foldForSearch } from '../../../shared/corpus/library';
import type { Theme } from '../../../shared/model/settings';
import { useAnnotations } from '../state/annotations';
import { useHistory } from '../state/history';
import { useAppStore } from '../state/store';
import { useCommandRegistry, type Command } from './registry';

function globalCommands(): Command[] {
  const { updateSettings, settings } = useAppStore.getState();
  const theme = (t: Theme, name: string): Command => ({ id: `theme-${t}`, label: `Theme: ${name}`, run: () => void updateSettings({ theme: t }) });
  const history = useHistory.getState();
  return [
    { id: 'library', label: 'Go to the library', shortcut: 'Ctrl+L', run: () => (location.hash = '#/') },
    { id: 'hub', label: 'Highlights and notes', run: () => (location.hash = '#/annotations') },
    { id: 'search', label: 'Search all documents', run: () => (location.hash = '#/search/') },
    { id: 'undo', label: history.past.length ? `Undo ${history.past.at(-1)!.label}` : 'Undo', shortcut: 'Ctrl+Z', run: () => void history.undo() },
    { id: 'redo', label: 'Redo', shortcut: 'Ctrl+Shift+Z', run: () => void history.redo() },
    theme('light', 'light'),
    theme('sepia', 'sepia'),
    theme('dark', 'dark'),
    theme('system', 'follow the system'),
    { id: 'larger', label: 'Larger text', run: () => void updateSettings({ fontSize: Math.min(32, settings.fontSize + 1) }) },
    { id: 'smaller', label: 'Smaller text', run: () => void updateSettings({ fontSize: Math.max(12, settings.fontSize - 1) }) },
    { id: 'font', label: settings.fontFamily === 'serif' ? 'Typeface: sans serif' : 'Typeface: serif', run: () => void updateSettings({ fontFamily: settings.fontFamily === 'serif' ? 'sans' : 'serif' }) },
    { id: 'close-editor', label: 'Close the highlight editor', run: () => useAnnotations.getState().closeEditor() },
  ];
}

/** Ctrl+K (Cmd+K): every action with its shortcut, filtered as you type, run with Enter. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const screen = useCommandRegistry((s) => s.screen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!open) return;
    setQuery('');
    setSelected(0);
    dialog.current?.showModal();
  }, [open]);

  const commands = useMemo(() => (open ? [...screen, ...globalCommands()] : []), [open, screen]);
  const shown = useMemo(() => {
    const words = foldForSearch(query).split(/\s+/).filter(Boolean);
    return commands.filter((c) => words.every((w) => foldForSearch(c.label).includes(w)));
  }, [commands, query]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };

  if (!open) return null;
  return (
    <dialog ref={dialog} className="palette" aria-label="Commands" onClose={() => setOpen(false)} data-testid="command-palette">
      <input
        autoFocus
        value={query}
        placeholder="Type a command"
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={shown[selected] ? `cmd-${shown[selected]!.id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setSelected(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setSelected(Math.min(shown.length - 1, selected + 1));
          else if (e.key === 'ArrowUp') setSelected(Math.max(0, selected - 1));
          else if (e.key === 'Enter') run(shown[selected]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands">
        {shown.map((c, k) => (
          <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={k === selected} onMouseEnter={() => setSelected(k)} onClick={() => run(c)}>
            <span>{c.label}</span>
            {c.shortcut ? <kbd>{c.shortcut}</kbd> : null}
          </li>
        ))}
        {shown.length === 0 ? <li className="palette-empty">No command matches.</li> : null}
      </ul>
    </dialog>
  );
}
