import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../model/annotation';
import { describeRange } from './anchoring';
import { toW3C, toW3CAnnotation } from './export';

// The W3C Web Annotation test assertions live outside the repository (../shared), as their licence asks.
const suite = join(import.meta.dirname, '..', '..', '..', 'shared', 'w3c-annotation-tests');
const present = existsSync(join(suite, 'annotations', 'annotationMusts.test'));

interface Assertion {
  file: string;
  validate: (data: unknown) => boolean;
  mustPass: boolean;
}

function loadAssertions(testFile: string): Assertion[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const file of readdirSync(join(suite, 'definitions')).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(suite, 'definitions', file), 'utf8')));
  }
  const list = JSON.parse(readFileSync(join(suite, testFile), 'utf8')) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = JSON.parse(readFileSync(join(suite, file), 'utf8'));
    const validate = ajv.compile(schema);
    // "passAndContinue" marks an assertion whose failure the suite does not count against the document.
    return { file, validate: (data) => validate(data) as boolean, mustPass: String(schema.onUnexpectedResult).startsWith('fail') };
  });
}

const failures = (assertions: Assertion[], data: unknown) => assertions.filter((a) => a.mustPass && !a.validate(data)).map((a) => a.file);

const text = 'Its talent pool has expanded at an average annual rate exceeding 15%. "Quotes" & <brackets> stay text.';
const annotation = (extra: Partial<AnchoredAnnotation>): AnchoredAnnotation => ({
  id: crypto.randomUUID(),
  documentId: '000',
  target: describeRange(text, 4, 30),
  colour: 'green',
  tags: [],
  note: '',
  created: '2026-11-21T10:00:00.000Z',
  modified: '2026-11-21T11:30:00.000Z',
  anchor: { start: 4, end: 30, method: 'position' },
  ...extra,
});
const samples = [
  annotation({}),
  annotation({ tags: ['finance', 'talent pool'], note: 'A **Markdown** note with a [link](https://example.org).' }),
  annotation({ target: describeRange(text, 0, text.length), colour: 'purple', note: 'Whole text', creator: 'Ana' }),
];
samples.push(annotation({ replyTo: samples[1]!.id, note: 'A reply, *in Markdown*.', creator: 'Ben' }));

describe.skipIf(!present)('W3C Web Annotation conformance (../shared/w3c-annotation-tests)', () => {
  const musts = present ? loadAssertions(join('annotations', 'annotationMusts.test')) : [];
  const collectionMusts = present ? loadAssertions(join('collections', 'collectionMusts.test')) : [];
  const pageMusts = present ? loadAssertions(join('collections', 'pages', 'pageMusts.test')) : [];

  it('the harness accepts the suite’s correct samples and catches its incorrect ones', () => {
    const sample = (kind: string, name: string): unknown => {
      try {
        return JSON.parse(readFileSync(join(suite, 'samples', kind, name), 'utf8'));
      } catch {
        return undefined;
      }
    };
    expect(failures(musts, sample('correct', 'anno1.json'))).toEqual([]);
    const incorrect = readdirSync(join(suite, 'samples', 'incorrect')).filter((f) => f.startsWith('anno'));
    expect(incorrect.length).toBeGreaterThan(3);
    const caught = incorrect.filter((f) => sample('incorrect', f) === undefined || failures(musts, sample('incorrect', f)).length > 0);
    expect(caught.length).toBeGreaterThan(incorrect.length / 2);
  });

  it('every exported annotation passes every MUST assertion', () => {
    expect(musts.length).toBeGreaterThan(40);
    for (const a of samples) expect(failures(musts, toW3CAnnotation(a)), JSON.stringify(toW3CAnnotation(a))).toEqual([]);
  });

  it('a reply is an annotation whose target is the annotation it answers', () => {
    const reply = toW3CAnnotation(samples[3]!);
    expect(reply).toMatchObject({ motivation: 'replying', target: `urn:uuid:${samples[1]!.id}`, creator: { type: 'Person', name: 'Ben' }, body: { value: 'A reply, *in Markdown*.' } });
    expect(failures(musts, reply)).toEqual([]);
  });

  it('the exported collection and its page pass their MUST assertions', () => {
    const collection = JSON.parse(toW3C(samples, '2026-11-21T12:00:00.000Z', crypto.randomUUID()));
    expect(failures(collectionMusts, collection)).toEqual([]);
    expect(failures(pageMusts, { '@context': collection['@context'], ...collection.first })).toEqual([]);
    for (const item of collection.first.items) expect(failures(musts, item)).toEqual([]);
  });
});

if (!present) {
  describe('W3C Web Annotation conformance', () => {
    it.skip(`skipped: ${suite} is not here`, () => {});
  });
}
