import type { ReactNode } from 'react';
import { useParallelStore } from '../state/parallel';
import { actionById } from './actions';

/** A button for a parallel-view action: its label and shortcut in the tooltip, disabled when it cannot run. */
export function ActionButton({ id, children, className = 'button-quiet', pressed }: { id: string; children: ReactNode; className?: string; pressed?: boolean }) {
  const action = actionById(id);
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
