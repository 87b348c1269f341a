import { describe, expect, it } from 'vitest';
import { WordIndex, IndexFormatError } from './index';

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
