import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from './corpus';
import { openLibrary, type LibraryService } from './library';
import { createSearch } from './search';
import { INDEX_FILE } from './search/index-file';
import { openStore } from './store';
import { tempDirs } from './test-support';
import { generateProse } from '../../bench/text';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-search-');

/** The real library, counting how often search reads a document's text. */
async function open(dataDir: string) {
  const store = await openStore(dataDir);
  const real = openLibrary(await openCorpus(bundled), store, dataDir);
  const reads: string[] = [];
  const library: LibraryService = { ...real, paragraphTexts: (id) => (reads.push(id), real.paragraphTexts(id)) };
  const search = createSearch(library, { dataDir, saveAfterMs: 10 });
  return {
    library,
    search,
    reads,
    async importText(name: string, text: string) {
      const { document } = await real.import(name, Buffer.from(text));
      await search.refresh(document.id);
      return document.id;
    },
    async close() {
      await search.close();
      await store.close();
    },
  };
}

const words = async (search: ReturnType<typeof createSearch>, query: string) =>
  (await search.query(query)).hits.map((h) => h.parts.filter((p) => p.hit).map((p) => p.text).join(' '));

describe('search', () => {
  it('folds German and French letters, and umlauts written with an e', async () => {
    const app = await open(temp());
    await app.importText('orte.txt', 'Wir fuhren nach Straßburg.\n\nHerr Müller wohnt in Köln.\n\nUne œuvre de cœur.');
    expect(await words(app.search, 'strassburg')).toEqual(['Straßburg']);
    expect(await words(app.search, 'Muller')).toEqual(['Müller']);
    expect((await app.search.query('Mueller koeln')).hits).toHaveLength(1);
    expect(await words(app.search, 'coeur')).toEqual(['cœur']);
    await app.close();
  });

  it('forgives a typo in a long word, and marks the word it found', async () => {
    const app = await open(temp());
    await app.importText('club.txt', 'The club thanks its volunteers.\n\nNothing else here.');
    expect(await words(app.search, 'volunters')).toEqual(['volunteers']);
    expect(await words(app.search, 'volunt')).toEqual(['volunteers']);
    expect((await app.search.query('clab')).hits).toEqual([]);
    await app.close();
  });

  it('finds a document holding the words in different paragraphs, after those with a paragraph holding them all', async () => {
    const app = await open(temp());
    const apart = await app.importText('apart.txt', 'Harbour notes.\n\nThe lighthouse keeper wrote letters.\n\nNothing about boats here.\n\nFerries crossed at dawn.');
    const together = await app.importText('together.txt', 'Coast guide.\n\nFrom the lighthouse we watched the ferries.');
    const { hits, total, documents } = await app.search.query('lighthouse ferries');
    expect(documents).toBe(2);
    expect(hits.map((h) => [h.documentId, h.paragraph, h.partial ?? false])).toEqual([
      [together, 1, false],
      [apart, 1, true],
      [apart, 3, true],
    ]);
    expect(hits.map((h) => h.parts.filter((p) => p.hit).map((p) => p.text))).toEqual([['lighthouse', 'ferries'], ['lighthouse'], ['Ferries']]);
    expect(total).toBe(3);
    // A phrase is still held by one paragraph or not at all.
    expect((await app.search.query('"keeper wrote" ferries')).hits.map((h) => [h.documentId, h.paragraph])).toEqual([
      [apart, 1],
      [apart, 3],
    ]);
    expect((await app.search.query('"lighthouse ferries"')).hits).toEqual([]);
    await app.close();
  });

  it('finds Chinese and Japanese words in the middle of a sentence', async () => {
    const app = await open(temp());
    const zh = await app.importText('zh.txt', '我们需要翻译这本书的第一章，然后把它出版。\n\n这一章很长。');
    const ja = await app.importText('ja.txt', '東京都に住んでいる翻訳者です。\n\n毎日カレーを食べています。');
    expect((await app.search.query('翻译')).hits.map((h) => [h.documentId, h.paragraph])).toEqual([[zh, 0]]);
    expect(await words(app.search, '翻译')).toEqual(['翻译']);
    expect(await words(app.search, '翻訳')).toEqual(['翻訳']);
    expect((await app.search.query('カレー')).hits.map((h) => [h.documentId, h.paragraph])).toEqual([[ja, 1]]);
    expect((await app.search.query('一章')).hits.map((h) => h.paragraph)).toEqual([0, 1]);
    expect((await app.search.query('翻')).documents).toBe(2);
    await app.close();
  });

  it('reads only a page of the best documents, and says there is more', async () => {
    const app = await open(temp());
    for (const n of [1, 2, 3]) await app.importText(`ferry-${n}.txt`, `Ferry log ${n}.\n\n${'The ferries ran. '.repeat(n)}`);
    app.reads.length = 0;
    const first = await app.search.query('ferries', 2);
    expect(first).toMatchObject({ documents: 3, more: true });
    expect(first.hits).toHaveLength(1);
    expect(app.reads).toHaveLength(1);
    const all = await app.search.query('ferries', 9);
    expect(all).toMatchObject({ documents: 3, more: false, total: 3 });
    expect(all.hits).toHaveLength(3);
    // "Show more" reads only the documents the last answer did not.
    expect(app.reads).toHaveLength(3);
    expect(new Set(app.reads).size).toBe(3);
    await app.close();
  });

  it('keeps its index in the data folder and loads it instead of reading every document again', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const id = await first.importText('zebra.txt', 'Zebras graze quietly.');
    expect((await first.search.query('zebras')).total).toBe(1);
    await first.close();
    expect(existsSync(join(dataDir, INDEX_FILE))).toBe(true);

    const second = await open(dataDir);
    expect((await second.search.query('zebras')).hits.map((h) => h.documentId)).toEqual([id]);
    // Only the one document with a hit was read (to show its passage), not the library.
    expect(second.reads).toEqual([id]);
    await second.close();
  }, 30_000);

  it('indexes an import from the counts its worker made exactly as it indexes the document read and counted here', async () => {
    const dataDir = temp();
    const texts: Array<[string, string]> = [
      ['umlaute.txt', 'Müller und Mueller grüßen die Straße.\n\nÆsop, cœur, Łódź, 2024 und 3,5 Prozent.'],
      ['mixed.txt', '我们在重庆签署了协议。iPhone手机 and カタカナ text.\n\nSubscribe to Quokkanews\n\nThe end of the story.'],
      ['prose.txt', generateProse(60_000, 11)],
      ['more.txt', generateProse(30_000, 12)],
    ];
    const first = await open(dataDir);
    const ids: string[] = [];
    for (const [name, text] of texts) ids.push(await first.importText(name, text));
    // Not one of the imports was read back for indexing: their counts came from the import worker.
    expect(first.reads.filter((id) => ids.includes(id))).toEqual([]);
    const queries = ['mueller', 'strasse', 'lodz', '重庆', 'iphone', '手机', 'quokkanews', 'the', 'end', generateProse(60, 11).split(' ')[2]!];
    const answers = async (search: ReturnType<typeof createSearch>) => Promise.all(queries.map(async (q) => (await search.query(q)).hits.map((h) => [h.documentId, h.score, h.paragraph])));
    const fromWorker = await answers(first.search);
    expect(fromWorker[0]!.length).toBeGreaterThan(0);
    expect(fromWorker[6]).toEqual([]);
    await first.close();
    const counted = readFileSync(join(dataDir, INDEX_FILE));

    // The same library indexed again at start, every document read and counted on this thread.
    rmSync(join(dataDir, INDEX_FILE));
    const second = await open(dataDir);
    expect(await answers(second.search)).toEqual(fromWorker);
    expect(second.reads).toEqual(expect.arrayContaining(ids));
    await second.close();
    expect(Buffer.compare(readFileSync(join(dataDir, INDEX_FILE)), counted)).toBe(0);
  }, 30_000);

  it('rebuilds a damaged index, and catches up with imports and removals it missed', async () => {
    const dataDir = temp();
    const first = await open(dataDir);
    const kept = await first.importText('zebra.txt', 'Zebras graze quietly.');
    const gone = await first.importText('okapi.txt', 'Okapis hide in the forest.');
    await first.close();

    // A removal and an import the index never saw (a crash before it was saved).
    const offline = await open(dataDir);
    await offline.library.remove(gone);
    const late = (await offline.library.import('giraffe.txt', Buffer.from('Giraffes browse the treetops.'))).document.id;
    await offline.close();
    const third = await open(dataDir);
    expect((await third.search.query('okapis')).total).toBe(0);
    expect((await third.search.query('giraffes')).hits.map((h) => h.documentId)).toEqual([late]);
    await third.close();

    writeFileSync(join(dataDir, INDEX_FILE), 'FIDX garbage');
    const fourth = await open(dataDir);
    expect((await fourth.search.query('zebras')).hits.map((h) => h.documentId)).toEqual([kept]);
    expect((await fourth.search.query('chongqing')).documents).toBeGreaterThan(3);
    await fourth.close();
  }, 30_000);
});
