import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FacingError } from '../../../shared/ipc/errors';
import { PAGE_PARAGRAPHS, type BlockKind, type Document, type DocumentPage, type Paragraph } from '../../../shared/model/document';
import { api } from '../api';
import type { Loading } from '../components/useLoad';

const KIND: Record<string, BlockKind> = { h: 'heading', p: 'paragraph', l: 'list-item', q: 'quote', m: 'meta', b: 'boilerplate' };
/** The most a request asks for when the whole text is wanted (the server still cuts pages by size). */
const WHOLE = 20_000;

export interface Paging {
  /** Fetches the paragraphs from..to (inclusive) that are not here yet. */
  ensure(from: number, to: number): void;
  /** Fetches everything not here yet: for find and other whole-document uses. */
  loadAll(): void;
}

/**
 * A paragraph not fetched yet: its place, length and kind are known from the outline, its text not.
 * It has no sentences, which no fetched paragraph with text lacks (see `isPending`).
 */
function placeholder(index: number, start: number, end: number, kind: BlockKind): Paragraph {
  return { id: `p${index}`, kind, start, end, sentences: [] };
}

export const isPending = (p: Paragraph) => p.sentences.length === 0 && p.end > p.start;

/** The first page's text, then spaces, with the headings in their places (so the contents can be listed). */
function outlineText(first: DocumentPage): string {
  const parts = [first.text];
  let at = first.text.length;
  for (const { index, text } of first.headings ?? []) {
    const start = first.outline!.starts[index]!;
    if (start < at) continue;
    parts.push(' '.repeat(start - at), text);
    at = start + text.length;
  }
  parts.push(' '.repeat(Math.max(0, first.textLength - at)));
  return parts.join('');
}

interface Held {
  doc: Document;
  loaded: Uint8Array;
  asked: Set<number>;
}

/**
 * Opens a document the way the reader needs it: a short one whole in one answer, as before; a long
 * one as its first page plus an outline of the rest, whose paragraphs arrive as they are scrolled to.
 * Until then `doc.text` holds spaces where the missing text goes, so every offset keeps its meaning.
 */
export function usePagedDocument(id: string): { loading: Loading<Document>; paging: Paging } {
  const [loading, setLoading] = useState<Loading<Document>>({ state: 'loading' });
  const held = useRef<Held | null>(null);
  const generation = useRef(0);

  const apply = useCallback((page: DocumentPage, mine: number) => {
    const current = held.current;
    if (!current || generation.current !== mine) return;
    const { doc, loaded } = current;
    const paragraphs = doc.paragraphs.slice();
    page.paragraphs.forEach((p, k) => {
      paragraphs[page.from + k] = p;
      loaded[page.from + k] = 1;
    });
    const text = doc.text.slice(0, page.start) + page.text + doc.text.slice(page.start + page.text.length);
    current.doc = { ...doc, text, paragraphs };
    setLoading({ state: 'ready', value: current.doc });
  }, []);

  const fetchFrom = useCallback(
    async (from: number, count: number) => {
      const current = held.current;
      if (!current || current.asked.has(from)) return;
      const mine = generation.current;
      current.asked.add(from);
      try {
        apply(await api.invoke('documents:blocks', { id: current.doc.meta.id, from, count }), mine);
      } catch {
        // A page that failed is asked for again the next time it is needed.
      } finally {
        current.asked.delete(from);
      }
    },
    [apply],
  );

  useEffect(() => {
    const mine = ++generation.current;
    held.current = null;
    setLoading({ state: 'loading' });
    api.invoke('documents:blocks', { id, from: 0, count: PAGE_PARAGRAPHS }).then(
      (first) => {
        if (generation.current !== mine) return;
        const loaded = new Uint8Array(first.total);
        loaded.fill(1, 0, first.paragraphs.length);
        let doc: Document;
        if (!first.outline) {
          doc = { meta: first.meta, text: first.text, paragraphs: first.paragraphs, wordCount: first.wordCount };
        } else {
          const { kinds, starts } = first.outline;
          const paragraphs = first.paragraphs.slice();
          for (let k = first.paragraphs.length; k < first.total; k++) {
            const end = k + 1 < first.total ? starts[k + 1]! - 2 : first.textLength;
            paragraphs.push(placeholder(k, starts[k]!, end, KIND[kinds[k]!] ?? 'paragraph'));
          }
          doc = { meta: first.meta, text: outlineText(first), paragraphs, wordCount: first.wordCount };
        }
        held.current = { doc, loaded, asked: new Set() };
        setLoading({ state: 'ready', value: doc });
      },
      (error: unknown) => generation.current === mine && setLoading({ state: 'failed', error: error instanceof FacingError ? error : new FacingError('internal', String(error)) }),
    );
  }, [id]);

  const ensure = useCallback(
    (from: number, to: number) => {
      const current = held.current;
      if (!current) return;
      const last = Math.min(to, current.loaded.length - 1);
      for (let k = Math.max(0, from); k <= last; k++) {
        if (current.loaded[k]) continue;
        void fetchFrom(k, PAGE_PARAGRAPHS);
        k += PAGE_PARAGRAPHS - 1;
      }
    },
    [fetchFrom],
  );

  const loadAll = useCallback(() => {
    const mine = generation.current;
    void (async () => {
      for (;;) {
        const current = held.current;
        if (!current || generation.current !== mine) return;
        const next = current.loaded.indexOf(0);
        if (next < 0) return;
        if (current.asked.has(next)) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        await fetchFrom(next, WHOLE);
        // A page that could not be fetched ends the walk; the reader still has what arrived.
        if (!held.current?.loaded[next]) return;
      }
    })();
  }, [fetchFrom]);

  const paging = useMemo(() => ({ ensure, loadAll }), [ensure, loadAll]);
  return { loading, paging };
}
