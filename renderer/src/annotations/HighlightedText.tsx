import type { ReactNode } from 'react';
import { chunkRange, type Mark } from '../../../shared/annotations/layout';
import type { InlineStyle } from '../../../shared/model/document';

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
    // The most recent highlight shows its colour; a second one on top deepens it.
    const top = chunk.marks[chunk.marks.length - 1]!;
    return (
      <mark
        key={chunk.start}
        className={`hl hl-${top.colour}${chunk.marks.length > 1 ? ' hl-overlap' : ''}`}
        data-start={chunk.start}
        data-end={chunk.end}
        data-annotation-ids={chunk.marks.map((m) => m.id).join(' ')}
      >
        {content}
      </mark>
    );
  });
}
