import type { ReactNode } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import type { Document, Paragraph } from '../../../shared/model/document';
import { HighlightedText } from '../annotations/HighlightedText';

function Sentences({ doc, paragraph, marks }: { doc: Document; paragraph: Paragraph; marks: readonly Mark[] }) {
  const parts: ReactNode[] = [];
  paragraph.sentences.forEach((sentence, i) => {
    const previous = paragraph.sentences[i - 1];
    if (previous) parts.push(<HighlightedText key={`gap-${sentence.id}`} text={doc.text} from={previous.end} to={sentence.start} marks={marks} />);
    parts.push(
      <span key={sentence.id} className="sentence" data-sentence-id={sentence.id}>
        <HighlightedText text={doc.text} from={sentence.start} to={sentence.end} marks={marks} />
      </span>,
    );
  });
  return <>{parts}</>;
}

/** Runs of boilerplate paragraphs become one collapsed group, so site furniture stays out of the way but is not lost. */
function groupBoilerplate(paragraphs: Paragraph[]): Array<Paragraph | Paragraph[]> {
  const groups: Array<Paragraph | Paragraph[]> = [];
  for (const p of paragraphs) {
    const last = groups[groups.length - 1];
    if (p.kind === 'boilerplate') {
      if (Array.isArray(last)) last.push(p);
      else groups.push([p]);
    } else groups.push(p);
  }
  return groups;
}

function Block({ doc, paragraph, marks }: { doc: Document; paragraph: Paragraph; marks: readonly Mark[] }) {
  const props = { 'data-paragraph-id': paragraph.id, className: `block block-${paragraph.kind}` };
  const content = <Sentences doc={doc} paragraph={paragraph} marks={marks} />;
  return paragraph.kind === 'heading' ? <h2 {...props}>{content}</h2> : <p {...props}>{content}</p>;
}

export function DocumentBody({ doc, marks }: { doc: Document; marks: readonly Mark[] }) {
  return (
    <div className="document-body" data-document-id={doc.meta.id}>
      {groupBoilerplate(doc.paragraphs).map((group) =>
        Array.isArray(group) ? (
          <details key={group[0]!.id} className="boilerplate-group">
            <summary>
              Website boilerplate hidden ({group.length} {group.length === 1 ? 'line' : 'lines'})
            </summary>
            {group.map((p) => (
              <Block key={p.id} doc={doc} paragraph={p} marks={marks} />
            ))}
          </details>
        ) : (
          <Block key={group.id} doc={doc} paragraph={group} marks={marks} />
        ),
      )}
    </div>
  );
}
