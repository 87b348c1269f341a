import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import './LinkConfirm.css';

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
      <h2 id="link-confirm-title">Open this link in your web browser?</h2>
      <p className="link-confirm-url">{url}</p>
      <div className="link-confirm-actions">
        <button type="button" className="button-quiet" onClick={() => dialog.current?.close()} autoFocus>
          Cancel
        </button>
        <button type="button" className="button" onClick={open}>
          Open in browser
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
