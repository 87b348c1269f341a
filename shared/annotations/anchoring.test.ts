import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import { anchorAll, anchorTarget, describeRange } from './anchoring';

const text =
  'The event marked a new phase for the high-tech zone in leveraging tech-finance to empower the high-quality growth of sci-tech startups. ' +
  'Its talent pool has expanded at an average annual rate exceeding 15%. The zone deployed a cluster of high-tier R&D platforms, exemplified by Jinfeng Laboratory.';

const quote = 'expanded at an average annual rate exceeding 15%';
const start = text.indexOf(quote);
const target = describeRange(text, start, start + quote.length);

const annotation = (id: string, t = target): Annotation => ({
  id,
  documentId: 'x',
  target: t,
  colour: 'yellow',
  tags: [],
  note: '',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});

describe('describeRange', () => {
  it('keeps the quote, 32 characters of context each side and the position', () => {
    expect(target.quote.exact).toBe(quote);
    expect(target.quote.prefix).toBe(text.slice(start - 32, start));
    expect(target.quote.suffix).toHaveLength(32);
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });
  });
});

describe('anchorTarget', () => {
  it('uses the stored position when the text is unchanged', () => {
    expect(anchorTarget(text, target)).toEqual({ start, end: start + quote.length, method: 'position' });
  });

  it('finds the exact quote after text was inserted before it', () => {
    const edited = `A new opening sentence was added here. ${text}`;
    const anchor = anchorTarget(edited, target);
    expect(anchor?.method).toBe('exact');
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(quote);
  });

  it('finds the quote after a deletion and picks the occurrence whose context matches', () => {
    const edited = text.replace('The event marked a new phase for the high-tech zone in ', '') + ` Elsewhere, staff ${quote} too.`;
    const anchor = anchorTarget(edited, target);
    expect(anchor?.start).toBe(edited.indexOf(quote));
  });

  it('finds a quote with typos inside and around it', () => {
    const edited = text.replace('expanded at an average annual rate', 'expandd at an averge anual rate').replace('Its talent', 'Its tallent');
    const anchor = anchorTarget(edited, target);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toMatch(/^expandd at an averge anual rate exceeding 15%/);
  });

  it('leaves an annotation whose passage is gone as an orphan', () => {
    const edited = text.replace(/Its talent pool[^.]*\./, 'A sentence about something else entirely.');
    expect(anchorTarget(edited, target)).toBeNull();
  });
});

describe('anchorAll', () => {
  it('carries the shift from one annotation to the next', () => {
    const second = 'Jinfeng Laboratory';
    const s2 = text.indexOf(second);
    const edited = `Prepended paragraph.\n\n${text}`;
    const anchors = anchorAll(edited, [annotation('a'), annotation('b', describeRange(text, s2, s2 + second.length))]);
    expect(edited.slice(anchors.get('a')!.start, anchors.get('a')!.end)).toBe(quote);
    expect(anchors.get('b')).toEqual({ start: edited.indexOf(second), end: edited.indexOf(second) + second.length, method: 'exact' });
  });
});
