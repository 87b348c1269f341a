import { describe, expect, it } from 'vitest';
import { AnnotationSchema, type Annotation } from '../../../shared/model/annotation';
import { CHECKED_FIELDS, isStoredAnnotation, readStoredAnnotation } from './stored';

const id = '0b7c6f9e-3c1d-4a5b-9e8f-1a2b3c4d5e6f';
const valid: Annotation = {
  id,
  documentId: 'doc_1-a',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'angel funds', prefix: 'the ', suffix: ' and' },
    position: { type: 'TextPositionSelector', start: 10, end: 21 },
  },
  colour: 'yellow',
  tags: ['finance', 'Zweig stelle'],
  note: 'A note.',
  created: '2026-03-01T08:00:00.000Z',
  modified: '2026-03-01T09:30:00.123Z',
};

type Patch = (a: Record<string, any>) => void;
const variants: Array<[string, Patch]> = [
  ['as it is', () => {}],
  ['with every optional field', (a) => Object.assign(a, { documentTitle: 'A title', creator: 'Ada', replyTo: 'ffffffff-ffff-ffff-ffff-ffffffffffff' })],
  ['an id that is not a UUID', (a) => (a.id = 'not-a-uuid')],
  ['an id of another key', (a) => (a.id = '1b7c6f9e-3c1d-4a5b-9e8f-1a2b3c4d5e6f')],
  ['a UUID of version 9', (a) => (a.id = '0b7c6f9e-3c1d-9a5b-9e8f-1a2b3c4d5e6f')],
  ['no documentId', (a) => delete a.documentId],
  ['a documentId that is a path', (a) => (a.documentId = '../etc')],
  ['a documentId of 65 characters', (a) => (a.documentId = 'd'.repeat(65))],
  ['a colour not offered', (a) => (a.colour = 'red')],
  ['tags that are a string', (a) => (a.tags = 'finance')],
  ['a tag with spaces around', (a) => (a.tags = [' finance'])],
  ['a tag with a doubled space', (a) => (a.tags = ['two  words'])],
  ['a tag with a tab', (a) => (a.tags = ['two\twords'])],
  ['an empty tag', (a) => (a.tags = [''])],
  ['a tag of 65 characters', (a) => (a.tags = ['t'.repeat(65)])],
  ['the same tag twice in other case', (a) => (a.tags = ['Finance', 'finance'])],
  ['51 tags', (a) => (a.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))],
  ['a tag that is a number', (a) => (a.tags = [7])],
  ['a note that is not text', (a) => (a.note = { text: 'x' })],
  ['a note too long', (a) => (a.note = 'n'.repeat(100_001))],
  ['a created date without seconds', (a) => (a.created = '2026-03-01T08:00Z')],
  ['a created date of 30 February', (a) => (a.created = '2026-02-30T08:00:00.000Z')],
  ['a modified date with an offset', (a) => (a.modified = '2026-03-01T09:30:00+01:00')],
  ['a modified date that is a number', (a) => (a.modified = 1772355600000)],
  ['an unknown field', (a) => (a.extra = true)],
  ['a __proto__ field', (a) => Object.defineProperty(a, '__proto__', { value: {}, enumerable: true })],
  ['a title too long', (a) => (a.documentTitle = 't'.repeat(501))],
  ['a creator that is null', (a) => (a.creator = null)],
  ['a replyTo that is not a UUID', (a) => (a.replyTo = 'x')],
  ['a target that is an array', (a) => (a.target = [])],
  ['a quote of another type', (a) => (a.target.quote.type = 'TextPositionSelector')],
  ['an empty quote', (a) => (a.target.quote.exact = '')],
  ['a prefix too long', (a) => (a.target.quote.prefix = 'p'.repeat(201))],
  ['a quote with an extra field', (a) => (a.target.quote.extra = 1)],
  ['a position that ends where it starts', (a) => (a.target.position.end = 10)],
  ['a negative position', (a) => (a.target.position.start = -1)],
  ['a fractional position', (a) => (a.target.position.end = 21.5)],
  ['a position past safe integers', (a) => (a.target.position.end = 2 ** 60)],
  ['a position as text', (a) => (a.target.position.start = '10')],
  ['no position', (a) => delete a.target.position],
  ['an empty object', (a) => Object.keys(a).forEach((k) => delete a[k])],
];

const make = (patch: Patch) => {
  const a = structuredClone(valid) as Record<string, any>;
  patch(a);
  return a;
};

describe('stored annotations at start', () => {
  it('knows every field of the schema', () => {
    expect([...CHECKED_FIELDS].sort()).toEqual(Object.keys(AnnotationSchema.shape).sort());
  });

  it.each(variants)('accepts without the schema only what the schema accepts unchanged: %s', (_label, patch) => {
    const raw = make(patch);
    const parsed = AnnotationSchema.safeParse(raw);
    if (isStoredAnnotation(id, raw)) {
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(raw);
    }
    const read = readStoredAnnotation(id, raw);
    if (parsed.success && parsed.data.id === id) expect(read).toEqual(parsed.data);
    else expect(read).toBeNull();
  });

  it('takes what Facing writes as it is, and normalises what it does not', () => {
    expect(isStoredAnnotation(id, valid)).toBe(true);
    expect(isStoredAnnotation(id, make(variants[1]![1]))).toBe(true);
    expect(readStoredAnnotation(id, valid)).toBe(valid);
    const untidy = { ...valid, tags: ['  finance ', 'Finance'], extra: 1 };
    expect(isStoredAnnotation(id, untidy)).toBe(false);
    expect(readStoredAnnotation(id, untidy)).toEqual({ ...valid, tags: ['finance'] });
    expect(readStoredAnnotation(id, null)).toBeNull();
    expect(readStoredAnnotation(id, [valid])).toBeNull();
  });
});
