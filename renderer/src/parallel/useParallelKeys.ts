import { useEffect } from 'react';
import { useParallelStore } from '../state/parallel';
import { parallelActions } from './actions';
import { isTyping } from '../components/useUndoKeys';

/** Keyboard shortcuts for every parallel-view action, except while the user types in a field. */
export function useParallelKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
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
