import { PAGE_CHARACTERS, type Document, type DocumentMeta, type DocumentPage, type Paragraph } from '../../shared/model/document';
import { blockStarts, PARAGRAPH_SEPARATOR, segmentRange, type Block } from '../../shared/text/segmentation';

export interface PageSources {
  /** An imported document's record and a reader of its stored blocks (no sentence splitting); undefined for a bundled one. */
  storedBlocks(id: string): { meta: DocumentMeta; wordCount: number; blocks: () => Promise<Block[]> } | undefined;
  /** The whole segmented document, for bundled (small) ones. */
  get(id: string): Promise<Document>;
}

interface Laid {
  meta: DocumentMeta;
  wordCount: number;
  total: number;
  textLength: number;
  starts: ArrayLike<number>;
  kinds: string;
  textOf(index: number): string;
  paragraphs(from: number, to: number): Paragraph[];
}

const LETTER: Record<Block['kind'], string> = { heading: 'h', paragraph: 'p', 'list-item': 'l', quote: 'q', meta: 'm', boilerplate: 'b' };
/** Documents whose layout is kept for paging; a few, since each holds its text. */
const KEPT = 4;
/** Contents lists longer than this are cut: no menu shows more. */
const MAX_HEADINGS = 2000;

function fromBlocks(meta: DocumentMeta, wordCount: number, all: Block[]): Laid {
  const blocks = all.filter((b) => b.text);
  const starts = blockStarts(blocks);
  let kinds = '';
  for (const b of blocks) kinds += LETTER[b.kind];
  return {
    meta,
    wordCount,
    total: blocks.length,
    textLength: Math.max(0, starts[blocks.length]! - PARAGRAPH_SEPARATOR.length),
    starts,
    kinds,
    textOf: (k) => blocks[k]!.text,
    paragraphs: (from, to) => segmentRange(blocks, starts, from, to, meta.language),
  };
}

function fromDocument(doc: Document): Laid {
  return {
    meta: doc.meta,
    wordCount: doc.wordCount,
    total: doc.paragraphs.length,
    textLength: doc.text.length,
    starts: doc.paragraphs.map((p) => p.start),
    kinds: doc.paragraphs.map((p) => LETTER[p.kind]).join(''),
    textOf: (k) => doc.text.slice(doc.paragraphs[k]!.start, doc.paragraphs[k]!.end),
    paragraphs: (from, to) => doc.paragraphs.slice(from, to),
  };
}

/**
 * Serves documents to the reader a page of paragraphs at a time. Only the requested paragraphs are
 * split into sentences, so the first page of a 40 MB book arrives without segmenting (or sending) the rest.
 */
export function createPages(sources: PageSources) {
  const kept = new Map<string, { meta?: DocumentMeta; laid: Promise<Laid> }>();

  function laid(id: string): Promise<Laid> {
    const stored = sources.storedBlocks(id);
    const known = kept.get(id);
    if (known && known.meta === stored?.meta) return known.laid;
    const fresh = stored ? stored.blocks().then((blocks) => fromBlocks(stored.meta, stored.wordCount, blocks)) : sources.get(id).then(fromDocument);
    kept.delete(id);
    kept.set(id, { ...(stored ? { meta: stored.meta } : {}), laid: fresh });
    fresh.catch(() => kept.delete(id));
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return fresh;
  }

  async function page(id: string, from: number, count: number): Promise<DocumentPage> {
    const doc = await laid(id);
    const first = Math.min(from, doc.total);
    let last = Math.min(doc.total, first + count);
    // Cut by characters too, but always serve at least one paragraph.
    while (last > first + 1 && doc.starts[last - 1]! - doc.starts[first]! > PAGE_CHARACTERS) last = first + Math.max(1, Math.floor((last - first) / 2));
    const paragraphs = doc.paragraphs(first, last);
    const texts: string[] = [];
    for (let k = first; k < last; k++) texts.push(doc.textOf(k));
    const whole = first === 0 && last === doc.total;
    const outline = first === 0 && !whole ? { kinds: doc.kinds, starts: Array.from(doc.starts as ArrayLike<number>).slice(0, doc.total) } : undefined;
    let headings: DocumentPage['headings'];
    if (outline) {
      headings = [];
      for (let k = doc.kinds.indexOf('h'); k >= 0 && headings.length < MAX_HEADINGS; k = doc.kinds.indexOf('h', k + 1)) headings.push({ index: k, text: doc.textOf(k).slice(0, 120) });
    }
    return {
      meta: doc.meta,
      wordCount: doc.wordCount,
      total: doc.total,
      textLength: doc.textLength,
      from: first,
      start: first < doc.total ? doc.starts[first]! : doc.textLength,
      text: texts.join(PARAGRAPH_SEPARATOR),
      paragraphs,
      ...(outline ? { outline, headings } : {}),
    };
  }

  return { page, forget: (id: string) => kept.delete(id) };
}
