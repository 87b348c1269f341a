import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import { describeRange } from './anchoring';
import { exportAnnotations, ImportError, readAnnotationFile, toMarkdown } from './export';
import { byPerson, isMine, mayEdit, peopleOf, repliesTo, threads } from './people';

const text = 'The zone grew by 15% in a year, and its talent pool grew faster still.';
let n = 0;
const make = (extra: Partial<Annotation> = {}): Annotation => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  documentId: '000',
  target: describeRange(text, 4, 8),
  colour: 'yellow',
  tags: [],
  note: '',
  created: `2026-11-21T10:00:${String(n).padStart(2, '0')}.000Z`,
  modified: `2026-11-21T10:00:${String(n).padStart(2, '0')}.000Z`,
  ...extra,
});

describe('people', () => {
  const mine = make();
  const ana = make({ creator: 'Ana' });
  const me = make({ creator: 'Kim' });
  const ben = make({ creator: 'Ben' });
  const ana2 = make({ creator: 'Ana' });

  it('an annotation is mine without a creator or under the name I sync under', () => {
    expect(isMine(mine, 'Kim')).toBe(true);
    expect(isMine(me, 'Kim')).toBe(true);
    expect(isMine(me, ' Kim ')).toBe(true);
    expect(isMine(ana, 'Kim')).toBe(false);
    expect(isMine(me, '')).toBe(false);
  });

  it('others’ annotations are editable only with the setting on', () => {
    expect(mayEdit(ana, 'Kim', false)).toBe(false);
    expect(mayEdit(ana, 'Kim', true)).toBe(true);
    expect(mayEdit(me, 'Kim', false)).toBe(true);
  });

  it('lists the people with annotations, me first, then by name, and filters by them', () => {
    const list = [ben, ana, mine, me, ana2];
    const people = peopleOf(list, 'Kim');
    expect(people).toEqual([
      { name: '', mine: true, count: 2 },
      { name: 'Ana', mine: false, count: 2 },
      { name: 'Ben', mine: false, count: 1 },
    ]);
    expect(list.filter((a) => byPerson(a, people[0]!, 'Kim'))).toEqual([mine, me]);
    expect(list.filter((a) => byPerson(a, people[1]!, 'Kim'))).toEqual([ana, ana2]);
    expect(list.filter((a) => byPerson(a, null, 'Kim'))).toEqual(list);
    expect(peopleOf([ana], 'Kim')).toEqual([{ name: 'Ana', mine: false, count: 1 }]);
  });
});

describe('threads', () => {
  it('puts replies under their annotation, oldest first, and keeps replies whose annotation is gone', () => {
    const root = make({ creator: 'Ana', note: 'Really?' });
    const other = make();
    const late = make({ replyTo: root.id, creator: 'Kim', note: 'Second' });
    const early = make({ replyTo: root.id, creator: 'Ben', note: 'First', created: '2026-11-21T09:00:00.000Z' });
    const orphan = make({ replyTo: '00000000-0000-4000-8000-999999999999', note: 'Lost' });
    const list = [late, other, orphan, root, early];
    expect(threads(list).map((t) => [t.root?.id ?? null, t.id, t.replies.map((r) => r.note)])).toEqual([
      [other.id, other.id, []],
      [null, orphan.replyTo, ['Lost']],
      [root.id, root.id, ['First', 'Second']],
    ]);
    expect(repliesTo(list, root.id).map((r) => r.note)).toEqual(['First', 'Second']);
  });
});

describe('replies in exports', () => {
  const root = make({ creator: 'Ana', note: 'Is this right?', tags: ['check'], colour: 'green', target: describeRange(text, text.indexOf('talent pool'), text.indexOf('talent pool') + 11) });
  const reply = make({ replyTo: root.id, creator: 'Ben', note: 'Yes, see the *annex*.', target: root.target, colour: root.colour });
  const anchored = [root, reply].map((a) => ({ ...a, anchor: { start: a.target.position.start, end: a.target.position.end, method: 'position' as const } }));

  it('Markdown shows a reply under its annotation, not as a highlight of its own', () => {
    const md = toMarkdown(anchored, new Map([['000', { title: 'Zone', language: 'en' }]]), '2026-11-22T00:00:00.000Z');
    expect(md.match(/> talent pool/g)).toHaveLength(1);
    expect(md).toContain('Green · #check · by Ana');
    expect(md.indexOf('**Reply from Ben**')).toBeGreaterThan(md.indexOf('Is this right?'));
    expect(md).toContain('Yes, see the *annex*.');
  });

  it('a W3C export with replies reads back as the same annotations', () => {
    const file = exportAnnotations('w3c', anchored, new Map(), '2026-11-22T00:00:00.000Z', '00000000-0000-4000-8000-000000000000', new Map([['000', text]]));
    const items = JSON.parse(file.content).first.items;
    expect(items[1]).toMatchObject({ motivation: 'replying', target: `urn:uuid:${root.id}` });
    const back = readAnnotationFile(file.content).map((e) => e.annotation);
    expect(back).toEqual([root, reply]);
  });

  it('a W3C reply alone takes its annotation from the store, and is refused when that is unknown', () => {
    const file = exportAnnotations('w3c', anchored.slice(1), new Map(), '2026-11-22T00:00:00.000Z', '00000000-0000-4000-8000-000000000000');
    expect(readAnnotationFile(file.content, (id) => (id === root.id ? root : undefined)).map((e) => e.annotation)).toEqual([reply]);
    expect(() => readAnnotationFile(file.content)).toThrow(ImportError);
    expect(() => readAnnotationFile(file.content)).toThrow(/replies to an annotation that is neither in this file nor here/);
  });

  it('Facing JSON keeps replyTo', () => {
    const file = exportAnnotations('json', anchored, new Map(), '2026-11-22T00:00:00.000Z', 'x');
    expect(readAnnotationFile(file.content).map((e) => e.annotation)).toEqual([root, reply]);
  });
});
