import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '../../../shared/annotations/anchoring';
import type { Annotation } from '../../../shared/model/annotation';
import { AnnotationIndex } from './by-document';
import { byStoredStart, createAnchoring, withAnchor } from './anchored';

const unique = 'A lighthouse keeper counted every ship by lamplight.';
const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about the harbour and its ${i % 7} cranes.${i === 12 ? ` ${unique}` : ''}`).join(' ');

let n = 0;
const annotation = (documentId: string, source: string, start: number, end: number): Annotation => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  documentId,
  target: describeRange(source, start, end),
  colour: 'yellow',
  tags: [],
  note: '',
  created: '2026-03-01T08:00:00.000Z',
  modified: '2026-03-01T08:00:00.000Z',
});

describe('anchoring a document\'s annotations', () => {
  it('copies every field of an annotation beside its anchor', () => {
    const full: Required<Annotation> = { ...annotation('d', text, 5, 20), tags: ['t'], note: 'n', documentTitle: 'A title', creator: 'Ada', replyTo: '00000000-0000-4000-8000-000000000001' };
    const anchor = { start: 5, end: 20, method: 'position' as const };
    expect(withAnchor(full, anchor)).toStrictEqual({ ...full, anchor });
    const { documentTitle: _t, creator: _c, replyTo: _r, ...plain } = full;
    expect(withAnchor(plain, null)).toStrictEqual({ ...plain, anchor: null });
  });

  it('orders by stored position, ties in the order given', () => {
    const list = [annotation('d', text, 300, 310), annotation('d', text, 7, 9), annotation('d', text, 300, 320), annotation('d', text, 0, 4)];
    expect(byStoredStart(list).map((a) => list.indexOf(a))).toEqual([3, 1, 0, 2]);
    expect(byStoredStart([])).toEqual([]);
  });

  it('finds what anchorAll finds on an edited text, kept, moved and gone, and lists it in position order', async () => {
    const starts = Array.from({ length: 60 }, (_, i) => (i * 577) % (text.length - 40));
    const list = starts.map((start, i) => annotation('d', text, start, start + 12 + (i % 20)));
    const gone = annotation('d', text, text.indexOf(unique), text.indexOf(unique) + unique.length);
    list.push(gone);
    const edited = text.replace(` ${unique}`, '').replace('number 3 ', 'number three ').replace('Sentence number 30', 'A line was added here. Sentence number 30');
    const expected = anchorAll(edited, list);
    expect(new Set([...expected.values()].map((a) => a?.method ?? 'orphan'))).toEqual(new Set(['position', 'exact', 'fuzzy', 'orphan']));
    const index = AnnotationIndex.of(list);
    const { ofDocument, anchored } = createAnchoring(index, async (id) => (id === 'd' ? edited : null));
    const listed = await ofDocument('d');
    expect(listed).toHaveLength(list.length);
    for (const a of listed) expect(a.anchor).toEqual(expected.get(a.id));
    const startsListed = listed.map((a) => a.anchor?.start ?? a.target.position.start);
    expect(startsListed).toEqual([...startsListed].sort((x, y) => x - y));
    const one = await anchored([list[5]!, gone]);
    expect(one.map((a) => [a.id, a.anchor])).toEqual([list[5]!, gone].map((a) => [a.id, expected.get(a.id)]));
    expect((await anchored([annotation('missing', text, 0, 5)]))[0]!.anchor).toBeNull();
  });

  it('anchors an annotation the same whether it is asked for alone or with its whole document, and in either order', async () => {
    // Repeated sentences: where the quote is found again depends on the shift of the annotations before it.
    const periodic = Array.from({ length: 30 }, () => 'The beta gamma sentence. ').join('');
    const list = Array.from({ length: 12 }, (_, i) => annotation('p', periodic, 25 * i * 2 + 4, 25 * i * 2 + 14));
    const edited = `Preface: ${periodic.slice(0, 300)}Inserted. ${periodic.slice(300)}`;
    const expected = anchorAll(edited, list);
    for (const a of list) {
      const { ofDocument, anchored } = createAnchoring(AnnotationIndex.of(list), async () => edited);
      expect((await anchored([a]))[0]!.anchor).toEqual(expected.get(a.id));
      for (const listed of await ofDocument('p')) expect(listed.anchor).toEqual(expected.get(listed.id));
    }
  });
});

describe('anchoring the annotations of many documents', () => {
  it('reads each document once, one at a time (see anchored), and keeps the order given', async () => {
    const ids = Array.from({ length: 12 }, (_, k) => `doc-${k}`);
    const list = ids.flatMap((id, k) => [annotation(id, text, 10 + k, 30 + k), annotation(id, text, 200, 240)]).reverse();
    let inFlight = 0;
    let most = 0;
    const reads: string[] = [];
    const { anchored } = createAnchoring(AnnotationIndex.of(list), async (id) => {
      reads.push(id);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return id === 'doc-3' ? null : text;
    });
    const result = await anchored(list);
    expect(result.map((a) => a.id)).toEqual(list.map((a) => a.id));
    expect(result.filter((a) => !a.anchor).map((a) => a.documentId)).toEqual(['doc-3', 'doc-3']);
    expect(reads.sort()).toEqual([...ids].sort());
    expect(most).toBe(1);
  });

  it('reads again only the documents whose annotations were not all found in place, or whose text changed', async () => {
    const moved = annotation('doc-2', `Preface. ${text}`, 9, 40);
    const list = [annotation('doc-0', text, 0, 20), annotation('doc-1', text, 5, 25), annotation('doc-1', text, 50, 70), moved];
    const reads: string[] = [];
    let textOfDoc1 = text;
    const { anchored, textChanged } = createAnchoring(AnnotationIndex.of(list), async (id) => {
      reads.push(id);
      return id === 'doc-1' ? textOfDoc1 : text;
    });
    const first = await anchored(list);
    expect(reads.sort()).toEqual(['doc-0', 'doc-1', 'doc-2']);
    expect(first.map((a) => a.anchor?.method)).toEqual(['position', 'position', 'position', 'exact']);
    reads.length = 0;
    const again = await anchored(list);
    expect(again).toEqual(first);
    // doc-2's annotation was found elsewhere than stored: its text is read each time.
    expect(reads).toEqual(['doc-2']);
    reads.length = 0;
    const edited = { ...list[0]!, note: 'edited' };
    await anchored([edited, list[1]!]);
    expect(reads).toEqual(['doc-0']);
    reads.length = 0;
    // Its record changed or went: the text is read again, and what it says now counts.
    textOfDoc1 = `Changed. ${text}`;
    textChanged('doc-1');
    const changed = await anchored([list[1]!, list[2]!]);
    expect(reads).toEqual(['doc-1']);
    expect(changed.map((a) => a.anchor?.method)).toEqual(['exact', 'exact']);
  });

  it('fails as the first failing read does, leaving no read unhandled', async () => {
    const list = ['a', 'b', 'c', 'd'].map((id) => annotation(id, text, 0, 10));
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const { anchored } = createAnchoring(AnnotationIndex.of(list), async (id) => {
        if (id !== 'a') throw new Error(`disk error reading ${id}`);
        return text;
      });
      await expect(anchored(list)).rejects.toThrow('disk error reading b');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});
