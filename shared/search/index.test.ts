import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { WordIndex, IndexFormatError } from './index';
import { countDocumentWords } from './word-counts';

function library() {
  const index = new WordIndex();
  index.add('a', 'Volunteers met in Straßburg. Herr Müller counted 1,200 people.');
  index.add('b', 'The volunteers of Köln. Nobody counted.');
  index.add('c', 'A quiet harbour with a lighthouse.');
  return index;
}
const ids = (index: WordIndex, query: string[], options?: { prefixLast?: boolean }) => index.search(query, options).map((r) => r.id).sort();

describe('the word index', () => {
  it('finds documents holding every word, German spellings either way', () => {
    const index = library();
    expect(ids(index, ['volunteers'])).toEqual(['a', 'b']);
    expect(ids(index, ['volunteers', 'counted', 'muller'])).toEqual(['a']);
    expect(ids(index, ['strassburg'])).toEqual(['a']);
    expect(ids(index, ['mueller'])).toEqual(['a']);
    expect(ids(index, ['koeln'])).toEqual(['b']);
    expect(ids(index, ['nothing'])).toEqual([]);
  });

  it('answers as a library grows and shrinks between queries', () => {
    const index = library();
    expect(ids(index, ['volunteers', 'counted'])).toEqual(['a', 'b']);
    for (let n = 0; n < 150; n++) index.add(`v${n}`, n % 2 ? 'volunteers counted' : 'volunteers only');
    index.remove('a');
    const found = index.top(['volunteers', 'counted'], 500);
    expect(found.total).toBe(76);
    expect(found.matches.map((m) => m.id)).not.toContain('a');
    expect(new Set(found.matches.map((m) => m.id)).size).toBe(76);
    expect(index.top(['volunteers'], 3).total).toBe(151);
    expect(ids(index, ['quiet', 'volunteers'])).toEqual([]);
  });

  it('forgives one typo in a long word and completes the last word', () => {
    const index = library();
    expect(ids(index, ['volunters'])).toEqual(['a', 'b']);
    expect(index.search(['volunters'])[0]!.matched[0]).toContain('volunteers');
    // Each document's own words: "b" holds "volunteers", not also what "a" holds.
    index.add('d', 'volunteer days');
    expect(index.search(['volunteers']).map((r) => [r.id, r.matched[0]])).toEqual(expect.arrayContaining([['d', ['volunteer']], ['b', ['volunteers']]]));
    expect(ids(index, ['lighth'], { prefixLast: true })).toEqual(['c']);
    expect(ids(index, ['lighth'])).toEqual([]);
    // Short words must be exact: "cat" is not "at" or "hat".
    expect(ids(index, ['quit'])).toEqual([]);
  });

  it('ranks documents where the word is frequent first', () => {
    const index = new WordIndex();
    index.add('once', 'tide and more words here to make it longer than the other one');
    index.add('often', 'tide tide tide tables');
    expect(index.search(['tide']).map((r) => r.id)).toEqual(['often', 'once']);
  });

  it('gives the best k of many documents, the same as ranking them all, and counts every match', () => {
    const index = new WordIndex();
    const words = ['tide', 'harbour', 'gull', 'rope', 'sail'];
    for (let n = 0; n < 300; n++) index.add(`d${n}`, Array.from({ length: 3 + (n % 17) }, (_, k) => words[(n * 7 + k * k) % words.length]).join(' '));
    index.remove('d5');
    const all = index.search(['tide', 'gull']);
    const { matches, total } = index.top(['tide', 'gull'], 10);
    expect(total).toBe(all.length);
    expect(total).toBeGreaterThan(10);
    expect(matches.map((m) => m.id)).toEqual(all.slice(0, 10).map((m) => m.id));
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(all.map((m) => m.id)).not.toContain('d5');
    expect(index.top(['tide', 'nothing'], 10)).toEqual({ matches: [], total: 0 });
  });

  it('forgets removed documents and can add them again', () => {
    const index = library();
    index.remove('a');
    expect(ids(index, ['volunteers'])).toEqual(['b']);
    expect(index.has('a')).toBe(false);
    index.add('a', 'Now about ferries only.');
    expect(ids(index, ['volunteers'])).toEqual(['b']);
    expect(ids(index, ['ferries'])).toEqual(['a']);
    expect(index.ids().sort()).toEqual(['a', 'b', 'c']);
  });

  it('survives a round trip through bytes, and refuses damaged or foreign bytes', () => {
    const index = library();
    index.remove('c');
    const bytes = concat([...index.serialize()]);
    const loaded = WordIndex.load(bytes);
    expect(ids(loaded, ['volunters'])).toEqual(['a', 'b']);
    expect(ids(loaded, ['lighthouse'])).toEqual([]);
    expect(loaded.ids().sort()).toEqual(['a', 'b']);
    loaded.add('d', 'volunteers again');
    expect(ids(loaded, ['volunteers'])).toEqual(['a', 'b', 'd']);
    expect(() => WordIndex.load(bytes.subarray(0, bytes.length - 3))).toThrow(IndexFormatError);
    expect(() => WordIndex.load(Uint8Array.from('{"hello": 1}', (c) => c.charCodeAt(0)))).toThrow(IndexFormatError);
    const other = bytes.slice();
    other[4] = 99;
    expect(() => WordIndex.load(other)).toThrow(IndexFormatError);
  });
});

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.length));
  return out;
}

describe('the index bytes', () => {
  it('keep words in any script', () => {
    const index = new WordIndex();
    index.add('x', 'Grüße aus Straßburg, 重庆 und Αθήνα');
    const loaded = WordIndex.load(Uint8Array.from([...index.serialize()].flatMap((c) => [...c])));
    expect(loaded.search(['重庆']).map((r) => r.id)).toEqual(['x']);
    expect(loaded.search(['grusse', 'αθηνα']).map((r) => r.id)).toEqual(['x']);
  });
});

describe('Chinese and Japanese, written without spaces', () => {
  const cjk = () => {
    const index = new WordIndex();
    index.add('zh', '我们需要翻译这本书的第一章，然后出版。');
    index.add('ja', '東京都に住んでいる翻訳者です。カレーが好きです。');
    index.add('en', 'A translator lives in Tokyo.');
    return index;
  };

  it('finds a word in the middle of a sentence, a single character, and a run across two words', () => {
    const index = cjk();
    expect(ids(index, ['翻译'])).toEqual(['zh']);
    expect(ids(index, ['一章'])).toEqual(['zh']);
    expect(ids(index, ['书'])).toEqual(['zh']);
    expect(ids(index, ['翻訳'])).toEqual(['ja']);
    expect(ids(index, ['東京'])).toEqual(['ja']);
    expect(ids(index, ['カレー'])).toEqual(['ja']);
    // Terms come folded (see foldTerm): Japanese voicing marks are folded away like accents.
    expect(ids(index, [fold('住んで')])).toEqual(['ja']);
    expect(ids(index, ['翻訳', 'カレー'])).toEqual(['ja']);
    expect(ids(index, ['翻'])).toEqual(['ja', 'zh']);
    expect(ids(index, ['翻译者'])).toEqual([]);
    expect(index.search(['这本书'], { prefixLast: true })[0]!.matched).toEqual([['这本书']]);
  });

  it('splits a word where it changes between spaced and unspaced script, in a query too', () => {
    const index = new WordIndex();
    index.add('m', '新的iPhone手机很贵');
    expect(ids(index, ['iphone'])).toEqual(['m']);
    expect(ids(index, ['手机'])).toEqual(['m']);
    expect(ids(index, ['iphone手机'])).toEqual(['m']);
    expect(index.search(['iphone手机'])[0]!.matched).toEqual([['iphone', '手机']]);
  });

  it('reads an index saved before Chinese and Japanese were split, dropping only the documents to index again', () => {
    const index = cjk();
    const bytes = concat([...index.serialize()]);
    const loaded = WordIndex.load(versionOne({ zh: ['我们需要翻译这本书的第一章', '然后出版'], en: ['a', 'translator', 'lives', 'in', 'tokyo'] }));
    expect(loaded.ids()).toEqual(['en']);
    expect(ids(loaded, ['translator'])).toEqual(['en']);
    loaded.add('zh', '我们需要翻译这本书的第一章，然后出版。');
    expect(ids(loaded, ['翻译'])).toEqual(['zh']);
    expect(loaded.outdated).toBe(true);
    const saved = WordIndex.load(concat([...loaded.serialize()]));
    expect(saved.outdated).toBe(false);
    expect(ids(saved, ['翻译'])).toEqual(['zh']);
    expect(ids(saved, ['translater'])).toEqual(['en']);
    expect(ids(saved, ['transl'], { prefixLast: true })).toEqual(['en']);
    expect(ids(WordIndex.load(bytes), ['翻译'])).toEqual(['zh']);
  });
});

/** A file as version 1 wrote it (whole unspaced runs as words): lead, ASCII JSON header, each word's postings (gap, count). */
function versionOne(docs: Record<string, string[]>): Uint8Array {
  const ids = Object.keys(docs);
  const terms = [...new Set(Object.values(docs).flat())];
  const postings = terms.map((term) => ids.flatMap((id, n) => (docs[id]!.includes(term) ? [n] : [])));
  const bytes = postings.map((list) => list.flatMap((doc, k) => [doc - (k === 0 ? -1 : list[k - 1]!), 1]));
  const json = JSON.stringify({
    docs: ids,
    lengths: ids.map((id) => docs[id]!.length),
    terms,
    used: bytes.map((b) => b.length),
    counts: postings.map((list) => list.length),
    last: postings.map((list) => list[list.length - 1]!),
  }).replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lead = [0x46, 0x49, 0x44, 0x58, 1, json.length & 0xff, (json.length >> 8) & 0xff, 0, 0];
  return Uint8Array.from([...lead, ...[...json].map((c) => c.charCodeAt(0)), ...bytes.flat()]);
}

describe('saving the index a block at a time', () => {
  it('writes the index as it was when asked, whatever is added or removed while the blocks are read', () => {
    const words = (n: number) => Array.from({ length: 400 }, (_, k) => `w${(n * 31 + k * 7) % 997}`).join(' ');
    const index = new WordIndex();
    for (let n = 0; n < 300; n++) index.add(`d${n}`, words(n));
    const reloaded = WordIndex.load(concat([...index.serialize()]));
    reloaded.add('late', 'w1 w2 lighthouse');
    const expected = concat([...reloaded.serialize()]);
    const chunks = reloaded.serialize(1024)[Symbol.iterator]();
    const got: Uint8Array[] = [];
    let step = chunks.next();
    for (let n = 300; !step.done; n++) {
      got.push(step.value.slice());
      // Meanwhile: new documents grow many words' postings (copied out of the loaded block), one goes.
      if (n % 10 === 0) for (let k = 0; k < 5; k++) reloaded.add(`e${n}-${k}`, words(n + k));
      reloaded.remove('d7');
      step = chunks.next();
    }
    expect(got.length).toBeGreaterThan(50);
    expect(Buffer.from(concat(got)).equals(Buffer.from(expected))).toBe(true);
    expect(ids(WordIndex.load(concat(got)), ['lighthouse'])).toEqual(['late']);
  });
});

describe('the vocabulary', () => {
  it('keeps no document alive: a long word first met in a document is kept as a string of its own, not a view of its text', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const index = new WordIndex();
    gc();
    const before = process.memoryUsage().heapUsed;
    // 400 documents of 40,000 characters, each with a long word of its own, added both ways (counted here and packed by a worker).
    for (let n = 0; n < 400; n++) {
      const text = `${Array.from({ length: 6000 }, (_, k) => `w${k % 3000}`).join(' ')} Donaudampfschifffahrtsgesellschaft${n}`;
      if (n % 2) index.add(`d${n}`, text);
      else index.addPacked(`d${n}`, countDocumentWords([{ kind: 'paragraph', text }]));
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1048576;
    expect(index.documentFrequency('donaudampfschifffahrtsgesellschaft399')).toBe(1);
    expect(index.documentFrequency('donaudampfschifffahrtsgesellschaft398')).toBe(1);
    // The texts were 16 MB (more as packed lists and lowercased copies): the index itself is about 2 MB.
    expect(grown).toBeLessThan(4);
  });
});
