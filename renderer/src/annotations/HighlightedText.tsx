import type { CSSProperties, ReactNode } from 'react';
import { chunkRange, type Mark } from '../../../shared/annotations/layout';
import type { InlineStyle } from '../../../shared/model/document';
import './HighlightedText.css';

/**
 * A span of document text with its highlights. Each run carries its offsets (data-start/data-end),
 * which is how selections are mapped back onto the text.
 */
interface Props {
  text: string;
  from: number;
  to: number;
  marks: readonly Mark[];
  /** Emphasis kept from an imported file. */
  styles?: readonly InlineStyle[];
}

/** Wraps a run in <em>/<strong> where the document's emphasis covers it. */
function styled(content: string, start: number, end: number, styles: readonly InlineStyle[]): ReactNode {
  let node: ReactNode = content;
  for (const s of styles) if (s.start <= start && s.end >= end) node = s.style === 'em' ? <em>{node}</em> : <strong>{node}</strong>;
  return node;
}

/** Where highlights overlap, each shows as a band of its own colour, oldest on top, so none hides another. */
function bands(marks: readonly Mark[]): CSSProperties {
  const step = 100 / marks.length;
  const stops = marks.map((m, k) => `var(--hl-${m.colour}) ${(k * step).toFixed(2)}% ${((k + 1) * step).toFixed(2)}%`);
  return { backgroundImage: `linear-gradient(to bottom, ${stops.join(', ')})` };
}

export function HighlightedText({ text, from, to, marks, styles = [] }: Props): ReactNode {
  // Emphasis edges cut runs too, so each run is wholly inside or outside each emphasis.
  const edges: Mark[] = styles.flatMap((s, k) => [{ id: `style-${k}`, start: s.start, end: s.end, colour: 'yellow' as const }]);
  return chunkRange(from, to, [...marks, ...edges]).map((chunk) => {
    chunk = { ...chunk, marks: chunk.marks.filter((m) => !m.id.startsWith('style-')) };
    const content = styled(text.slice(chunk.start, chunk.end), chunk.start, chunk.end, styles);
    if (chunk.marks.length === 0) {
      return (
        <span key={chunk.start} data-start={chunk.start} data-end={chunk.end}>
          {content}
        </span>
      );
    }
    const top = chunk.marks[chunk.marks.length - 1]!;
    const overlap = chunk.marks.length > 1;
    return (
      <mark
        key={chunk.start}
        className={`hl hl-${top.colour}${overlap ? ' hl-overlap' : ''}`}
        style={overlap ? bands(chunk.marks) : undefined}
        data-start={chunk.start}
        data-end={chunk.end}
        data-annotation-ids={chunk.marks.map((m) => m.id).join(' ')}
        data-colours={overlap ? chunk.marks.map((m) => m.colour).join(' ') : undefined}
      >
        {content}
      </mark>
    );
  });
}
