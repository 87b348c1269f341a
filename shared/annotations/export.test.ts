import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../model/annotation';
import { describeRange } from './anchoring';
import { exportAnnotations, ImportError, parseAnnotationFile, toCsv, toMarkdown, toW3CAnnotation } from './export';
import { chunkRange } from './layout';
import { deleteTag, renameTag, tagCounts } from './tags';

const text = 'CHONGQING, China, Dec. 22, 2025 -- The zone grew by 15%. "Quoted" text, with commas.';
const make = (id: string, start: number, end: number, extra: Partial<AnchoredAnnotation> = {}): AnchoredAnnotation => ({
  id,
  documentId: '000',
  target: describeRange(text, start, end),
  colour: 'yellow',
  tags: [],
  note: '',
  created: '2026-11-21T10:00:00.000Z',
  modified: '2026-11-21T10:00:00.000Z',
  anchor: { start, end, method: 'position' },
  ...extra,
});
const ids = ['0b6d2f4e-8e51-4c3c-9e53-5b0f0b7f1a01', '0b6d2f4e-8e51-4c3c-9e53-5b0f0b7f1a02', '0b6d2f4e-8e51-4c3c-9e53-5b0f0b7f1a03'];
const annotations = [
  make(ids[0]!, text.indexOf('The zone'), text.indexOf('%') + 2, { tags: ['growth', 'Numbers'], note: 'Check **15%** against the German.' }),
  make(ids[1]!, 0, 9, { colour: 'blue' }),
  make(ids[2]!, text.indexOf('"Quoted"'), text.indexOf(' text,'), { note: '=HYPERLINK("http://evil")', anchor: null }),
];
const titles = new Map([['000', { title: 'Tech finance', language: 'en' }]]);
const strip = ({ anchor: _a, ...rest }: AnchoredAnnotation) => rest;

describe('export', () => {
  it('writes Markdown per document in reading order with quote, colour, tags, note and a link back', () => {
    const md = toMarkdown(annotations, titles, '2026-11-22T00:00:00.000Z');
    expect(md).toContain('## Tech finance (EN)');
    expect(md.indexOf('> CHONGQING')).toBeLessThan(md.indexOf('> The zone grew by 15%'));
    expect(md).toContain(`Yellow · #growth #Numbers · [Open in Facing](facing://read/000?annotation=${ids[0]})`);
    expect(md).toContain('Check **15%** against the German.');
    expect(md).toContain('*This passage is no longer found in the current text.*');
  });

  it('writes CSV with quoting and defuses formula cells', () => {
    const csv = toCsv(annotations, titles);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('"id","document","title","language","colour","tags","quote","note","start","end","found","created","modified","creator","reply to"');
    expect(csv).toContain('"growth; Numbers"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('keeps document ids such as 000 as text in a spreadsheet, with the apostrophe used for formulas', () => {
    const lines = toCsv(annotations, titles).trimEnd().split('\r\n');
    expect(lines[1]!.split(',')[1]).toBe(`"'000"`);
    expect(lines[1]!.split(',').at(-7)).toBe(`"${annotations[0]!.anchor!.start}"`);
  });

  it('keeps a whitespace-only note through a W3C export and import', () => {
    const spaced = [make(ids[0]!, 0, 9, { note: '  \n ' })];
    const file = exportAnnotations('w3c', spaced, titles, '2026-11-22T00:00:00.000Z', '7d1c5c1e-4c59-4a64-8c5e-3c1f0e6b2d10');
    expect(parseAnnotationFile(file.content)).toEqual(spaced.map(strip));
  });

  it('writes W3C positions in code points and reads them back into the model', () => {
    const emoji = '👍🏽 Fine 🇩🇪 words, then "quoted words" and more.';
    const start = emoji.indexOf('quoted words');
    const a = { ...make(ids[0]!, 0, 1), target: describeRange(emoji, start, start + 12), anchor: { start, end: start + 12, method: 'position' as const } };
    const w3c = toW3CAnnotation(strip(a), emoji) as { target: { selector: Array<{ type: string; start: number; end: number }> } };
    const position = w3c.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    // A reader that counts characters as the W3C model does (code points) finds the quote.
    expect(Array.from(emoji).slice(position.start, position.end).join('')).toBe('quoted words');
    const file = exportAnnotations('w3c', [a], titles, '2026-11-22T00:00:00.000Z', '7d1c5c1e-4c59-4a64-8c5e-3c1f0e6b2d10', new Map([['000', emoji]]));
    expect(parseAnnotationFile(file.content, (id) => (id === '000' ? emoji : undefined))).toEqual([strip(a)]);
  });

  it.each(['json', 'w3c'] as const)('round-trips through %s: export, parse, identical annotations', (format) => {
    const file = exportAnnotations(format, annotations, titles, '2026-11-22T00:00:00.000Z', '7d1c5c1e-4c59-4a64-8c5e-3c1f0e6b2d10');
    expect(parseAnnotationFile(file.content)).toEqual(annotations.map(strip));
  });
});

describe('import', () => {
  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['an unknown shape', '{"foo": 1}', /neither a Facing annotation export nor W3C/],
    ['a bad entry', JSON.stringify({ format: 'facing-annotations', version: 1, annotations: [{ id: 'x' }] }), /Entry 1 is not a valid annotation \(id: .*\)\. Nothing was imported\./],
    ['a collection without items', JSON.stringify({ type: 'AnnotationCollection', first: 'https://example.org/page1' }), /no embedded first page/],
  ])('refuses %s with a clear message', (_label, content, message) => {
    expect(() => parseAnnotationFile(content)).toThrow(ImportError);
    expect(() => parseAnnotationFile(content)).toThrow(message);
  });
});

describe('tags', () => {
  const plain = annotations.map(strip);
  it('counts, renames, merges and deletes case-insensitively', () => {
    const withMore = [...plain, { ...plain[1]!, tags: ['numbers', 'Facts'] }];
    expect(tagCounts(withMore)).toEqual([
      { tag: 'Numbers', count: 2 },
      { tag: 'Facts', count: 1 },
      { tag: 'growth', count: 1 },
    ]);
    const renamed = renameTag(withMore, 'numbers', 'Figures', '2026-11-22T00:00:00.000Z');
    expect(renamed.map((a) => a.tags)).toEqual([['growth', 'Figures'], ['Figures', 'Facts']]);
    const merged = renameTag(withMore, 'growth', 'numbers', '2026-11-22T00:00:00.000Z');
    expect(merged.map((a) => a.tags)).toEqual([['numbers']]);
    expect(deleteTag(withMore, 'NUMBERS', 'now').map((a) => a.tags)).toEqual([['growth'], ['Facts']]);
  });
});

describe('chunkRange', () => {
  it('cuts overlapping highlights into runs that know every highlight covering them', () => {
    const chunks = chunkRange(0, 20, [
      { id: 'a', start: 2, end: 10, colour: 'yellow' },
      { id: 'b', start: 6, end: 14, colour: 'blue' },
    ]);
    expect(chunks.map((c) => [c.start, c.end, c.marks.map((m) => m.id).join('+')])).toEqual([
      [0, 2, ''],
      [2, 6, 'a'],
      [6, 10, 'a+b'],
      [10, 14, 'b'],
      [14, 20, ''],
    ]);
    expect(chunkRange(0, 5, [])).toEqual([{ start: 0, end: 5, marks: [] }]);
  });
});

describe('counterpartRange', async () => {
  const { counterpartRange } = await import('./counterpart');
  const spans = (list: Array<[string, number, number]>) => new Map(list.map(([id, start, end]) => [id, { id, start, end }]));
  const own = spans([['p0s0', 0, 10], ['p0s1', 11, 20], ['p1s0', 22, 30]]);
  const other = spans([['p0s0', 0, 12], ['p0s1', 13, 25], ['p0s2', 26, 40]]);
  const rows = [
    { a: ['p0s0'], b: ['p0s0'], confidence: 1, startsParagraph: true, checked: false },
    { a: ['p0s1'], b: ['p0s1', 'p0s2'], confidence: 1, startsParagraph: false, checked: false },
    { a: ['p1s0'], b: [], confidence: 1, startsParagraph: true, checked: false },
  ];
  it('covers every counterpart sentence of the rows a range touches', () => {
    expect(counterpartRange(rows, 'a', { start: 12, end: 14 }, own, other)).toEqual({ start: 13, end: 40 });
    expect(counterpartRange(rows, 'a', { start: 5, end: 15 }, own, other)).toEqual({ start: 0, end: 40 });
    expect(counterpartRange(rows, 'b', { start: 30, end: 35 }, other, own)).toEqual({ start: 11, end: 20 });
  });
  it('is null where the row has no counterpart', () => {
    expect(counterpartRange(rows, 'a', { start: 23, end: 26 }, own, other)).toBeNull();
  });
});
