import { describe, expect, it } from 'vitest';
import type { AlignmentRow } from '../model/alignment';
import { mergeAlignments } from './three';

const row = (a: string[], b: string[], startsParagraph = false): AlignmentRow => ({ a, b, confidence: 1, startsParagraph, checked: false });
const shape = (rows: ReturnType<typeof mergeAlignments>) => rows.map((r) => `${r.original.join(',')} | ${r.first.join(',')} | ${r.second.join(',')}`);

describe('mergeAlignments', () => {
  it('keeps rows where both translations agree', () => {
    const x = [row(['o1'], ['x1'], true), row(['o2'], ['x2'])];
    const y = [row(['o1'], ['y1'], true), row(['o2'], ['y2'])];
    const merged = mergeAlignments(x, y);
    expect(shape(merged)).toEqual(['o1 | x1 | y1', 'o2 | x2 | y2']);
    expect(merged[0]!.startsParagraph).toBe(true);
  });

  it('widens a row to the span both translations agree on', () => {
    const x = [row(['o1', 'o2'], ['x1']), row(['o3'], ['x2'])];
    const y = [row(['o1'], ['y1']), row(['o2', 'o3'], ['y2', 'y3'])];
    expect(shape(mergeAlignments(x, y))).toEqual(['o1,o2,o3 | x1,x2 | y1,y2,y3']);
  });

  it('keeps untranslated original sentences and translation-only rows', () => {
    const x = [row(['o1'], ['x1']), row([], ['x-extra']), row(['o2'], [])];
    const y = [row(['o1'], ['y1']), row(['o2'], ['y2']), row([], ['y-end'])];
    expect(shape(mergeAlignments(x, y))).toEqual(['o1 | x1 | y1', ' | x-extra | ', 'o2 |  | y2', ' |  | y-end']);
  });

  it('covers every sentence of all three texts exactly once', () => {
    const x = [row([], ['x0']), row(['o1', 'o2'], ['x1']), row(['o3'], ['x2', 'x3']), row(['o4'], [])];
    const y = [row(['o1'], []), row(['o2', 'o3'], ['y1']), row([], ['y2']), row(['o4'], ['y3'])];
    const merged = mergeAlignments(x, y);
    expect(merged.flatMap((r) => r.original)).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(merged.flatMap((r) => r.first)).toEqual(['x0', 'x1', 'x2', 'x3']);
    expect(merged.flatMap((r) => r.second)).toEqual(['y1', 'y2', 'y3']);
  });
});
