import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import { useParallelStore } from '../state/parallel';
import { Cell } from './Cell';

interface Props {
  rows: readonly AlignmentRow[];
  leftDoc: Document;
  rightDoc: Document;
  leftTexts: Map<string, string>;
  rightTexts: Map<string, string>;
  swapped: boolean;
  flagged: Set<number>;
}

/**
 * Counterparts side by side in one grid, so both columns always scroll together. Only the rows near
 * the viewport are in the DOM: a book of many thousand rows scrolls as lightly as a page.
 */
export function AlignedRows({ rows, leftDoc, rightDoc, leftTexts, rightTexts, swapped, flagged }: Props) {
  const active = useParallelStore((s) => s.active);
  const hovered = useParallelStore((s) => s.hovered);
  const setActive = useParallelStore((s) => s.setActive);
  const setHovered = useParallelStore((s) => s.setHovered);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 110,
    overscan: 6,
  });

  // Keep the active row in view when it moves (keyboard, differences panel), not when the view opens.
  const shown = useRef(active);
  useEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, virtualizer]);

  return (
    <div className="parallel-scroll" ref={scroller} data-testid="parallel-rows" onMouseLeave={() => setHovered(null)}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const [leftIds, rightIds] = swapped ? [row.b, row.a] : [row.a, row.b];
          const classes = ['prow', row.startsParagraph ? 'starts-paragraph' : '', item.index === active ? 'is-active' : '', flagged.has(item.index) ? 'is-flagged' : ''];
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-testid="parallel-row"
              className={classes.filter(Boolean).join(' ')}
              style={{ transform: `translateY(${item.start}px)` }}
              onMouseEnter={() => setHovered(item.index)}
              onClick={() => setActive(item.index)}
              aria-current={item.index === active ? 'true' : undefined}
            >
              <div className="prow-gutter" aria-hidden="true">
                <span className="prow-number">{item.index + 1}</span>
                {row.checked ? (
                  <span className="prow-checked" title="Checked">
                    ✓
                  </span>
                ) : row.a.length && row.b.length && row.confidence < 0.35 ? (
                  <span className="prow-unsure" title={`The aligner is unsure here (${Math.round(row.confidence * 100)}%)`} />
                ) : null}
              </div>
              <Cell column="left" ids={leftIds} texts={leftTexts} language={leftDoc.meta.language} linked={hovered === item.index} />
              <Cell column="right" ids={rightIds} texts={rightTexts} language={rightDoc.meta.language} linked={hovered === item.index} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
