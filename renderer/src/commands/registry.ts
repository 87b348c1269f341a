import { useEffect } from 'react';
import { create } from 'zustand';

/** An action the command palette lists, with the shortcut that also runs it. */
export interface Command {
  id: string;
  label: string;
  shortcut?: string;
  run: () => void;
}

interface CommandState {
  /** Commands offered by the screen that is open, by the screen's key. */
  screen: Command[];
  setScreen(commands: Command[]): void;
}

export const useCommandRegistry = create<CommandState>((set) => ({
  screen: [],
  setScreen: (screen) => set({ screen }),
}));

/** Registers the open screen's commands for as long as it is shown. */
export function useCommands(commands: Command[]): void {
  const key = commands.map((c) => `${c.id}:${c.label}`).join('|');
  useEffect(() => {
    useCommandRegistry.getState().setScreen(commands);
    return () => useCommandRegistry.getState().setScreen([]);
    // The key changes whenever a command's identity or label does; run closures are refreshed with it.
  }, [key]);
}
