import { useEffect } from 'react';
import { useHistory } from '../state/history';

export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the app's last change, except inside a text field,
 * where they undo typing as usual. In Electron the Edit menu owns Ctrl+Z and Ctrl+Shift+Z and sends its commands.
 */
export function useUndoKeys(): void {
  useEffect(() => {
    const run = (command: string) => {
      const history = useHistory.getState();
      void (command === 'undo' ? history.undo() : history.redo());
    };
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      // In Electron the Edit menu's accelerators own Ctrl+Z and Ctrl+Shift+Z; Ctrl+Y stays here.
      if (window.facing && key === 'z') return;
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        run(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      }
    };
    const onCommand = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      if (isTyping(document.activeElement)) document.execCommand(command);
      else run(command);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('facing:command', onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('facing:command', onCommand);
    };
  }, []);
}
