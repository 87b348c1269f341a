import { useLayoutEffect, useState, type RefObject } from 'react';

export interface PopupPlace {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

const GAP = 8;
const MARGIN = 8;

/** Below the word when it fits, else above, else on the roomier side with a scroll: never over the word. */
export function placeBeside(word: DOMRect, size: { width: number; height: number }, viewport = { width: window.innerWidth, height: window.innerHeight }): PopupPlace {
  const below = viewport.height - word.bottom - GAP - MARGIN;
  const above = word.top - GAP - MARGIN;
  const side = size.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = Math.max(80, side === 'below' ? below : above);
  const height = Math.min(size.height, maxHeight);
  const top = side === 'below' ? word.bottom + GAP : word.top - GAP - height;
  const left = Math.min(Math.max(MARGIN, word.left), viewport.width - size.width - MARGIN);
  return { left: Math.max(MARGIN, left), top, maxHeight, side };
}

/** Keeps a popup beside a word as the page scrolls or resizes; calls `lost` when the word leaves the page. */
export function usePopupPlace(popup: RefObject<HTMLElement | null>, word: Range, lost: () => void, content: unknown): PopupPlace | null {
  const [place, setPlace] = useState<PopupPlace | null>(null);
  useLayoutEffect(() => {
    const update = () => {
      const element = popup.current;
      const box = word.getBoundingClientRect();
      if (!word.startContainer.isConnected || (box.width === 0 && box.height === 0)) return lost();
      if (!element) return;
      const size = { width: element.offsetWidth, height: element.scrollHeight };
      setPlace((old) => {
        const next = placeBeside(box, size);
        return old && old.left === next.left && old.top === next.top && old.maxHeight === next.maxHeight ? old : next;
      });
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [popup, word, lost, content]);
  return place;
}
