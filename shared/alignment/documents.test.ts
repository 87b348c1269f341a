import { describe, expect, it } from 'vitest';
import type { AlignmentRow } from '../model/alignment';
import type { Document } from '../model/document';
import { segmentText } from '../text/segmentation';
import { checkRows } from './checks';
import { AlignmentInputError, alignDocuments, alignableSentenceIds, rowsFit } from './documents';
import { canMove, canSplit, mergeWithNext, moveSentence, setChecked, splitRow } from './edits';

function doc(id: string, language: string, raw: string): Document {
  return { meta: { id, title: `Doc ${id}`, language, origin: 'bundled' }, ...segmentText(raw, language) };
}

const en = doc(
  'en',
  'en',
  [
    'The technology zone opened its new finance centre on Dec. 22, 2025, with a ceremony attended by many guests. It signed 3 agreements with 12 partners from banks, universities and young companies across the region.',
    'Its talent pool grew by 15% a year over the last five years, faster than in any other district of the city. New laboratories opened for research on materials, vehicles and integrated circuits.',
    'Source: Chongqing High-tech Industrial Development Zone',
  ].join('\n\n'),
);
const de = doc(
  'de',
  'de',
  [
    'Die Technologiezone eröffnete am 22. Dez. 2025 ihr neues Finanzzentrum mit einer Feier, an der viele Gäste teilnahmen. Sie unterzeichnete 3 Vereinbarungen mit 12 Partnern aus Banken, Universitäten und jungen Unternehmen der gesamten Region.',
    'Ihr Talentpool wuchs in den letzten fünf Jahren um 15 % pro Jahr, schneller als in jedem anderen Bezirk der Stadt. Neue Labore wurden für die Forschung an Werkstoffen, Fahrzeugen und integrierten Schaltkreisen eröffnet.',
  ].join('\n\n'),
);

describe('alignDocuments', () => {
  const rows = alignDocuments(en, de);

  it('aligns paragraphs, then sentences, and leaves the untranslated source line alone', () => {
    expect(rows.map((r) => [r.a, r.b, r.startsParagraph])).toEqual([
      [['p0s0'], ['p0s0'], true],
      [['p0s1'], ['p0s1'], false],
      [['p1s0'], ['p1s0'], true],
      [['p1s1'], ['p1s1'], false],
      [['p2s0'], [], true],
    ]);
    expect(rowsFit(rows, en, de)).toBe(true);
  });

  it('refuses empty and one-sided documents with a clear message', () => {
    const empty = doc('x', 'en', '');
    expect(() => alignDocuments(empty, empty)).toThrow(AlignmentInputError);
    expect(() => alignDocuments(en, empty)).toThrow(/"Doc x" has no text to align/);
  });
});

describe('checkRows', () => {
  it('flags only the untranslated row when numbers and lengths agree', () => {
    const flags = checkRows(alignDocuments(en, de), en, de);
    expect(flags.map((f) => [f.row, f.kind])).toEqual([[4, 'no-counterpart']]);
    expect(flags[0]!.message).toBe('Only in English: no counterpart in German.');
  });

  it('flags a number that changed in translation', () => {
    const wrong = doc('de2', 'de', de.text.replace('15 %', '51 %'));
    const flags = checkRows(alignDocuments(en, wrong), en, wrong);
    const mismatch = flags.find((f) => f.kind === 'number-mismatch');
    expect(mismatch?.row).toBe(2);
    expect(mismatch?.message).toBe('Numbers differ: 15 only in English; 51 only in German.');
  });

  it('ignores digits inside names such as A380 or COVID-19', () => {
    const a = doc('a', 'en', 'The A380 flew 12 times during COVID-19 restrictions, said the report.');
    const b = doc('b', 'de', 'Der A380 flog während der COVID-19-Beschränkungen 12 Mal, so der Bericht.');
    expect(checkRows(alignDocuments(a, b), a, b)).toEqual([]);
  });

  it('flags a row far longer than the pair usually is', () => {
    const long = doc('de3', 'de', de.text.replace('Schaltkreisen eröffnet.', `Schaltkreisen eröffnet, ${'und noch viel mehr wurde gebaut, '.repeat(5)}ganz sicher.`));
    // The same rows against a text whose last sentence grew: the sentence ids stay the same.
    const flags = checkRows(alignDocuments(en, de), en, long);
    expect(flags.some((f) => f.kind === 'length-ratio' && f.row === 3)).toBe(true);
  });
});

describe('alignment edits', () => {
  const rows: AlignmentRow[] = alignDocuments(en, de);

  it('merges, splits and moves sentences while every sentence stays covered once, in order', () => {
    const merged = mergeWithNext(rows, 0);
    expect(merged[0]).toMatchObject({ a: ['p0s0', 'p0s1'], b: ['p0s0', 'p0s1'], startsParagraph: true });
    expect(rowsFit(merged, en, de)).toBe(true);
    const split = splitRow(merged, 0);
    expect(split.slice(0, 2).map((r) => [r.a, r.b])).toEqual([
      [['p0s0'], ['p0s0']],
      [['p0s1'], ['p0s1']],
    ]);
    const moved = moveSentence(rows, 1, 'b', 'up');
    expect(moved[0]!.b).toEqual(['p0s0', 'p0s1']);
    expect(moved[1]!.b).toEqual([]);
    expect(rowsFit(moved, en, de)).toBe(true);
    const back = moveSentence(moved, 0, 'b', 'down');
    expect(back.map((r) => [r.a, r.b])).toEqual(rows.map((r) => [r.a, r.b]));
  });

  it('removes a row emptied by a move and unpairs a 1-1 row on split', () => {
    const up = moveSentence(moveSentence(rows, 1, 'a', 'up'), 1, 'b', 'up');
    expect(up).toHaveLength(rows.length - 1);
    expect(rowsFit(up, en, de)).toBe(true);
    const unpaired = splitRow(rows, 0);
    expect(unpaired.slice(0, 2).map((r) => [r.a, r.b])).toEqual([
      [['p0s0'], []],
      [[], ['p0s0']],
    ]);
  });

  it('knows which edits are possible and marks rows as checked', () => {
    expect(canMove(rows, 0, 'a', 'up')).toBe(false);
    expect(canMove(rows, 4, 'b', 'down')).toBe(false);
    expect(canSplit(rows, 4)).toBe(false);
    expect(() => mergeWithNext(rows, rows.length - 1)).toThrow(/last row/);
    expect(setChecked(rows, 2, true)[2]!.checked).toBe(true);
    expect(alignableSentenceIds(en)).toHaveLength(5);
  });
});
