import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { isTyping } from '../components/useUndoKeys';

/**
 * An action of the app: the command palette lists it, the shortcut overview shows its keys, and the
 * one key handler below runs it when `matches` says a key press is meant for it.
 */
export interface Command {
  id: string;
  label: string;
  /** As shown to the user. */
  shortcut?: string;
  matches?: (event: KeyboardEvent) => boolean;
  /** Whether it makes sense now; when it does not, the palette leaves it out and its key does nothing. */
  available?: () => boolean;
  /** Keys that also work while typing in a field (Ctrl+F, Ctrl+K). */
  whileTyping?: boolean;
  run: () => void;
}

export const plainKey = (key: string) => (e: KeyboardEvent) => e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey;
export const ctrlKey = (key: string) => (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === key;

export const isAvailable = (command: Command) => command.available?.() ?? true;

interface CommandState {
  /** Commands offered by the screen that is open: every part of it that registered some, in order. */
  screen: Command[];
  /** Commands of the whole app (palette, overview, themes...), registered once by the app shell. */
  global: Command[];
  /** Sets (or, with no commands, removes) one part's commands. */
  setPart(part: symbol, commands: Command[] | null): void;
  setGlobal(commands: Command[]): void;
}

export const useCommandRegistry = create<CommandState>((set) => {
  const parts = new Map<symbol, Command[]>();
  return {
    screen: [],
    global: [],
    setPart: (part, commands) => {
      if (commands) parts.set(part, commands);
      else parts.delete(part);
      set({ screen: [...parts.values()].flat() });
    },
    setGlobal: (global) => set({ global }),
  };
});

/** Registers a screen's (or a part of a screen's) commands for as long as it is shown. */
export function useCommands(commands: Command[]): void {
  const part = useRef(Symbol('commands')).current;
  const key = commands.map((c) => `${c.id}:${c.label}:${c.shortcut ?? ''}`).join('|');
  useEffect(() => {
    useCommandRegistry.getState().setPart(part, commands);
    return () => useCommandRegistry.getState().setPart(part, null);
    // The key changes whenever a command's identity or label does; run closures read fresh state themselves.
  }, [key]);
}

/** Runs the command a key press is meant for: the open screen's first, then the app's. */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { screen, global } = useCommandRegistry.getState();
      const typing = isTyping(event.target);
      const command = [...screen, ...global].find((c) => (!typing || c.whileTyping) && c.matches?.(event));
      if (!command) return;
      event.preventDefault();
      if (isAvailable(command)) command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
