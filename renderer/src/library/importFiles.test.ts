import { describe, expect, it, vi } from 'vitest';
import { FacingError } from '../../../shared/ipc/errors';
import type { DocumentSummary } from '../../../shared/model/document';

const calls: Array<{ name: string; finish: () => void; fail: (message: string) => void }> = [];
vi.mock('../api', () => ({
  api: {
    invoke: (_channel: string, { name }: { name: string }) =>
      new Promise((resolve, reject) =>
        calls.push({
          name,
          finish: () => resolve({ document: { id: `id-${name}`, title: name }, suggestions: [] }),
          fail: (message) => reject(new FacingError('invalid-request', message)),
        }),
      ),
  },
}));
vi.mock('./importPair', () => ({ isPairFile: () => false, importPairFile: vi.fn() }));

const { importFiles, IMPORTS_AT_ONCE, originalsFirst } = await import('./importFiles');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const file = (name: string) => new File([`text of ${name}`], name, { type: 'text/plain' });

describe('importing dropped files', () => {
  it('sends a few at a time, reports each in the order dropped, and a refused file stops none of the others', async () => {
    calls.length = 0;
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'].map(file);
    const seen: Array<[number, number, string]> = [];
    const running = importFiles(files, (done, total, current) => seen.push([done, total, current]));
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['a.txt', 'b.txt', 'c.txt'].slice(0, IMPORTS_AT_ONCE));
    // The second answers first: the next file starts, the first is still the one named.
    calls[1]!.fail('b.txt: not a text file');
    await settle();
    expect(calls.map((c) => c.name)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(seen.at(-1)).toEqual([1, 5, 'a.txt']);
    calls[0]!.finish();
    await settle();
    expect(seen.at(-1)).toEqual([2, 5, 'c.txt']);
    for (const k of [2, 3]) calls[k]!.finish();
    await settle();
    calls[4]!.finish();
    const reports = await running;
    expect(reports.map((r) => [r.name, r.document?.id ?? r.error])).toEqual([
      ['a.txt', 'id-a.txt'],
      ['b.txt', 'b.txt: not a text file'],
      ['c.txt', 'id-c.txt'],
      ['d.txt', 'id-d.txt'],
      ['e.txt', 'id-e.txt'],
    ]);
    expect(seen.at(-1)).toEqual([5, 5, '']);
    expect(Math.max(...seen.map(([done]) => done))).toBe(5);
  });

  it('moves the bar as each file finishes, also when the last ones finish together', async () => {
    calls.length = 0;
    const files = ['a.txt', 'b.txt', 'c.txt'].map(file);
    const seen: number[] = [];
    const running = importFiles(files, (done) => seen.push(done));
    await settle();
    calls[2]!.finish();
    await settle();
    expect(seen.at(-1)).toBe(1);
    calls[0]!.finish();
    await settle();
    expect(seen.at(-1)).toBe(2);
    calls[1]!.finish();
    await running;
    expect(seen.at(-1)).toBe(3);
  });

  it('offers the file dropped later as the translation of the one dropped first, whichever finished first', () => {
    const doc = (id: string, title: string, language: string) => ({ id, title, language }) as DocumentSummary;
    const english = doc('en-1', 'The Harbour', 'en');
    const german = doc('de-1', 'Der Hafen', 'de');
    const other = { id: 'x-1', title: 'Older', language: 'fr', score: 0.4, reasons: ['r'] };
    const reports = originalsFirst([
      { name: 'harbour.txt', document: english, suggestions: [{ id: 'de-1', title: 'Der Hafen', language: 'de', score: 0.9, reasons: ['same 3 paragraphs'] }, other] },
      { name: 'hafen.txt', document: german, suggestions: [] },
    ]);
    expect(reports[0]!.suggestions).toEqual([other]);
    expect(reports[1]!.suggestions).toEqual([{ id: 'en-1', title: 'The Harbour', language: 'en', score: 0.9, reasons: ['same 3 paragraphs'] }]);
    const inOrder = [{ name: 'hafen.txt', document: german, suggestions: [{ id: 'en-1', title: 'The Harbour', language: 'en', score: 0.9, reasons: [] }] }];
    expect(originalsFirst(inOrder)).toEqual(inOrder);
  });
});
