import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import './LinkConfirm.css';
import { t } from '../../../shared/i18n/current';

/**
 * Asks before a link from a note leaves Facing, in Electron and in the browser alike: the one place
 * that opens such links. The address is shown in full, so a misleading link text cannot hide it.
 */
export function LinkConfirm({ url, onClose }: { url: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const open = () => {
    window.open(url, '_blank', 'noopener,noreferrer');
    dialog.current?.close();
  };
  return createPortal(
    // React passes events up from a portal to the note's parents (a card is a button): stop them here.
    <dialog ref={dialog} className="link-confirm" aria-labelledby="link-confirm-title" onClose={onClose} onClick={(e) => e.stopPropagation()} data-testid="link-confirm">
      <h2 id="link-confirm-title">{t('link.confirm')}</h2>
      <p className="link-confirm-url">{url}</p>
      <div className="link-confirm-actions">
        <button type="button" className="button-quiet" onClick={() => dialog.current?.close()} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button" onClick={open}>
          {t('link.open')}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
