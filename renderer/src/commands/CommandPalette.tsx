import { useEffect, useMemo, useRef, useState } from 'react';
import type { Theme } from '../../../shared/model/settings';
import { useAnnotations } from '../state/annotations';
import { useHistory } from '../state/history';
import { useAppStore } from '../state/store';
import { rankByLabel } from './rank';
import { ctrlKey, isAvailable, plainKey, useCommandKeys, useCommandRegistry, type Command } from './registry';
import { lookUpSelection, selectedWord } from '../dictionaries/lookupStore';
import { ShortcutsDialog } from './ShortcutsDialog';
import { t } from '../../../shared/i18n/current';

function appCommands(openPalette: () => void, openShortcuts: () => void): Command[] {
  const settings = () => useAppStore.getState().settings;
  const update = (patch: Parameters<ReturnType<typeof useAppStore.getState>['updateSettings']>[0]) => void useAppStore.getState().updateSettings(patch);
  const theme = (value: Theme, label: string): Command => ({ id: `theme-${value}`, label, run: () => update({ theme: value }) });
  return [
    { id: 'palette', label: t('cmd.palette'), shortcut: 'Ctrl+K', matches: ctrlKey('k'), whileTyping: true, run: openPalette },
    { id: 'shortcuts', label: t('cmd.shortcuts'), shortcut: '?', matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey, run: openShortcuts },
    { id: 'library', label: t('cmd.library'), shortcut: 'Ctrl+L', run: () => (location.hash = '#/') },
    { id: 'hub', label: t('cmd.hub'), run: () => (location.hash = '#/annotations') },
    { id: 'search', label: t('cmd.search'), run: () => (location.hash = '#/search/') },
    { id: 'dictionaries', label: t('cmd.dictionaries'), run: () => (location.hash = '#/dictionaries') },
    { id: 'look-up', label: t('cmd.lookUp'), shortcut: 'L', matches: plainKey('l'), available: () => selectedWord() !== null, run: () => void lookUpSelection() },
    { id: 'undo', label: t('cmd.undo'), shortcut: 'Ctrl+Z', available: () => useHistory.getState().past.length > 0, run: () => void useHistory.getState().undo() },
    { id: 'redo', label: t('cmd.redo'), shortcut: 'Ctrl+Shift+Z', available: () => useHistory.getState().future.length > 0, run: () => void useHistory.getState().redo() },
    theme('light', t('cmd.themeLight')),
    theme('sepia', t('cmd.themeSepia')),
    theme('dark', t('cmd.themeDark')),
    theme('system', t('cmd.themeSystem')),
    { id: 'larger', label: t('cmd.larger'), run: () => update({ fontSize: Math.min(32, settings().fontSize + 1) }) },
    { id: 'smaller', label: t('cmd.smaller'), run: () => update({ fontSize: Math.max(12, settings().fontSize - 1) }) },
    { id: 'font-serif', label: t('cmd.serif'), available: () => settings().fontFamily !== 'serif', run: () => update({ fontFamily: 'serif' }) },
    { id: 'font-sans', label: t('cmd.sans'), available: () => settings().fontFamily !== 'sans', run: () => update({ fontFamily: 'sans' }) },
    { id: 'close-editor', label: t('cmd.closeEditor'), available: () => useAnnotations.getState().editing !== null, run: () => useAnnotations.getState().closeEditor() },
  ];
}

/** Ctrl+K (Cmd+K): every action that makes sense now, with its shortcut, best match first, run with Enter. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const screen = useCommandRegistry((s) => s.screen);
  const global = useCommandRegistry((s) => s.global);
  const dialog = useRef<HTMLDialogElement>(null);
  useCommandKeys();

  useEffect(() => {
    useCommandRegistry.getState().setGlobal(appCommands(() => setOpen(true), () => setShortcutsOpen(true)));
  }, []);

  useEffect(() => {
    if (!open) return;
    setQuery('');
    setSelected(0);
    dialog.current?.showModal();
  }, [open]);

  // Availability is read when the palette opens: it is modal, so nothing changes while it is up.
  const commands = useMemo(() => {
    if (!open) return [];
    // A screen's own version of an app command (its undo) stands in for it.
    const all = [...screen, ...global.filter((g) => !screen.some((c) => c.id === g.id))];
    return all.filter((c) => c.id !== 'palette' && isAvailable(c));
  }, [open, screen, global]);
  const shown = useMemo(() => rankByLabel(commands, query), [commands, query]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };

  return (
    <>
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {open ? (
        <dialog ref={dialog} className="palette" aria-label={t('palette.label')} onClose={() => setOpen(false)} data-testid="command-palette">
          <input
            autoFocus
            value={query}
            placeholder={t('palette.placeholder')}
            aria-label={t('palette.input')}
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
          <ul id="palette-list" role="listbox" aria-label={t('palette.label')}>
            {shown.map((c, k) => (
              <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={k === selected} onMouseEnter={() => setSelected(k)} onClick={() => run(c)}>
                <span>{c.label}</span>
                {c.shortcut ? <kbd>{c.shortcut}</kbd> : null}
              </li>
            ))}
            {shown.length === 0 ? <li className="palette-empty">{t('palette.none')}</li> : null}
          </ul>
        </dialog>
      ) : null}
    </>
  );
}
