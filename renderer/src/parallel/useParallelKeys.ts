import { useEffect } from 'react';
import { useParallelStore } from '../state/parallel';
import { parallelActions } from './actions';

/** Keyboard shortcuts for every parallel-view action, except while the user types in a field. */
export function useParallelKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const action = parallelActions.find((a) => a.matches?.(event));
      if (!action) return;
      // In Electron the Edit menu owns Ctrl+Z and Ctrl+Shift+Z and sends them as commands (below).
      if (window.facing && (action.id === 'undo' || action.id === 'redo')) return;
      event.preventDefault();
      const state = useParallelStore.getState();
      if (action.enabled(state)) action.run(state);
    };
    // The Electron menu's Undo and Redo arrive as commands rather than key presses.
    const onCommand = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      const target = document.activeElement as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) {
        document.execCommand(command);
        return;
      }
      const action = parallelActions.find((a) => a.id === command);
      const state = useParallelStore.getState();
      if (action?.enabled(state)) action.run(state);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('facing:command', onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('facing:command', onCommand);
    };
  }, []);
}
