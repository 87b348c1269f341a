import type { ReactNode } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import type { Document, Sentence } from '../../../shared/model/document';
import { HighlightedText } from '../annotations/HighlightedText';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

export interface CellSide {
  doc: Document;
  spans: Map<string, Sentence>;
  marks: readonly Mark[];
}

interface CellProps {
  column: 'left' | 'right';
  ids: readonly string[];
  side: CellSide;
  linked: boolean;
  /** Set when the other side of this row is annotated and this one is not: "annotated in English". */
  annotatedIn?: string;
}

/** One side of an aligned row: its sentences with their highlights, or a placeholder when it has none. */
export function Cell({ column, ids, side, linked, annotatedIn }: CellProps) {
  const language = side.doc.meta.language;
  const marker = annotatedIn ? (
    <span className="cross-marker" title={t('cell.annotatedTitle', { language: annotatedIn })}>
      {t('cell.annotatedIn', { language: annotatedIn })}
    </span>
  ) : null;
  if (ids.length === 0) {
    return (
      <div className={`pcell pcell-empty${linked ? ' is-linked' : ''}`} data-column={column} lang={language} data-testid="no-counterpart">
        {t('cell.noCounterpart', { language: languageName(language) })}
        {marker}
      </div>
    );
  }
  const parts: ReactNode[] = [];
  ids.forEach((id, k) => {
    const sentence = side.spans.get(id);
    if (!sentence) return;
    const previous = k > 0 ? side.spans.get(ids[k - 1]!) : undefined;
    // Between neighbours in the text, show (and allow highlighting) the real gap; across paragraphs, a space.
    if (previous) parts.push(sentence.start - previous.end <= 3 ? <HighlightedText key={`gap-${id}`} text={side.doc.text} from={previous.end} to={sentence.start} marks={side.marks} /> : ' ');
    parts.push(
      <span key={id} className="sentence" data-sentence-id={id}>
        <HighlightedText text={side.doc.text} from={sentence.start} to={sentence.end} marks={side.marks} />
      </span>,
    );
  });
  return (
    <div className={`pcell${linked ? ' is-linked' : ''}`} data-column={column} lang={language} data-document-id={side.doc.meta.id}>
      {parts}
      {marker}
    </div>
  );
}

/** Whether any highlight touches these sentences. */
export function isAnnotated(ids: readonly string[], side: CellSide): boolean {
  return ids.some((id) => {
    const s = side.spans.get(id);
    return !!s && side.marks.some((m) => m.start < s.end && m.end > s.start);
  });
}
