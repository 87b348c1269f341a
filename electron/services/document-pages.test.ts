import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateBook } from '../../bench/text';
import { dispatch } from '../../shared/ipc/dispatch';
import { PAGE_PARAGRAPHS, type DocumentPage } from '../../shared/model/document';
import { openCorpus } from './corpus';
import { openServices } from './handlers';
import { extractDocument } from './import/extract';
import { openLibrary } from './library';
import { createSearch } from './search';
import { openStore } from './store';
import { tempDirs } from './test-support';

vi.setConfig({ testTimeout: 60_000 });

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-pages-');
const base64 = (text: string) => Buffer.from(text).toString('base64');

async function setup() {
  const { handlers } = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 3_600_000 });
  return handlers;
}

type Handlers = Awaited<ReturnType<typeof setup>>;

/** Every page, in order, fetched the way the reader fetches them. */
async function allPages(handlers: Handlers, id: string): Promise<DocumentPage[]> {
  const pages = [await handlers['documents:blocks']({ id, from: 0, count: PAGE_PARAGRAPHS })];
  while (pages.at(-1)!.from + pages.at(-1)!.paragraphs.length < pages[0]!.total) {
    const last = pages.at(-1)!;
    pages.push(await handlers['documents:blocks']({ id, from: last.from + last.paragraphs.length, count: PAGE_PARAGRAPHS }));
  }
  return pages;
}

describe('documents in pages of paragraphs', () => {
  it('serves a short document whole in its first page, the same as documents:get', async () => {
    const handlers = await setup();
    const doc = await handlers['documents:get']({ id: '000' });
    const page = await handlers['documents:blocks']({ id: '000', from: 0, count: PAGE_PARAGRAPHS });
    expect(page).toMatchObject({ meta: doc.meta, wordCount: doc.wordCount, total: doc.paragraphs.length, textLength: doc.text.length, from: 0, start: 0, text: doc.text });
    expect(page.paragraphs).toEqual(doc.paragraphs);
    expect(page.outline).toBeUndefined();
  });

  it('serves a long book a page at a time: the first page without the rest of the text, the pages adding up to the document', async () => {
    const handlers = await setup();
    const { document } = await handlers['documents:import']({ name: 'book.txt', data: base64(`The Long Book\n\n${generateBook(3 * 1024 * 1024, 7)}`) });
    const [first, ...rest] = await allPages(handlers, document.id);
    expect(first!.total).toBeGreaterThan(PAGE_PARAGRAPHS);
    expect(first!.paragraphs.length).toBeLessThanOrEqual(PAGE_PARAGRAPHS);
    expect(first!.text.length).toBeLessThan(first!.textLength / 2);
    expect(first!.outline!.kinds).toHaveLength(first!.total);
    expect(first!.outline!.starts).toHaveLength(first!.total);
    expect(first!.headings![0]).toEqual({ index: 0, text: 'The Long Book' });
    expect(rest.every((p) => p.outline === undefined)).toBe(true);

    const doc = await handlers['documents:get']({ id: document.id });
    const pages = [first!, ...rest];
    expect(pages.flatMap((p) => p.paragraphs)).toEqual(doc.paragraphs);
    for (const page of pages) expect(page.text).toBe(doc.text.slice(page.start, page.start + page.text.length));
    expect(first!.outline!.starts).toEqual(doc.paragraphs.map((p) => p.start));
    expect(first!.wordCount).toBe(doc.wordCount);
  });

  it('refuses a page request that is not one', async () => {
    const handlers = await setup();
    expect(await dispatch(handlers, 'documents:blocks', { id: '000', from: -1, count: 10 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(handlers, 'documents:blocks', { id: '000', from: 0, count: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(handlers, 'documents:blocks', { id: 'nothing', from: 0, count: 10 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const past = await handlers['documents:blocks']({ id: '000', from: 100_000, count: 10 });
    expect(past.paragraphs).toEqual([]);
  });
});

describe('a big import leaves the host answering', () => {
  it('hands the event loop back while it reads a long text, instead of holding it for the whole file', async () => {
    const bytes = Buffer.from(generateBook(6 * 1024 * 1024, 3));
    let done = false;
    const extracting = extractDocument('big.txt', bytes).then((doc) => {
      done = true;
      return doc;
    });
    // A timer stands for another request: it runs only if the extraction lets the loop turn.
    const answeredWhileReading = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!done), 0));
    expect(answeredWhileReading).toBe(true);
    expect((await extracting).blocks.length).toBeGreaterThan(5000);
  });

  it('answers documents:list while a big text is being imported', async () => {
    const handlers = await setup();
    let imported = false;
    const importing = handlers['documents:import']({ name: 'big.txt', data: base64(generateBook(6 * 1024 * 1024, 5)) }).then(() => (imported = true));
    const listed = await new Promise<boolean>((resolve) => setTimeout(() => void handlers['documents:list']({}).then(() => resolve(!imported)), 0));
    expect(listed).toBe(true);
    await importing;
  });

  it('answers documents:list while a big import is indexed for search, before the indexing ends', async () => {
    // The services documents:import and documents:list use, with a look at the moment search has the new text.
    const dataDir = temp();
    const store = await openStore(dataDir);
    const library = openLibrary(await openCorpus(bundled), store, dataDir);
    const order: string[] = [];
    let watched = '';
    let listing: Promise<unknown> = Promise.resolve();
    const search = createSearch({
      ...library,
      // Counted on this thread, as the sides of a pair file are (an import's own counts come from its worker).
      takeWordCounts: undefined,
      async paragraphTexts(id) {
        const texts = await library.paragraphTexts(id);
        // Another request arrives just as the indexing of the big text starts.
        if (id === watched) listing = library.list().then(() => order.push('listed'));
        return texts;
      },
    });
    await search.ready();
    const { document } = await library.import('big.txt', Buffer.from(generateBook(6 * 1024 * 1024, 7)));
    watched = document.id;
    await search.refresh(document.id);
    order.push('indexed');
    await listing;
    expect(order).toEqual(['listed', 'indexed']);
    expect((await search.query('innovation', 50)).hits.map((h) => h.documentId)).toContain(document.id);
    await search.close();
    await store.close();
  });
});
