import type { ReactNode } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import type { Document, Paragraph } from '../../../shared/model/document';
import { HighlightedText } from '../annotations/HighlightedText';

function Sentences({ doc, paragraph, marks }: { doc: Document; paragraph: Paragraph; marks: readonly Mark[] }) {
  const parts: ReactNode[] = [];
  const styles = paragraph.inline ?? [];
  paragraph.sentences.forEach((sentence, i) => {
    const previous = paragraph.sentences[i - 1];
    if (previous) parts.push(<HighlightedText key={`gap-${sentence.id}`} text={doc.text} from={previous.end} to={sentence.start} marks={marks} styles={styles} />);
    parts.push(
      <span key={sentence.id} className="sentence" data-sentence-id={sentence.id}>
        <HighlightedText text={doc.text} from={sentence.start} to={sentence.end} marks={marks} styles={styles} />
      </span>,
    );
  });
  return <>{parts}</>;
}

/** Runs of boilerplate paragraphs become one collapsed group, so site furniture stays out of the way but is not lost. */
export function groupBoilerplate(paragraphs: Paragraph[]): Array<Paragraph | Paragraph[]> {
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

/** Lines a paragraph not fetched yet is given, by its length: about 80 characters a line. */
const pendingLines = (p: Paragraph) => Math.max(1, Math.ceil((p.end - p.start) / 80));

export function Block({ doc, paragraph, marks }: { doc: Document; paragraph: Paragraph; marks: readonly Mark[] }) {
  const props = { 'data-paragraph-id': paragraph.id, className: `block block-${paragraph.kind}` };
  // A paragraph of a long document that has not arrived yet (it has a length but no sentences).
  if (paragraph.sentences.length === 0 && paragraph.end > paragraph.start) {
    return <p {...props} className={`${props.className} block-pending`} aria-busy="true" style={{ minHeight: `${pendingLines(paragraph) * 1.6}em` }} />;
  }
  const content = <Sentences doc={doc} paragraph={paragraph} marks={marks} />;
  if (paragraph.kind === 'heading') return <h2 {...props}>{content}</h2>;
  if (paragraph.kind === 'quote') return <blockquote {...props}>{content}</blockquote>;
  return <p {...props}>{content}</p>;
}


