import type { Document, Sentence } from '../model/document';

/** Sentence id -> sentence text, for every sentence of a document. */
export function sentenceIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const p of doc.paragraphs) for (const s of p.sentences) index.set(s.id, doc.text.slice(s.start, s.end));
  return index;
}

/** Sentence id -> its span in the document's text. */
export function sentenceSpans(doc: Document): Map<string, Sentence> {
  const spans = new Map<string, Sentence>();
  for (const p of doc.paragraphs) for (const s of p.sentences) spans.set(s.id, s);
  return spans;
}
