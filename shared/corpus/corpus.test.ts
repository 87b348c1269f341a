import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../model/document';
import { filterFamilies, groupFamilies, languagesOf, sortFamilies } from './library';
import { readManifest } from './manifest';

const entry = (id: string, extra: object = {}) => ({ id, title: `Title ${id}`, language: 'en', file: `${id}.txt`, ...extra });

describe('readManifest', () => {
  it('reads valid entries', () => {
    const reading = readManifest({ version: 1, documents: [entry('a'), entry('b', { language: 'de', translationOf: 'a', date: '2025-12' })] });
    expect(reading.problems).toEqual([]);
    expect(reading.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('skips bad entries with a reason and keeps the rest', () => {
    const reading = readManifest({
      version: 1,
      documents: [entry('a'), entry('b', { file: '../../etc/passwd' }), entry('a'), entry('c', { language: 'english!' }), 'junk', entry('d', { translationOf: 'zz' })],
    });
    expect(reading.entries.map((e) => e.id)).toEqual(['a', 'd']);
    expect(reading.entries[1]!.translationOf).toBeUndefined();
    expect(reading.problems).toHaveLength(5);
    expect(reading.problems.join('\n')).toMatch(/entry 2 was skipped: file/);
    expect(reading.problems.join('\n')).toMatch(/used twice/);
    expect(reading.problems.join('\n')).toMatch(/"zz", which is not in the corpus/);
  });

  it('reports a manifest of the wrong shape', () => {
    expect(readManifest({ documents: 'x' }).problems[0]).toMatch(/malformed/);
    expect(readManifest(null).entries).toEqual([]);
  });
});

const summary = (id: string, language: string, title: string, translationOf?: string): DocumentSummary => ({
  id,
  title,
  language,
  origin: 'bundled',
  wordCount: 10,
  ...(translationOf ? { translationOf } : {}),
});

describe('library families', () => {
  const docs = [summary('000', 'en', 'Tech finance'), summary('001', 'de', 'Tech-Finanzierung in Müllheim', '000'), summary('002', 'en', 'Golden Phoenix')];

  it('groups translations under their original', () => {
    expect(groupFamilies(docs).map((f) => [f.original.id, f.translations.map((t) => t.id)])).toEqual([
      ['000', ['001']],
      ['002', []],
    ]);
  });

  it('keeps an orphaned translation as a document of its own', () => {
    expect(groupFamilies([summary('9', 'de', 'x', 'missing')]).map((f) => f.original.id)).toEqual(['9']);
  });

  it('filters by title words, ignoring case and accents, and keeps pairs whole', () => {
    const families = groupFamilies(docs);
    expect(filterFamilies(families, { query: 'MULLHEIM', language: '' }).map((f) => f.original.id)).toEqual(['000']);
    expect(filterFamilies(families, { query: 'golden phoe', language: '' }).map((f) => f.original.id)).toEqual(['002']);
    expect(filterFamilies(families, { query: '', language: 'de' }).map((f) => f.original.id)).toEqual(['000']);
    expect(filterFamilies(families, { query: 'phoenix', language: 'de' })).toEqual([]);
  });

  it('counts languages', () => {
    expect(languagesOf(docs)).toEqual([
      { language: 'en', count: 2 },
      { language: 'de', count: 1 },
    ]);
  });

  it('lists every member of a chain or group of translations under the first original, and survives a cycle', () => {
    const chain = [...docs, summary('003', 'fr', 'Tech finance (FR, from the German)', '001'), summary('004', 'it', 'Finanza', '000')];
    expect(groupFamilies(chain).map((f) => [f.original.id, f.translations.map((t) => t.id)])).toEqual([
      ['000', ['001', '003', '004']],
      ['002', []],
    ]);
    const cycle = [summary('a', 'en', 'A', 'b'), summary('b', 'de', 'B', 'a')];
    expect(groupFamilies(cycle).flatMap((f) => [f.original, ...f.translations]).map((d) => d.id).sort()).toEqual(['a', 'b']);
  });

  it('sorts titles by their first letter, whatever punctuation comes before it', () => {
    const titled = [summary('1', 'en', 'Zebra'), summary('2', 'en', '"Golden Phoenix" policies'), summary('3', 'en', 'Árvore'), summary('4', 'en', '(Annex) tables')];
    expect(sortFamilies(groupFamilies(titled), 'title').map((f) => f.original.title)).toEqual(['(Annex) tables', 'Árvore', '"Golden Phoenix" policies', 'Zebra']);
  });
});

describe('sorting the library', () => {
  const dated = (id: string, added: string, opened?: string, translationOf?: string): DocumentSummary => ({
    ...summary(id, translationOf ? 'de' : 'en', `T ${id}`, translationOf),
    added,
    ...(opened ? { reading: { opened } } : {}),
  });
  const docs = [dated('a', '2026-01-02T00:00:00.000Z'), dated('b', '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'), dated('c', '2026-01-03T00:00:00.000Z'), dated('d', '2026-01-04T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'b')];

  it('keeps the library order, and puts families newest first by their latest member', () => {
    const families = groupFamilies(docs);
    expect(sortFamilies(families, 'library').map((f) => f.original.id)).toEqual(['a', 'b', 'c']);
    expect(sortFamilies(families, 'added').map((f) => f.original.id)).toEqual(['b', 'c', 'a']);
    expect(sortFamilies(families, 'read').map((f) => f.original.id)).toEqual(['b', 'a', 'c']);
    expect(sortFamilies(families, 'language').map((f) => f.original.id)).toEqual(['a', 'b', 'c']);
  });

  it('orders times written other than as Facing writes them as the library always did', () => {
    const families = groupFamilies([dated('a', '2026-01-01T10:00:00.5Z'), dated('b', '2026-01-01T10:00:00+02:00'), dated('c', '2026-01-01T10:00:00Z'), dated('d', '')]);
    expect(sortFamilies(families, 'added').map((f) => f.original.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('grouping a list that names one id twice', () => {
  it('lists both documents', () => {
    // A bundled document and a stored record under the same id (a store edited by hand, or sent so by another computer).
    const docs = [summary('000', 'en', 'Bundled'), summary('x', 'en', 'Other'), summary('000', 'en', 'Stored')];
    const titles = groupFamilies(docs).flatMap((f) => [f.original, ...f.translations].map((d) => d.title));
    expect(titles.sort()).toEqual(['Bundled', 'Other', 'Stored']);
  });
});
