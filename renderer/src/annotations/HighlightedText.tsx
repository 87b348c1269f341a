import type { ReactNode } from 'react';
import { chunkRange, type Mark } from '../../../shared/annotations/layout';

/**
 * A span of document text with its highlights. Each run carries its offsets (data-start/data-end),
 * which is how selections are mapped back onto the text.
 */
export function HighlightedText({ text, from, to, marks }: { text: string; from: number; to: number; marks: readonly Mark[] }): ReactNode {
  return chunkRange(from, to, marks).map((chunk) => {
    const content = text.slice(chunk.start, chunk.end);
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
