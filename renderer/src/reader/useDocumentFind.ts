import { useCallback } from 'react';
import type { Document } from '../../../shared/model/document';
import type { ReaderBodyHandle } from './ReaderBody';
import { findAll, paintMatches, revealRange, type TextMatch } from './find';

const paint = (matches: TextMatch[], current: number) => paintMatches([{ selector: '.document-body [data-start]', matches, current }]);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Find in the reader: matches in what the reader leaves out (folded boilerplate, the repeated title) do not count; the current one is scrolled clear of the find bar. */
export function useDocumentFind(doc: Document, body: { current: ReaderBodyHandle | null }) {
  const search = useCallback(
    (query: string): TextMatch[] => {
      const matches = findAll(doc.text, query);
      const hidden = doc.paragraphs.filter((_, index) => body.current?.leftOut(index));
      return matches.filter((m) => !hidden.some((p) => m.start < p.end && m.end > p.start));
    },
    [doc, body],
  );
  const show = useCallback(
    async (matches: TextMatch[], current: number) => {
      const match = matches[current]!;
      const index = doc.paragraphs.findIndex((p) => p.end >= match.start);
      // Rendered first (a long book is virtualised), then placed by the match itself, not its paragraph.
      if (!body.current?.shownBlock(index)) await body.current?.scrollToParagraph(index);
      await nextFrame();
      const range = paint(matches, current);
      if (range) revealRange(range);
    },
    [doc, body],
  );
  return { search, show, paint };
}
