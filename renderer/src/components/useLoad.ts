import { useEffect, useState } from 'react';
import { FacingError } from '../../../shared/ipc/errors';

export type Loading<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: FacingError };

/** Runs `load` whenever `key` changes; a result that arrives after the key moved on is dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loading<T> {
  const [loading, setLoading] = useState<Loading<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoading({ state: 'loading' });
    load().then(
      (value) => current && setLoading({ state: 'ready', value }),
      (error: unknown) => current && setLoading({ state: 'failed', error: error instanceof FacingError ? error : new FacingError('internal', String(error)) }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` says when it means something new.
  }, [key]);
  return loading;
}
