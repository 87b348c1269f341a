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
      event.preventDefault();
      const state = useParallelStore.getState();
      if (action.enabled(state)) action.run(state);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
