import type { ReactNode } from 'react';
import type { Document, Paragraph } from '../../../shared/model/document';

function Sentences({ doc, paragraph }: { doc: Document; paragraph: Paragraph }) {
  const parts: ReactNode[] = [];
  paragraph.sentences.forEach((sentence, i) => {
    if (i > 0) parts.push(' ');
    parts.push(
      <span key={sentence.id} className="sentence" data-sentence-id={sentence.id}>
        {doc.text.slice(sentence.start, sentence.end)}
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

function Block({ doc, paragraph }: { doc: Document; paragraph: Paragraph }) {
  const props = { 'data-paragraph-id': paragraph.id, className: `block block-${paragraph.kind}` };
  if (paragraph.kind === 'heading') {
    return (
      <h2 {...props}>
        <Sentences doc={doc} paragraph={paragraph} />
      </h2>
    );
  }
  return (
    <p {...props}>
      <Sentences doc={doc} paragraph={paragraph} />
    </p>
  );
}

export function DocumentBody({ doc }: { doc: Document }) {
  return (
    <div className="document-body">
      {groupBoilerplate(doc.paragraphs).map((group) =>
        Array.isArray(group) ? (
          <details key={group[0]!.id} className="boilerplate-group">
            <summary>
              Website boilerplate hidden ({group.length} {group.length === 1 ? 'line' : 'lines'})
            </summary>
            {group.map((p) => (
              <Block key={p.id} doc={doc} paragraph={p} />
            ))}
          </details>
        ) : (
          <Block key={group.id} doc={doc} paragraph={group} />
        ),
      )}
    </div>
  );
}
