import { useLayoutEffect, useState, type RefObject } from 'react';

export interface PopupPlace {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

/** Where a popup may go, in window coordinates. */
export interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const GAP = 8;
const MARGIN = 8;

/**
 * Below the word when it fits, else above, else on the roomier side with a scroll: never over the
 * word, and inside `area` (the text's own part of the window, so never over a toolbar).
 */
export function placeBeside(word: DOMRect, size: { width: number; height: number }, area: Area = windowArea()): PopupPlace {
  const below = area.bottom - word.bottom - GAP - MARGIN;
  const above = word.top - area.top - GAP - MARGIN;
  const side = size.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = Math.max(80, side === 'below' ? below : above);
  const height = Math.min(size.height, maxHeight);
  const top = side === 'below' ? word.bottom + GAP : word.top - GAP - height;
  // An area narrower than the popup lends it the window's width.
  const [from, to] = area.right - area.left >= size.width + 2 * MARGIN ? [area.left, area.right] : [0, window.innerWidth];
  const left = Math.min(Math.max(from + MARGIN, word.left), to - size.width - MARGIN);
  return { left: Math.max(from + MARGIN, left), top, maxHeight, side };
}

function windowArea(): Area {
  return { top: 0, bottom: window.innerHeight, left: 0, right: window.innerWidth };
}

/** The part of the window a word's text is seen in: its scrolling box (or the window), below the screen's toolbar. */
export function contentArea(node: Node): Area {
  const area = windowArea();
  for (let element = node.parentElement; element; element = element.parentElement) {
    const { overflowY } = getComputedStyle(element);
    if ((overflowY === 'auto' || overflowY === 'scroll') && element.scrollHeight > element.clientHeight) {
      const box = element.getBoundingClientRect();
      area.top = Math.max(area.top, box.top);
      area.bottom = Math.min(area.bottom, box.bottom);
      area.left = Math.max(area.left, box.left);
      area.right = Math.min(area.right, box.right);
      break;
    }
  }
  const toolbar = document.querySelector('.reader-toolbar')?.getBoundingClientRect();
  if (toolbar && toolbar.top <= area.top && toolbar.bottom > area.top) area.top = toolbar.bottom;
  return area;
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
        const next = placeBeside(box, size, contentArea(word.startContainer));
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
