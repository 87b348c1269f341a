import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import { titleRepeatedAt, type Document, type Paragraph } from '../../../shared/model/document';
import { Block, groupBoilerplate } from '../components/DocumentBody';
import { t } from '../../../shared/i18n/current';

export interface ReaderBodyHandle {
  /**
   * Brings a paragraph into view (rendering it first if the list is virtualised): its top at the top
   * of the reading area, or `offset` pixels of it scrolled past that line.
   */
  scrollToParagraph(index: number, options?: { flash?: boolean; offset?: number }): Promise<void>;
  /** Index of the first paragraph on screen. */
  firstVisibleParagraph(): number;
  /** The first paragraph on screen and how many pixels of it are scrolled past the top line. */
  position(): ReadingPosition;
  /** The rendered block of a paragraph, if it is rendered and not folded away. */
  shownBlock(index: number): HTMLElement | null;
  /**
   * Whether the reader leaves a paragraph out: boilerplate that is folded (or not rendered, so folded
   * when it is), or a first heading that repeats the title. Paragraphs of a book not rendered yet are not left out.
   */
  leftOut(index: number): boolean;
}

export interface ReadingPosition {
  paragraph: number;
  offset: number;
}

/** Beyond this many blocks only those near the viewport are rendered, so a whole book opens at once. */
const VIRTUALISE_ABOVE = 150;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function flash(element: Element | null) {
  element?.classList.add('block-flash');
  setTimeout(() => element?.classList.remove('block-flash'), 1600);
}

function Group({ doc, group, marks, repeatedTitle }: { doc: Document; group: Paragraph | Paragraph[]; marks: readonly Mark[]; repeatedTitle: number | null }) {
  if (!Array.isArray(group)) {
    const block = <Block doc={doc} paragraph={group} marks={marks} />;
    // The screen's heading already shows the title: a first heading that repeats it stays in the
    // document (anchors and positions count it) but takes no room.
    return repeatedTitle !== null && group.id === `p${repeatedTitle}` ? <div hidden>{block}</div> : block;
  }
  return (
    <details className="boilerplate-group">
      <summary>
        {t('reader.boilerplate', { count: group.length })}
      </summary>
      {group.map((p) => (
        <Block key={p.id} doc={doc} paragraph={p} marks={marks} />
      ))}
    </details>
  );
}

/** Where the reading area starts: below the sticky toolbar. */
export function readingTop(): number {
  return document.querySelector('.reader-toolbar')?.getBoundingClientRect().bottom ?? 0;
}

/**
 * Folded boilerplate and the hidden title are skipped when finding or stepping through paragraphs.
 * Not by their boxes: Chromium lays out a closed <details>'s content (content-visibility: hidden), so it has some.
 */
const isShown = (element: Element) => element.checkVisibility();

function paragraphIndex(group: Paragraph | Paragraph[], end: 'first' | 'last'): number {
  const p = Array.isArray(group) ? group[end === 'first' ? 0 : group.length - 1]! : group;
  return Number(p.id.slice(1));
}

function firstVisible(): ReadingPosition {
  const top = readingTop();
  for (const element of document.querySelectorAll<HTMLElement>('.document-body [data-paragraph-id]')) {
    if (!isShown(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.bottom > top + 1) return { paragraph: Number(element.dataset.paragraphId!.slice(1)), offset: Math.round(top - box.top) };
  }
  return { paragraph: 0, offset: 0 };
}

/** The document's text: all of it for ordinary lengths, virtualised against the window for books. */
/** `onRange` hears which paragraphs are on (or near) the screen, so a long document can fetch them. */
export function ReaderBody({ doc, marks, handle, onRange }: { doc: Document; marks: readonly Mark[]; handle: MutableRefObject<ReaderBodyHandle | null>; onRange?: (from: number, to: number) => void }) {
  const groups = useMemo(() => groupBoilerplate(doc.paragraphs), [doc]);
  const repeatedTitle = useMemo(() => titleRepeatedAt(doc), [doc]);
  const groupOf = useMemo(() => {
    const map = new Map<number, number>();
    groups.forEach((g, k) => (Array.isArray(g) ? g : [g]).forEach((p) => map.set(Number(p.id.slice(1)), k)));
    return map;
  }, [groups]);
  const virtual = groups.length > VIRTUALISE_ABOVE;
  const list = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => setMargin(list.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({ count: virtual ? groups.length : 0, estimateSize: () => 160, overscan: 8, scrollMargin: margin });

  useEffect(() => {
    const find = (index: number) => document.querySelector(`.document-body [data-paragraph-id="p${index}"]`);
    handle.current = {
      async scrollToParagraph(index, options) {
        if (virtual) {
          virtualizer.scrollToIndex(groupOf.get(index) ?? 0, { align: 'start' });
          for (let tries = 0; tries < 10 && !find(index); tries++) await nextFrame();
        }
        const element = find(index);
        if (element) window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - readingTop() + (options?.offset ?? -12));
        if (options?.flash) flash(element);
      },
      firstVisibleParagraph: () => firstVisible().paragraph,
      position: firstVisible,
      shownBlock: (index) => {
        const element = find(index);
        return element instanceof HTMLElement && isShown(element) ? element : null;
      },
      leftOut: (index) => {
        if (index === repeatedTitle) return true;
        if (doc.paragraphs[index]?.kind !== 'boilerplate') return false;
        const element = find(index);
        return !element || !isShown(element);
      },
    };
  }, [handle, virtual, virtualizer, groupOf, doc, repeatedTitle]);

  const shown = virtual ? virtualizer.getVirtualItems() : [];
  const firstShown = shown.length ? paragraphIndex(groups[shown[0]!.index]!, 'first') : 0;
  const lastShown = shown.length ? paragraphIndex(groups[shown[shown.length - 1]!.index]!, 'last') : doc.paragraphs.length - 1;
  useEffect(() => onRange?.(firstShown, lastShown), [onRange, firstShown, lastShown]);

  if (!virtual) {
    return (
      <div className="document-body" data-document-id={doc.meta.id} ref={list}>
        {groups.map((group) => (
          <Group key={Array.isArray(group) ? group[0]!.id : group.id} doc={doc} group={group} marks={marks} repeatedTitle={repeatedTitle} />
        ))}
      </div>
    );
  }
  const items = virtualizer.getVirtualItems();
  return (
    <div className="document-body" data-document-id={doc.meta.id} ref={list} style={{ height: virtualizer.getTotalSize(), position: 'relative' }} data-virtual="true">
      <div style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${(items[0]?.start ?? 0) - virtualizer.options.scrollMargin}px)` }}>
        {items.map((item) => {
          const group = groups[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-block">
              <Group doc={doc} group={group} marks={marks} repeatedTitle={repeatedTitle} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
