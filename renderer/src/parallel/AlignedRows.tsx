import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { AlignmentRow } from '../../../shared/model/alignment';
import { useParallelStore } from '../state/parallel';
import { Cell, isAnnotated, type CellSide } from './Cell';
import { usePrinting } from './usePrinting';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

interface Props {
  rows: readonly AlignmentRow[];
  left: CellSide;
  right: CellSide;
  swapped: boolean;
  flagged: Set<number>;
}

/** "English" when the other side of a row is annotated and this side is not. */
function crossMarker(otherIds: readonly string[], other: CellSide, ownIds: readonly string[], own: CellSide): string | undefined {
  return isAnnotated(otherIds, other) && !isAnnotated(ownIds, own) ? languageName(other.doc.meta.language) : undefined;
}

interface RowProps {
  index: number;
  row: AlignmentRow;
  left: CellSide;
  right: CellSide;
  swapped: boolean;
  linked: boolean;
}

/** A row's number, its review marks and its two cells. */
function RowBody({ index, row, left, right, swapped, linked }: RowProps) {
  const [leftIds, rightIds] = swapped ? [row.b, row.a] : [row.a, row.b];
  return (
    <>
      <div className="prow-gutter">
        <span className="prow-number" aria-hidden="true">{index + 1}</span>
        {row.checked ? (
          <span className="prow-checked" title={t('parallel.checked')} role="img" aria-label={t('parallel.checked')}>
            ✓
          </span>
        ) : row.a.length && row.b.length && row.confidence < 0.35 ? (
          <span className="prow-unsure" title={t('parallel.unsure', { percent: Math.round(row.confidence * 100) })} />
        ) : null}
      </div>
      <Cell column="left" ids={leftIds} side={left} linked={linked} annotatedIn={crossMarker(rightIds, right, leftIds, left)} />
      <Cell column="right" ids={rightIds} side={right} linked={linked} annotatedIn={crossMarker(leftIds, left, rightIds, right)} />
    </>
  );
}

/**
 * Every listed row in the flow of the page: what is printed. The list on screen is virtual and holds
 * only the rows near its viewport, so a printout of it would stop after a screenful.
 */
export function PrintedRows({ listed, rows, left, right, swapped }: Omit<Props, 'flagged'> & { listed: readonly number[] }) {
  return (
    <div className="parallel-print" data-testid="parallel-print">
      {listed.map((index) => {
        const row = rows[index]!;
        return (
          <div key={index} className={['prow', row.startsParagraph ? 'starts-paragraph' : '', row.checked ? 'is-checked' : ''].filter(Boolean).join(' ')} data-row={index}>
            <RowBody index={index} row={row} left={left} right={right} swapped={swapped} linked={false} />
          </div>
        );
      })}
    </div>
  );
}

/**
 * Counterparts side by side in one grid, so both columns always scroll together. Only the rows near
 * the viewport are in the DOM: a book of many thousand rows scrolls as lightly as a page.
 */
export function AlignedRows({ rows, left, right, swapped, flagged }: Props) {
  const active = useParallelStore((s) => s.active);
  const hovered = useParallelStore((s) => s.hovered);
  const setActive = useParallelStore((s) => s.setActive);
  const setHovered = useParallelStore((s) => s.setHovered);
  const onlyUnchecked = useParallelStore((s) => s.onlyUnchecked);
  // The rows listed, as indices into `rows`: all of them, or those still to review.
  const listed = useMemo(() => (onlyUnchecked ? rows.flatMap((r, k) => (r.checked ? [] : [k])) : rows.map((_, k) => k)), [rows, onlyUnchecked]);
  const scroller = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  const virtualizer = useVirtualizer({
    count: listed.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 110,
    overscan: 6,
  });

  // Keep the active row in view when it moves (keyboard, differences panel); on opening, start at it
  // when it is not the first (the reader's last position).
  const shown = useRef<number | null>(null);
  useEffect(() => {
    if (shown.current === active) return;
    const opening = shown.current === null;
    shown.current = active;
    if (opening && active === 0) return;
    const position = listed.indexOf(active);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: opening ? 'start' : 'auto' });
  }, [active, virtualizer, listed]);

  return (
    <>
      <div className="parallel-scroll" ref={scroller} data-testid="parallel-rows" onMouseLeave={() => setHovered(null)} tabIndex={0} aria-label={t('parallel.rows')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {listed.length === 0 ? <p className="parallel-empty">{t('parallel.allChecked')}</p> : null}
          {virtualizer.getVirtualItems().map((item) => {
            const index = listed[item.index]!;
            const row = rows[index]!;
            const classes = ['prow', row.startsParagraph ? 'starts-paragraph' : '', index === active ? 'is-active' : '', flagged.has(index) ? 'is-flagged' : '', row.checked ? 'is-checked' : ''];
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row={index}
                data-testid="parallel-row"
                className={classes.filter(Boolean).join(' ')}
                style={{ transform: `translateY(${item.start}px)` }}
                onMouseEnter={() => setHovered(index)}
                onClick={() => setActive(index)}
                aria-current={index === active ? 'true' : undefined}
              >
                <RowBody index={index} row={row} left={left} right={right} swapped={swapped} linked={hovered === index} />
              </div>
            );
          })}
        </div>
      </div>
      {printing ? <PrintedRows listed={listed} rows={rows} left={left} right={right} swapped={swapped} /> : null}
    </>
  );
}
