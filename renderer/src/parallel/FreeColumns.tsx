import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import type { Mark } from '../../../shared/annotations/layout';
import { HighlightedText } from '../annotations/HighlightedText';
import { useParallelStore } from '../state/parallel';
import { PrintedRows } from './AlignedRows';
import type { CellSide } from './Cell';
import { usePrinting } from './usePrinting';

function rowOfSentence(rows: readonly AlignmentRow[], side: 'a' | 'b'): Map<string, number> {
  const map = new Map<string, number>();
  rows.forEach((row, index) => row[side].forEach((id) => map.set(id, index)));
  return map;
}

function isVisible(element: Element, container: Element): boolean {
  const box = element.getBoundingClientRect();
  const frame = container.getBoundingClientRect();
  return box.top >= frame.top && box.bottom <= frame.bottom;
}

function Pane({ doc, rowOf, column, marks, head }: { doc: Document; rowOf: Map<string, number>; column: 'left' | 'right'; marks: readonly Mark[]; head: ReactNode }) {
  const active = useParallelStore((s) => s.active);
  const hovered = useParallelStore((s) => s.hovered);
  const setActive = useParallelStore((s) => s.setActive);
  const setHovered = useParallelStore((s) => s.setHovered);
  const pane = useRef<HTMLDivElement>(null);

  // Follow the active row unless its sentence is already in view (the pane the user clicked in).
  useEffect(() => {
    const target = pane.current?.querySelector(`[data-row="${active}"]`);
    if (target && pane.current && !isVisible(target, pane.current)) target.scrollIntoView({ block: 'center' });
  }, [active]);

  return (
    <div className="free-pane" ref={pane} lang={doc.meta.language} data-document-id={doc.meta.id} tabIndex={0} aria-label={doc.meta.title} data-column={column} data-testid={`free-pane-${column}`} onMouseLeave={() => setHovered(null)}>
      {/* Inside the pane, so it lines up with the text whatever the scrollbars take. */}
      <div className="free-head" data-testid="column-heads">
        {head}
      </div>
      {doc.paragraphs
        .filter((p) => p.kind !== 'boilerplate')
        .map((p) => (
          <p key={p.id} className={`block block-${p.kind}`}>
            {p.sentences.map((s, k) => {
              const row = rowOf.get(s.id);
              const classes = ['sentence', row === hovered ? 'is-linked' : '', row === active ? 'is-active' : ''].filter(Boolean).join(' ');
              return (
                <span key={s.id}>
                  {k > 0 ? ' ' : null}
                  <span
                    className={classes}
                    data-sentence-id={s.id}
                    data-row={row}
                    onMouseEnter={() => row !== undefined && setHovered(row)}
                    onClick={() => row !== undefined && setActive(row)}
                  >
                    <HighlightedText text={doc.text} from={s.start} to={s.end} marks={marks} />
                  </span>
                </span>
              );
            })}
          </p>
        ))}
    </div>
  );
}

/**
 * Each document in its own column, scrolled on its own; hovering or clicking a sentence finds its counterpart.
 * Printed as the rows scrolling together print: two panes scrolled apart would each print only what they show.
 */
export function FreeColumns({ rows, left, right, swapped, heads }: { rows: readonly AlignmentRow[]; left: CellSide; right: CellSide; swapped: boolean; heads: [ReactNode, ReactNode] | ReactNode[] }) {
  const leftRows = useMemo(() => rowOfSentence(rows, swapped ? 'b' : 'a'), [rows, swapped]);
  const rightRows = useMemo(() => rowOfSentence(rows, swapped ? 'a' : 'b'), [rows, swapped]);
  const printing = usePrinting();
  const every = useMemo(() => rows.map((_, k) => k), [rows]);
  return (
    <>
      <div className="free-columns">
        <Pane doc={left.doc} rowOf={leftRows} column="left" marks={left.marks} head={heads[0]} />
        <Pane doc={right.doc} rowOf={rightRows} column="right" marks={right.marks} head={heads[1]} />
      </div>
      {printing ? (
        <div className="free-print">
          <div className="column-heads">
            <span className="column-gutter" />
            {heads}
          </div>
          <PrintedRows listed={every} rows={rows} left={left} right={right} swapped={swapped} />
        </div>
      ) : null}
    </>
  );
}
