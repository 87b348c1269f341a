import { useMemo, useRef, type MutableRefObject } from 'react';
import type { Document } from '../../../shared/model/document';
import { readingTop, type ReaderBodyHandle } from './ReaderBody';

export interface CurrentParagraph {
  /** The paragraph J and K are on, if it is still on screen. */
  get(): number | undefined;
  /** J (+1) and K (-1): the next paragraph that is shown (folded boilerplate and a title repeated as the first heading are skipped), marked and scrolled to. */
  step(direction: 1 | -1): void;
}

function onScreen(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > readingTop() && box.top < window.innerHeight;
}

/**
 * The reader's keyboard position. It is marked on the paragraph itself rather than derived from the
 * scroll position, so J keeps moving at the end of a document, where the page cannot scroll any further.
 */
export function useCurrentParagraph(doc: Document | null, body: MutableRefObject<ReaderBodyHandle | null>): CurrentParagraph {
  const index = useRef<number | undefined>(undefined);
  return useMemo(() => {
    const shown = (i: number | undefined) => (i === undefined ? null : (body.current?.shownBlock(i) ?? null));
    const mark = (element: HTMLElement | null) => {
      for (const old of document.querySelectorAll('.document-body .is-current')) old.classList.remove('is-current');
      element?.classList.add('is-current');
    };
    const get = () => {
      const element = shown(index.current);
      return element && onScreen(element) ? index.current : undefined;
    };
    return {
      get,
      step(direction) {
        if (!doc || !body.current) return;
        const from = get() ?? body.current.firstVisibleParagraph();
        const handle = body.current;
        let target: number | undefined;
        for (let i = from + direction; i >= 0 && i < doc.paragraphs.length; i += direction) {
          if (!handle.leftOut(i)) {
            target = i;
            break;
          }
        }
        if (target === undefined) return;
        index.current = target;
        void handle.scrollToParagraph(target).then(() => mark(shown(target)));
      },
    };
  }, [doc, body]);
}
