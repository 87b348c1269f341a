import search from 'approx-string-match';
import type { Anchor, Annotation, AnnotationTarget } from '../model/annotation';

/** Characters of context kept each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** The selectors for a range of a document's text. */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** 0..1: how well `expected` matches `actual`, by edit distance. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Scores a candidate as Hypothesis does: the quote counts most, then its context, then how close it
 * lies to where the annotation used to be.
 */
function score(text: string, target: AnnotationTarget, candidate: Candidate, expectedStart: number): number {
  const { exact, prefix, suffix } = target.quote;
  const quote = 1 - candidate.errors / exact.length;
  const before = similarity(prefix, text.slice(Math.max(0, candidate.start - prefix.length - 4), candidate.start));
  const after = similarity(suffix, text.slice(candidate.end, candidate.end + suffix.length + 4));
  const closeness = 1 - Math.min(1, Math.abs(candidate.start - expectedStart) / Math.max(1, text.length));
  return (50 * quote + 20 * before + 20 * after + 2 * closeness) / 92;
}

const WINDOW = 4096;
const FAR_WINDOW = 65_536;
/** A fuzzy match needs at least this share of the quote right to count. */
const MIN_QUOTE_SIMILARITY = 0.75;

function exactCandidates(text: string, exact: string, from: number, to: number, limit: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact, from); at >= 0 && at <= to && found.length < limit; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

function best(text: string, target: AnnotationTarget, candidates: Candidate[], expectedStart: number): Candidate | null {
  let top: Candidate | null = null;
  let topScore = -1;
  for (const candidate of candidates) {
    const value = score(text, target, candidate, expectedStart);
    if (value > topScore) {
      top = candidate;
      topScore = value;
    }
  }
  return top;
}

/**
 * Finds where an annotation belongs in a document's current text (Hypothesis's strategy): its stored
 * position if the quote is still there, else the exact quote (near the expected place first, then
 * anywhere), else the best fuzzy match of quote and context. `delta` is the shift the caller found
 * for the annotations before this one, which usually holds for this one too. Null means orphan.
 */
export function anchorTarget(text: string, target: AnnotationTarget, delta = 0): Anchor | null {
  const { exact } = target.quote;
  const { start } = target.position;
  if (text.slice(start, start + exact.length) === exact) return { start, end: start + exact.length, method: 'position' };
  const expected = Math.max(0, Math.min(text.length, start + delta));
  if (delta !== 0 && text.slice(expected, expected + exact.length) === exact) return { start: expected, end: expected + exact.length, method: 'exact' };

  const near = exactCandidates(text, exact, Math.max(0, expected - WINDOW), expected + WINDOW, 50);
  const exactMatch = best(text, target, near.length ? near : exactCandidates(text, exact, 0, text.length, 500), expected);
  if (exactMatch) return { start: exactMatch.start, end: exactMatch.end, method: 'exact' };

  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const windowStart = Math.max(0, expected - WINDOW - exact.length);
  const windowed = search(text.slice(windowStart, expected + WINDOW + 2 * exact.length), exact, maxErrors).map((m) => ({
    start: m.start + windowStart,
    end: m.end + windowStart,
    errors: m.errors,
  }));
  // Further afield, a fuzzy search is costly on a long text; a passage that moved far and changed
  // too is rare, so the wide search stops at FAR_WINDOW either side.
  const wideStart = Math.max(0, expected - FAR_WINDOW);
  const wide = windowed.length
    ? windowed
    : search(text.slice(wideStart, expected + FAR_WINDOW), exact, maxErrors).map((m) => ({ start: m.start + wideStart, end: m.end + wideStart, errors: m.errors }));
  const fuzzy = best(text, target, wide, expected);
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}

/**
 * Anchors every annotation of one document, in position order, carrying the shift found so far:
 * after an insertion near the start, one search finds the shift and the rest fall into place.
 */
export function anchorAll(text: string, annotations: readonly Annotation[]): Map<string, Anchor | null> {
  const anchors = new Map<string, Anchor | null>();
  let delta = 0;
  for (const annotation of [...annotations].sort((a, b) => a.target.position.start - b.target.position.start)) {
    const anchor = anchorTarget(text, annotation.target, delta);
    if (anchor) delta = anchor.start - annotation.target.position.start;
    anchors.set(annotation.id, anchor);
  }
  return anchors;
}
