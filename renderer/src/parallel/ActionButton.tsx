import type { ReactNode } from 'react';
import { useHistory } from '../state/history';
import { useParallelStore } from '../state/parallel';
import { actionById } from './actions';

/** A button for a parallel-view action: its label and shortcut in the tooltip, disabled when it cannot run. */
export function ActionButton({ id, children, className = 'button-quiet', pressed }: { id: string; children: ReactNode; className?: string; pressed?: boolean }) {
  const action = actionById(id);
  // Undo and redo depend on the shared history: re-render when it changes.
  useHistory((h) => `${h.past.length}/${h.future.length}`);
  const enabled = useParallelStore((s) => action.enabled(s));
  return (
    <button
      type="button"
      className={className}
      disabled={!enabled}
      aria-pressed={pressed}
      aria-label={action.label}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      onClick={() => action.run(useParallelStore.getState())}
      data-action={id}
    >
      {children}
    </button>
  );
}
