import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import { AnnotationIndex } from './by-document';

const a = (id: string, documentId: string, note = ''): Annotation =>
  ({ id, documentId, note, tags: [], colour: 'yellow', created: '', modified: '', target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } } }) as Annotation;
const ids = (list: Annotation[]) => list.map((x) => x.id).sort();

describe('the annotation index', () => {
  it('answers by id and by document from what the start grouped, and follows every change', () => {
    const index = AnnotationIndex.of([a('1', 'd1'), a('2', 'd1'), a('3', 'd2')]);
    expect(ids(index.ofDocument('d1'))).toEqual(['1', '2']);
    expect(index.get('3')?.documentId).toBe('d2');
    expect(ids(index.values())).toEqual(['1', '2', '3']);

    const copy = index.ofDocument('d1');
    copy.pop();
    expect(index.ofDocument('d1')).toHaveLength(2);

    index.set(a('2', 'd1', 'edited'));
    expect(index.ofDocument('d1').find((x) => x.id === '2')?.note).toBe('edited');
    index.set(a('1', 'd2'));
    expect(ids(index.ofDocument('d1'))).toEqual(['2']);
    expect(ids(index.ofDocument('d2'))).toEqual(['1', '3']);
    index.set(a('4', 'd3'));
    expect(index.delete('2')?.note).toBe('edited');
    expect(index.ofDocument('d1')).toEqual([]);
    expect(index.delete('2')).toBeUndefined();
    expect(index.get('2')).toBeUndefined();
    expect(ids(index.values())).toEqual(['1', '3', '4']);
  });
});
