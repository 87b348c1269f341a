import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import type { Document, Paragraph } from '../../../shared/model/document';
import { Block, groupBoilerplate } from '../components/DocumentBody';

export interface ReaderBodyHandle {
  /** Brings a paragraph into view (rendering it first if the list is virtualised). */
  scrollToParagraph(index: number, options?: { flash?: boolean }): Promise<void>;
  /** Index of the first paragraph on screen. */
  firstVisibleParagraph(): number;
}

/** Beyond this many blocks only those near the viewport are rendered, so a whole book opens at once. */
const VIRTUALISE_ABOVE = 150;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function flash(element: Element | null) {
  element?.classList.add('block-flash');
  setTimeout(() => element?.classList.remove('block-flash'), 1600);
}

function Group({ doc, group, marks }: { doc: Document; group: Paragraph | Paragraph[]; marks: readonly Mark[] }) {
  if (!Array.isArray(group)) return <Block doc={doc} paragraph={group} marks={marks} />;
  return (
    <details className="boilerplate-group">
      <summary>
        Website boilerplate hidden ({group.length} {group.length === 1 ? 'line' : 'lines'})
      </summary>
      {group.map((p) => (
        <Block key={p.id} doc={doc} paragraph={p} marks={marks} />
      ))}
    </details>
  );
}

function firstVisible(): number {
  for (const element of document.querySelectorAll<HTMLElement>('.document-body [data-paragraph-id]')) {
    if (element.getBoundingClientRect().bottom > 64) return Number(element.dataset.paragraphId!.slice(1));
  }
  return 0;
}

/** The document's text: all of it for ordinary lengths, virtualised against the window for books. */
export function ReaderBody({ doc, marks, handle }: { doc: Document; marks: readonly Mark[]; handle: MutableRefObject<ReaderBodyHandle | null> }) {
  const groups = useMemo(() => groupBoilerplate(doc.paragraphs), [doc]);
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
        element?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -72);
        if (options?.flash) flash(element);
      },
      firstVisibleParagraph: firstVisible,
    };
  }, [handle, virtual, virtualizer, groupOf, doc]);

  if (!virtual) {
    return (
      <div className="document-body" data-document-id={doc.meta.id} ref={list}>
        {groups.map((group) => (
          <Group key={Array.isArray(group) ? group[0]!.id : group.id} doc={doc} group={group} marks={marks} />
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
              <Group doc={doc} group={group} marks={marks} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
