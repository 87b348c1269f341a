import { useEffect } from 'react';
import { useAnnotations } from '../state/annotations';
import { useHistory } from '../state/history';
import { BannerIcon } from './BannerIcon';
import { t } from '../../../shared/i18n/current';

const SHOWN_FOR = 5000;

/** A short confirmation at the bottom: what was just done or undone (with Undo), or what went wrong. */
export function Toast() {
  const message = useHistory((s) => s.message);
  const canUndo = useHistory((s) => s.past.length > 0 && s.message !== t('history.undone', { label: s.future.at(-1)?.label ?? '' }));
  const error = useAnnotations((s) => s.error);
  useEffect(() => {
    if (!message && !error) return;
    const timer = setTimeout(() => {
      useHistory.getState().clearMessage();
      useAnnotations.getState().clearError();
    }, SHOWN_FOR);
    return () => clearTimeout(timer);
  }, [message, error]);
  if (!message && !error) return null;
  return (
    <div className={`toast${error ? ' toast-error' : ''}`} role={error ? 'alert' : 'status'} data-testid="toast">
      <BannerIcon tone={error ? 'error' : 'success'} />
      <span>{error ?? message}</span>
      {!error && canUndo ? (
        <button type="button" className="button-quiet" onClick={() => void useHistory.getState().undo()}>
          {t('common.undo')}
        </button>
      ) : null}
    </div>
  );
}
