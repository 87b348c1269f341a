import { AnchorTable, extractAnchors, sortIds, type Anchor } from './anchors';

/** A bead takes `a` consecutive segments on one side and `b` on the other; `prior` is its probability. */
export interface BeadType {
  a: number;
  b: number;
  prior: number;
}

/**
 * Sentence-level beads. Priors were set on the align-gold development set (German-French) and kept
 * where F1 is flat around them rather than at a single best point; runs of untranslated sentences are
 * handled as affine gaps, not by these priors alone.
 */
export const sentenceBeads: BeadType[] = [
  { a: 1, b: 1, prior: 0.85 },
  { a: 1, b: 0, prior: 0.01 },
  { a: 0, b: 1, prior: 0.01 },
  { a: 2, b: 1, prior: 0.1 },
  { a: 1, b: 2, prior: 0.1 },
  { a: 2, b: 2, prior: 0.015 },
  // A tenth of its cheapest split (2-1 then 1-2, 0.01): nearer to it, 3-3 swallows such pairs.
  { a: 3, b: 3, prior: 0.001 },
  { a: 1, b: 3, prior: 0.01 },
  { a: 3, b: 1, prior: 0.01 },
  { a: 2, b: 3, prior: 0.003 },
  { a: 3, b: 2, prior: 0.003 },
  { a: 1, b: 4, prior: 0.003 },
  { a: 4, b: 1, prior: 0.003 },
];

/** Paragraph-level beads: as above, and 1-3/3-1 for paragraphs a translator merged or split. */
export const paragraphBeads: BeadType[] = [
  { a: 1, b: 1, prior: 0.86 },
  { a: 1, b: 0, prior: 0.01 },
  { a: 0, b: 1, prior: 0.01 },
  { a: 2, b: 1, prior: 0.045 },
  { a: 1, b: 2, prior: 0.045 },
  { a: 2, b: 2, prior: 0.01 },
  { a: 1, b: 3, prior: 0.01 },
  { a: 3, b: 1, prior: 0.01 },
];

/** Anchors already interned: ids in `table`, in any order. */
export interface InternedAnchors {
  table: AnchorTable;
  ids: ArrayLike<number>;
}

/**
 * What the aligner knows of a segment: its text, and its anchors if the caller already has them,
 * as strings or (cheaper to compare, and what dictionary evidence comes as) interned.
 */
export interface Segment {
  text: string;
  anchors?: readonly string[];
  interned?: InternedAnchors;
}

/** A segment's anchors spelt out: as interned, as given, or as `extractAnchors` finds them. */
export function anchorNames(segment: Segment): Anchor[] {
  if (segment.interned) return Array.from(segment.interned.ids, (id) => segment.interned!.table.names[id]!);
  return segment.anchors ? [...segment.anchors] : extractAnchors(segment.text);
}

/** One aligned row: indices into each side (either may be empty) and how sure the aligner is. */
export interface Bead {
  a: number[];
  b: number[];
  /** 0..1: how much better this bead scored than the alternatives at the same place. */
  confidence: number;
}

export interface AlignOptions {
  beads?: BeadType[];
  /** Half-width of the search band around the diagonal, in segments; it widens until the path stays inside. */
  initialBand?: number;
  weights?: Partial<AnchorWeights>;
}

export interface AnchorWeights {
  number: number;
  word: number;
  punctuation: number;
  /** A word and its translation from a bilingual lexicon (anchors that start with "~"). */
  dictionary: number;
  /** Gale-Church variance of the length difference per character. */
  variance: number;
  /** Cost of each further segment in a run of untranslated segments. */
  gapExtend: number;
  /** Extra cost to open such a run, beyond the 1-0/0-1 prior. */
  gapOpenExtra: number;
}

export const defaultWeights: AnchorWeights = { number: 3, word: 1.2, punctuation: 0.6, dictionary: 0.5, variance: 6.8, gapExtend: 1.5, gapOpenExtra: 2 };

export interface AlignStats {
  /** The band half-width the final pass used. */
  band: number;
  passes: number;
  cells: number;
}

const LN2 = Math.log(2);

/** log(2 * (1 - Phi(x))) for x >= 0, without underflow far into the tail. */
export function logTwoSidedTail(x: number): number {
  if (x < 5) {
    // Abramowitz & Stegun 26.2.17, accurate to 7.5e-8.
    const t = 1 / (1 + 0.2316419 * x);
    const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
    return Math.log(Math.max(2 * tail, 1e-300));
  }
  // Mills ratio asymptotic: 1 - Phi(x) ~ phi(x) / x * (1 - 1/x^2 + 3/x^4).
  return LN2 - (x * x) / 2 - Math.log(x) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / (x * x) + 3 / x ** 4);
}

const TAIL_STEP = 0.01;
const TAIL_TABLE = Float64Array.from({ length: 4001 }, (_, k) => -logTwoSidedTail(k * TAIL_STEP));

/** -log P(|delta| or more), from a table (the DP asks millions of times), exact beyond it. */
function lengthCost(x: number): number {
  const position = x / TAIL_STEP;
  const k = Math.floor(position);
  if (k >= TAIL_TABLE.length - 1) return -logTwoSidedTail(x);
  const low = TAIL_TABLE[k]!;
  return low + (TAIL_TABLE[k + 1]! - low) * (position - k);
}

/** Characters that are not white space (what `\s` matches), counted without building a string. */
function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
    if (!space) count++;
  }
  return count;
}

/** Each segment's anchor ids, sorted, in one array: segment k's are `ids[start[k]]` up to `ids[start[k + 1]]`. */
export interface AnchorLists {
  ids: Int32Array;
  readonly start: Int32Array;
}

interface Prepared extends AnchorLists {
  readonly lengths: Float64Array;
  readonly prefix: Float64Array;
}

/** A segment's anchor ids in `table`: as interned there, or interned now (text's into `scratch`). */
function idsIn(segment: Segment, table: AnchorTable, scratch: number[]): ArrayLike<number> {
  const interned = segment.interned;
  if (interned?.table === table) return interned.ids;
  if (interned) return Array.from(interned.ids, (id) => table.id(interned.table.names[id]!));
  if (segment.anchors) return segment.anchors.map((anchor) => table.id(anchor));
  scratch.length = 0;
  return table.textIds(segment.text, scratch);
}

function anchorLists(segments: readonly Segment[], table: AnchorTable): AnchorLists {
  const start = new Int32Array(segments.length + 1);
  let expected = 64;
  for (const segment of segments) expected += segment.interned?.table === table ? segment.interned.ids.length : 16;
  let ids = new Int32Array(expected);
  const scratch: number[] = [];
  segments.forEach((segment, k) => {
    const list = idsIn(segment, table, scratch);
    const at = start[k]!;
    if (at + list.length > ids.length) {
      const grown = new Int32Array(Math.max(2 * ids.length, at + list.length));
      grown.set(ids);
      ids = grown;
    }
    ids.set(list, at);
    start[k + 1] = at + list.length;
  });
  return { ids, start };
}

/** Both sides' lengths and anchors, numbered densely for this alignment; `names` gives each number's anchor. */
function prepare(sideA: readonly Segment[], sideB: readonly Segment[]): { a: Prepared; b: Prepared; names: Anchor[] } {
  const table = (sideA.find((s) => s.interned) ?? sideB.find((s) => s.interned))?.interned?.table ?? new AnchorTable();
  const lists = [anchorLists(sideA, table), anchorLists(sideB, table)];
  const total = lists[0]!.start[sideA.length]! + lists[1]!.start[sideB.length]!;
  // A table made for this alignment is numbered densely already; a book's, shared by many small ones, is renumbered.
  const numbering = table.names.length <= 2 * total + 1024 ? undefined : table.localNumbering();
  const [a, b] = [sideA, sideB].map((segments, side): Prepared => {
    const { ids, start } = lists[side]!;
    const lengths = new Float64Array(segments.length);
    const prefix = new Float64Array(segments.length + 1);
    for (let k = 0; k < segments.length; k++) {
      lengths[k] = Math.max(1, visibleLength(segments[k]!.text));
      prefix[k + 1] = prefix[k]! + lengths[k]!;
      numbering?.renumber(ids, start[k]!, start[k + 1]!);
      sortIds(ids, start[k]!, start[k + 1]!);
    }
    return { lengths, prefix, ids, start };
  });
  return { a: a!, b: b!, names: numbering?.names ?? table.names };
}

/** Weight of each anchor id: its kind's weight, scaled down for anchors found in many segments. */
function anchorWeights(names: readonly Anchor[], a: Prepared, b: Prepared, weights: AnchorWeights): Float64Array {
  const size = names.length;
  const df = new Float64Array(size);
  const seenIn = new Int32Array(size).fill(-1);
  let segment = 0;
  for (const { ids, start } of [a, b]) {
    for (let k = 0; k + 1 < start.length; k++) {
      for (let x = start[k]!; x < start[k + 1]!; x++) {
        const id = ids[x]!;
        if (seenIn[id] !== segment) {
          seenIn[id] = segment;
          df[id]! += 1;
        }
      }
      segment++;
    }
  }
  const logTotal = Math.log(segment + 1);
  const out = new Float64Array(size);
  for (let id = 0; id < size; id++) {
    const name = names[id]!;
    const first = name.charCodeAt(0);
    const base = first === 35 /* # */ ? weights.number : first === 126 /* ~ */ ? weights.dictionary : name.length === 1 ? weights.punctuation : weights.word;
    const idf = Math.log((segment + 1) / (df[id]! + 0.5)) / logTotal;
    out[id] = base * Math.max(0.05, idf);
  }
  return out;
}

/**
 * Drops anchors that occur on one side only: they can never match, and without them the DP's bound
 * on what anchors can still contribute is tight and its intersections short.
 */
function keepSharedAnchors(a: Prepared, b: Prepared, size: number): void {
  const seen = (side: Prepared) => {
    const present = new Uint8Array(size);
    for (let x = 0; x < side.start[side.start.length - 1]!; x++) present[side.ids[x]!] = 1;
    return present;
  };
  const inA = seen(a);
  const inB = seen(b);
  const keep = ({ ids, start }: Prepared, other: Uint8Array) => {
    let kept = 0;
    let from = start[0]!;
    for (let k = 0; k + 1 < start.length; k++) {
      const to = start[k + 1]!;
      start[k] = kept;
      for (let x = from; x < to; x++) if (other[ids[x]!] === 1) ids[kept++] = ids[x]!;
      from = to;
    }
    start[start.length - 1] = kept;
  };
  keep(a, inB);
  keep(b, inA);
}

/** Weighted size of the multiset intersection of two sorted runs of ids, `x[i..iEnd)` and `y[j..jEnd)`. */
function sharedWeight(x: Int32Array, i: number, iEnd: number, y: Int32Array, j: number, jEnd: number, weight: Float64Array): number {
  let sum = 0;
  while (i < iEnd && j < jEnd) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      sum += weight[p]!;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return sum;
}

/**
 * A banded matrix: row i holds columns lo[i]..hi[i] around a guide path, so memory and time grow
 * with n * band rather than n * m. A row spans its neighbours' centres too, so that a long run of
 * skipped segments (a vertical jump in the guide) stays inside the band.
 */
class Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly offset: Int32Array;
  readonly size: number;

  constructor(centres: Float64Array, cols: number, half: number, margin = 0) {
    const rows = centres.length - 1;
    this.lo = new Int32Array(rows + 1);
    this.hi = new Int32Array(rows + 1);
    this.offset = new Int32Array(rows + 2);
    for (let i = 0; i <= rows; i++) {
      const before = centres[Math.max(0, i - 1)]!;
      const after = centres[Math.min(rows, i + 1)]!;
      const low = Math.min(before, centres[i]!, after);
      const high = Math.max(before, centres[i]!, after);
      this.lo[i] = Math.max(0, Math.floor(low) - half - margin);
      this.hi[i] = Math.min(cols, Math.ceil(high) + half + margin);
      this.offset[i + 1] = this.offset[i]! + (this.hi[i]! - this.lo[i]! + 1);
    }
    this.size = this.offset[rows + 1]!;
  }
}

/**
 * The anchors of `lists` that some segment of `other` in reach carries: segment k may share a bead
 * only with those from `first[k]` to `last[k]` (both never decreasing with k; an empty range where
 * last < first). `counts` (zeros, one per anchor id) is used while the range slides along.
 */
function keepInReach(lists: AnchorLists, other: AnchorLists, first: Int32Array, last: Int32Array, counts: Int32Array): AnchorLists {
  const segments = lists.start.length - 1;
  const ids = new Int32Array(lists.start[segments]!);
  const start = new Int32Array(segments + 1);
  const change = (y: number, by: number) => {
    for (let z = other.start[y]!; z < other.start[y + 1]!; z++) counts[other.ids[z]!]! += by;
  };
  let low = 0;
  let high = 0;
  let kept = 0;
  for (let k = 0; k < segments; k++) {
    while (low < first[k]!) {
      if (low < high) change(low, -1);
      low++;
    }
    if (high < low) high = low;
    while (high <= last[k]!) change(high++, 1);
    for (let x = lists.start[k]!; x < lists.start[k + 1]!; x++) if (counts[lists.ids[x]!]! > 0) ids[kept++] = lists.ids[x]!;
    start[k + 1] = kept;
  }
  for (let y = low; y < high; y++) change(y, -1);
  return { ids, start };
}

/**
 * Both sides' anchors without those that no segment of the other side within a bead's reach
 * carries: a bead ending in the band pairs segment x of A only with segments of B near its cell,
 * so such an anchor can never be shared. Every score stays exactly what it was; the lists, and
 * the DP's bound on what anchors can still contribute, get shorter (a dictionary's most).
 */
function withinReach(a: AnchorLists, b: AnchorLists, band: Band, maxA: number, maxB: number, counts: Int32Array): [AnchorLists, AnchorLists] {
  const n = a.start.length - 1;
  const m = b.start.length - 1;
  // Segments of B that segment x of A can share a bead with (beads ending in rows x + 1 .. x + maxA),
  // widened where needed so that both ends never decrease.
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    let low = m;
    let high = -1;
    for (let i = x + 1; i <= Math.min(n, x + maxA); i++) {
      low = Math.min(low, band.lo[i]! - maxB);
      high = Math.max(high, band.hi[i]! - 1);
    }
    first[x] = Math.max(0, low);
    last[x] = Math.min(m - 1, high);
  }
  for (let x = n - 2; x >= 0; x--) first[x] = Math.min(first[x]!, first[x + 1]!);
  for (let x = 1; x < n; x++) last[x] = Math.max(last[x]!, last[x - 1]!);
  // And the segments of A that segment y of B can share one with: those whose range holds y.
  const firstA = new Int32Array(m);
  const lastA = new Int32Array(m);
  let p = 0;
  let q = 0;
  for (let y = 0; y < m; y++) {
    while (p < n && first[p]! <= y) p++;
    while (q < n && last[q]! < y) q++;
    firstA[y] = q;
    lastA[y] = p - 1;
  }
  return [keepInReach(a, b, first, last, counts), keepInReach(b, a, firstA, lastA, counts)];
}

const MAX_PAIRED_OCCURRENCES = 64;
/** Rounding room for the pairwise bound on a merged bead's shared anchors. */
const PAIR_SUM_SLACK = 1e-9;

/**
 * The band's guide path: anchors that occur exactly once on each side (a rare name, a number) pair
 * segments with near certainty; the longest chain of such pairs increasing on both sides, joined by
 * straight lines, follows the text through insertions that a diagonal would miss.
 */
export function guidePath(a: AnchorLists, b: AnchorLists, weightOf: Float64Array, minWeight: number): { centres: Float64Array; chain: Array<[number, number]> } {
  const n = a.start.length - 1;
  const m = b.start.length - 1;
  // How many segments of each side each anchor occurs in (anchor lists are sorted: a repeat is adjacent).
  const size = weightOf.length;
  const count = ({ ids, start }: AnchorLists) => {
    const counts = new Int32Array(size);
    for (let segment = 0; segment + 1 < start.length; segment++) {
      for (let x = start[segment]!; x < start[segment + 1]!; x++) if (x === start[segment] || ids[x] !== ids[x - 1]) counts[ids[x]!]!++;
    }
    return counts;
  };
  const countA = count(a);
  const countB = count(b);
  // An anchor found as often on one side as on the other (a name three times in each) pairs its
  // occurrences in order; unique anchors are the case of once each. Text repeated or quoted at length
  // would leave no unique anchor at all, yet its equal counts still draw the path.
  const pairs = new Uint8Array(size);
  for (let id = 0; id < size; id++) pairs[id] = countA[id]! > 0 && countA[id] === countB[id] && countA[id]! <= MAX_PAIRED_OCCURRENCES && weightOf[id]! >= minWeight ? 1 : 0;
  // The segments each such anchor occurs in, in order, packed side by side: `runs[id]` is where its run begins.
  const runs = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) runs[id + 1] = runs[id]! + (pairs[id] ? countA[id]! : 0);
  const where = ({ ids, start }: AnchorLists) => {
    const at = new Int32Array(runs.length);
    const out = new Int32Array(runs[size]!);
    for (let segment = 0; segment + 1 < start.length; segment++) {
      for (let x = start[segment]!; x < start[segment + 1]!; x++) {
        const id = ids[x]!;
        if ((x === start[segment] || id !== ids[x - 1]) && pairs[id]) out[runs[id]! + at[id]!++] = segment;
      }
    }
    return out;
  };
  const inA = where(a);
  const inB = where(b);
  const points: Array<[number, number]> = [];
  for (let k = 0; k < inA.length; k++) points.push([inA[k]!, inB[k]!]);
  // Longest chain strictly increasing in both coordinates: sort by i, ties by j descending, then a
  // longest strictly increasing subsequence of j (patience sorting, O(k log k)).
  points.sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const tails: number[] = [];
  const previous = new Int32Array(points.length).fill(-1);
  for (let k = 0; k < points.length; k++) {
    const j = points[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(points[k]!);
  chain.reverse();
  const knots: Array<[number, number]> = [[0, 0], ...chain, [n, m]];
  const centres = new Float64Array(n + 1);
  for (let k = 0; k + 1 < knots.length; k++) {
    const [i0, j0] = knots[k]!;
    const [i1, j1] = knots[k + 1]!;
    for (let i = i0; i <= i1; i++) centres[i] = i1 === i0 ? j1 : j0 + ((i - i0) * (j1 - j0)) / (i1 - i0);
  }
  return { centres, chain };
}

/**
 * The expected length of B per character of A. Totals mislead when one side has untranslated
 * passages, so where enough segments pair by unique anchors, their median ratio is used instead.
 */
const LENGTH_RATIO_CHAIN = 8;

function lengthRatio(a: Prepared, b: Prepared, chain: ReadonlyArray<[number, number]>): number {
  const total = b.prefix[b.lengths.length]! / a.prefix[a.lengths.length]!;
  if (chain.length < LENGTH_RATIO_CHAIN) return total;
  const ratios = chain.map(([i, j]) => b.lengths[j]! / a.lengths[i]!).sort((x, y) => x - y);
  return ratios[ratios.length >> 1]!;
}

/** What every pass of one alignment shares: the bead model, both sides and the anchors' weights. */
interface Model {
  readonly a: Prepared;
  readonly b: Prepared;
  readonly weightOf: Float64Array;
  readonly beadTypes: readonly BeadType[];
  readonly priorCost: readonly number[];
  /** Bead kinds that take segments from both sides, in their given order (ties go to the first). */
  readonly kindA: Int32Array;
  readonly kindB: Int32Array;
  readonly kindType: Uint8Array;
  readonly kindPrior: Float64Array;
  readonly maxA: number;
  readonly maxB: number;
  readonly gapOpen: number;
  readonly gapExtend: number;
  readonly variance: number;
  readonly centres: Float64Array;
  /** One count per anchor id, zero between uses. */
  readonly counts: Int32Array;
}

/**
 * The DP's cells. Costs are kept for the last maxA + 1 rows only (the furthest a bead reaches
 * back), each row's slot reused in turn; every cell of the band keeps just what the trace back
 * reads, in two bytes: the bead that ended its best match, its best state, and which state each
 * skip came from.
 */
class Cells {
  readonly match: Float64Array;
  readonly skipA: Float64Array;
  readonly skipB: Float64Array;
  readonly best: Float64Array;
  readonly backMatch: Uint8Array;
  readonly backStates: Uint8Array;
  /** Where row i - d begins in the kept rows, and its columns, while row i is filled. */
  readonly baseOf: Int32Array;
  readonly loOf: Int32Array;
  readonly hiOf: Int32Array;
  private readonly kept: number;

  constructor(
    maxA: number,
    private readonly width: number,
    size: number,
  ) {
    this.kept = maxA + 1;
    this.match = new Float64Array(this.kept * width);
    this.skipA = new Float64Array(this.kept * width);
    this.skipB = new Float64Array(this.kept * width);
    this.best = new Float64Array(this.kept * width);
    this.backMatch = new Uint8Array(size);
    this.backStates = new Uint8Array(size);
    this.baseOf = new Int32Array(maxA + 1);
    this.loOf = new Int32Array(maxA + 1);
    this.hiOf = new Int32Array(maxA + 1);
  }

  /** Where row i's costs begin. */
  at(i: number): number {
    return (i % this.kept) * this.width;
  }
}

/**
 * One pass of the DP in a band of half-width `half`, with B's expected length `ratio` per
 * character of A. A class rather than closures: its methods are the same functions on every call,
 * so the optimised code for the DP is kept from one alignment to the next.
 */
class Pass {
  readonly band: Band;
  private readonly listsA: AnchorLists;
  private readonly listsB: AnchorLists;
  private readonly anchorPrefixA: Float64Array;
  private readonly anchorPrefixB: Float64Array;
  /** Pairwise anchor evidence for the rows a bead can reach (a row's slot is filled as it becomes reachable). */
  private readonly pairBand: Band;
  private readonly pairWidth: number;
  private readonly pair: Float64Array;
  /** B's segments by anchor: those carrying id are postings[postingStart[id]..postingStart[id + 1]), once per occurrence, in order. */
  private readonly postingStart: Int32Array;
  private readonly postings: Int32Array;
  /** Per id, the first of its postings not yet left behind by the rows filled so far. */
  private readonly cursor: Int32Array;
  /** Merged beads' counts: valid where their stamp is the call's, so nothing needs clearing. */
  private readonly stamp: Int32Array;
  private readonly scratch: Int32Array;
  private calls = 0;

  constructor(
    private readonly model: Model,
    private readonly ratio: number,
    readonly half: number,
  ) {
    const { a, b, centres, maxA, maxB, weightOf } = model;
    const m = b.lengths.length;
    this.band = new Band(centres, m, half);
    [this.listsA, this.listsB] = withinReach(a, b, this.band, maxA, maxB, model.counts);
    this.anchorPrefixA = anchorPrefix(this.listsA, weightOf);
    this.anchorPrefixB = anchorPrefix(this.listsB, weightOf);
    this.pairBand = new Band(centres, m, half, maxB + maxA);
    let pairWidth = 0;
    for (let i = 0; i < this.pairBand.lo.length; i++) pairWidth = Math.max(pairWidth, this.pairBand.hi[i]! - this.pairBand.lo[i]! + 1);
    this.pairWidth = pairWidth;
    this.pair = new Float64Array(maxA * pairWidth);
    const { ids, start } = this.listsB;
    this.postingStart = new Int32Array(weightOf.length + 1);
    for (let z = 0; z < start[m]!; z++) this.postingStart[ids[z]! + 1]!++;
    for (let id = 0; id < weightOf.length; id++) this.postingStart[id + 1]! += this.postingStart[id]!;
    this.cursor = this.postingStart.slice(0, weightOf.length);
    this.postings = new Int32Array(start[m]!);
    const next = this.cursor.slice();
    for (let y = 0; y < m; y++) for (let z = start[y]!; z < start[y + 1]!; z++) this.postings[next[ids[z]!]!++] = y;
    this.stamp = new Int32Array(weightOf.length);
    this.scratch = new Int32Array(weightOf.length);
  }

  /**
   * A bead's length cost (Gale & Church): the same sum in the DP and in the trace back. Its
   * arguments are integers, so that a call the compiler does not inline boxes no number.
   */
  private lengthPart(i: number, j: number, da: number, db: number): number {
    const { a, b, variance } = this.model;
    const ratio = this.ratio;
    const la = a.prefix[i]! - a.prefix[i - da]!;
    const lb = b.prefix[j]! - b.prefix[j - db]!;
    const mean = (la + lb / ratio) / 2;
    const delta = (lb - la * ratio) / Math.sqrt(mean * variance);
    return lengthCost(Math.abs(delta));
  }

  private shared(x: number, y: number): number {
    const { listsA, listsB } = this;
    return sharedWeight(listsA.ids, listsA.start[x]!, listsA.start[x + 1]!, listsB.ids, listsB.start[y]!, listsB.start[y + 1]!, this.model.weightOf);
  }

  private pairScore(x: number, y: number): number {
    const low = this.pairBand.lo[x]!;
    if (y < low || y > this.pairBand.hi[x]!) return this.shared(x, y);
    return this.pair[(x % this.model.maxA) * this.pairWidth + y - low]!;
  }

  /**
   * What segment x of A shares with each segment of B in its row of the pair band, all at once from
   * B's postings of x's anchors: work in proportion to what is shared, not to the lists' lengths.
   * Each pair's sum adds the same weights in the same order (by id) as `sharedWeight`.
   */
  private fillPairs(x: number): void {
    const { listsA, pair, postings, postingStart, cursor } = this;
    const weightOf = this.model.weightOf;
    const low = this.pairBand.lo[x]!;
    const high = this.pairBand.hi[x]!;
    // The band never moves back (its guide path only goes forward); should it, the postings are read from the start.
    if (x > 0 && low < this.pairBand.lo[x - 1]!) cursor.set(postingStart.subarray(0, cursor.length));
    const row = (x % this.model.maxA) * this.pairWidth - low;
    pair.fill(0, row + low, row + low + this.pairWidth);
    const end = listsA.start[x + 1]!;
    for (let z = listsA.start[x]!; z < end; ) {
      const id = listsA.ids[z]!;
      let inA = 1;
      while (z + inA < end && listsA.ids[z + inA] === id) inA++;
      z += inA;
      const last = postingStart[id + 1]!;
      let p = cursor[id]!;
      while (p < last && postings[p]! < low) p++;
      cursor[id] = p;
      while (p < last && postings[p]! <= high) {
        const y = postings[p]!;
        let inB = 1;
        while (p + inB < last && postings[p + inB] === y) inB++;
        p += inB;
        for (let k = Math.min(inA, inB); k > 0; k--) pair[row + y]! += weightOf[id]!;
      }
    }
  }

  /** Merged beads count each anchor once, however many of the group's segments carry it. */
  private groupScore(a0: number, a1: number, b0: number, b1: number): number {
    const { listsA, listsB, stamp, scratch } = this;
    const weightOf = this.model.weightOf;
    const call = ++this.calls;
    for (let x = a0; x < a1; x++) {
      for (let z = listsA.start[x]!; z < listsA.start[x + 1]!; z++) {
        const id = listsA.ids[z]!;
        if (stamp[id] === call) scratch[id]!++;
        else {
          stamp[id] = call;
          scratch[id] = 1;
        }
      }
    }
    let sum = 0;
    for (let y = b0; y < b1; y++) {
      for (let z = listsB.start[y]!; z < listsB.start[y + 1]!; z++) {
        const id = listsB.ids[z]!;
        if (stamp[id] === call && scratch[id]! > 0) {
          sum += weightOf[id]!;
          scratch[id]!--;
        }
      }
    }
    return sum;
  }

  private anchorPart(i: number, j: number, da: number, db: number): number {
    return da === 1 && db === 1 ? this.shared(i - 1, j - 1) : this.groupScore(i - da, i, j - db, j);
  }

  /** The beads of the best path, and whether it runs along the band's edge. */
  run(): { beads: Bead[]; touchesEdge: boolean } {
    const { lo, hi } = this.band;
    const n = this.model.a.lengths.length;
    const m = this.model.b.lengths.length;
    let width = 0;
    for (let i = 0; i <= n; i++) width = Math.max(width, hi[i]! - lo[i]! + 1);
    const cells = new Cells(this.model.maxA, width, this.band.size);
    // One call a row: a function called often is optimised once and stays so from one alignment to
    // the next, where one long loop would start again unoptimised on every call.
    for (let i = 0; i <= n; i++) this.fillRow(i, cells);
    if (cells.best[cells.at(n) + m - lo[n]!] === Number.POSITIVE_INFINITY) return { beads: [], touchesEdge: true };
    return this.traceBack(cells.backMatch, cells.backStates);
  }

  /**
   * Row i of the DP. Three states per cell (Gotoh's affine gaps): the last bead matched both sides,
   * or skipped a segment of A, or of B. A run of skipped segments (an untranslated passage) pays its
   * opening cost once and a small cost per further segment, instead of being smeared over merged beads.
   */
  private fillRow(i: number, cells: Cells): void {
    const { kindA, kindB, kindType, kindPrior, maxA, gapOpen, gapExtend } = this.model;
    const { anchorPrefixA, anchorPrefixB } = this;
    const { lo, hi, offset } = this.band;
    const { match, skipA, skipB, best, backMatch, backStates, baseOf, loOf, hiOf } = cells;
    const INF = Number.POSITIVE_INFINITY;
    const loI = lo[i]!;
    const hiI = hi[i]!;
    const row = cells.at(i);
    for (let d = 1; d <= maxA && d <= i; d++) {
      baseOf[d] = cells.at(i - d);
      loOf[d] = lo[i - d]!;
      hiOf[d] = hi[i - d]!;
    }
    if (i > 0) this.fillPairs(i - 1);
    for (let j = loI; j <= hiI; j++) {
      const k = row + j - loI;
      const cell = offset[i]! + j - loI;
      if (i === 0 && j === 0) {
        match[k] = 0;
        skipA[k] = INF;
        skipB[k] = INF;
        best[k] = 0;
        continue;
      }
      let states = 0;
      let gapA = INF;
      if (i > 0 && j >= loOf[1]! && j <= hiOf[1]!) {
        const from = baseOf[1]! + j - loOf[1]!;
        const open = Math.min(match[from]!, skipB[from]!) + gapOpen;
        const extend = skipA[from]! + gapExtend;
        gapA = Math.min(open, extend);
        states |= (extend <= open ? 1 : match[from]! <= skipB[from]! ? 0 : 2) << 2;
      }
      let gapB = INF;
      if (j > loI) {
        const from = k - 1;
        const open = Math.min(match[from]!, skipA[from]!) + gapOpen;
        const extend = skipB[from]! + gapExtend;
        gapB = Math.min(open, extend);
        states |= (extend <= open ? 2 : match[from]! <= skipA[from]! ? 0 : 1) << 4;
      }
      let cost = INF;
      let kind = 0;
      for (let u = 0; u < kindA.length; u++) {
        const da = kindA[u]!;
        const db = kindB[u]!;
        const j0 = j - db;
        if (da > i || j0 < loOf[da]! || j0 > hiOf[da]!) continue;
        const before = best[baseOf[da]! + j0 - loOf[da]!]!;
        if (before === INF) continue;
        // Anchors can lower the cost by at most the smaller side's total anchor weight: skip the
        // work where even that could not beat the best bead found so far.
        const bound = Math.min(anchorPrefixA[i]! - anchorPrefixA[i - da]!, anchorPrefixB[j]! - anchorPrefixB[j0]!);
        if (before + kindPrior[u]! - bound >= cost) continue;
        let c = kindPrior[u]! + this.lengthPart(i, j, da, db);
        if (before + c - bound >= cost) continue;
        if (da === 1 && db === 1) c -= this.pairScore(i - 1, j - 1);
        else {
          // A merged bead shares at most what its segments share pair by pair (cached): where
          // even that cannot win, the exact count is not needed.
          let upper = PAIR_SUM_SLACK;
          for (let x = i - da; x < i; x++) for (let y = j0; y < j; y++) upper += this.pairScore(x, y);
          if (before + c - upper >= cost) continue;
          c -= this.groupScore(i - da, i, j0, j);
        }
        if (before + c < cost) {
          cost = before + c;
          kind = kindType[u]!;
        }
      }
      match[k] = cost;
      skipA[k] = gapA;
      skipB[k] = gapB;
      best[k] = Math.min(cost, gapA, gapB);
      backMatch[cell] = kind;
      backStates[cell] = states | (cost <= gapA && cost <= gapB ? 0 : gapA <= gapB ? 1 : 2);
    }
  }

  /** The path back from the end; one that runs along the band's edge may have been cut off. */
  private traceBack(backMatch: Uint8Array, backStates: Uint8Array): { beads: Bead[]; touchesEdge: boolean } {
    const { beadTypes, priorCost } = this.model;
    const { lo, hi, offset } = this.band;
    const n = this.model.a.lengths.length;
    const m = this.model.b.lengths.length;
    const beads: Bead[] = [];
    let i = n;
    let j = m;
    let state = backStates[offset[n]! + m - lo[n]!]! & 3;
    let touchesEdge = false;
    while (!touchesEdge && (i > 0 || j > 0)) {
      const cell = offset[i]! + j - lo[i]!;
      if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
      if (state === 1) {
        beads.push({ a: [i - 1], b: [], confidence: 0.5 });
        state = (backStates[cell]! >> 2) & 3;
        i--;
      } else if (state === 2) {
        beads.push({ a: [], b: [j - 1], confidence: 0.5 });
        state = (backStates[cell]! >> 4) & 3;
        j--;
      } else {
        const t = backMatch[cell]!;
        const type = beadTypes[t]!;
        beads.push({
          a: Array.from({ length: type.a }, (_, x) => i - type.a + x),
          b: Array.from({ length: type.b }, (_, y) => j - type.b + y),
          confidence: confidenceOf(priorCost[t]! + this.lengthPart(i, j, type.a, type.b) - this.anchorPart(i, j, type.a, type.b)),
        });
        i -= type.a;
        j -= type.b;
        state = backStates[offset[i]! + j - lo[i]!]! & 3;
      }
    }
    return { beads: beads.reverse(), touchesEdge };
  }
}

/** Each segment's total anchor weight, summed from the first: `prefix[k]` is segments 0..k-1's. */
function anchorPrefix(side: AnchorLists, weightOf: Float64Array): Float64Array {
  const prefix = new Float64Array(side.start.length);
  for (let k = 0; k + 1 < side.start.length; k++) {
    let sum = 0;
    for (let x = side.start[k]!; x < side.start[k + 1]!; x++) sum += weightOf[side.ids[x]!]!;
    prefix[k + 1] = prefix[k]! + sum;
  }
  return prefix;
}

/**
 * Aligns two sequences of segments by dynamic programming in log space (Gale & Church 1993 length
 * model, with cross-language anchors as extra evidence). Returns beads in order, covering every
 * segment of both sides exactly once.
 */
export function alignSegments(sideA: readonly Segment[], sideB: readonly Segment[], options: AlignOptions = {}): { beads: Bead[]; stats: AlignStats } {
  const n = sideA.length;
  const m = sideB.length;
  if (n === 0 || m === 0) {
    const beads: Bead[] = n === 0 ? sideB.map((_, j) => ({ a: [], b: [j], confidence: 1 })) : sideA.map((_, i) => ({ a: [i], b: [], confidence: 1 }));
    return { beads, stats: { band: 0, passes: 0, cells: 0 } };
  }
  const beadTypes = options.beads ?? sentenceBeads;
  const weights = { ...defaultWeights, ...options.weights };
  const { a, b, names } = prepare(sideA, sideB);
  const weightOf = anchorWeights(names, a, b, weights);
  keepSharedAnchors(a, b, names.length);
  const priorCost = beadTypes.map((t) => -Math.log(t.prior));
  const kinds = beadTypes.flatMap((type, t) => (type.a > 0 && type.b > 0 ? [{ ...type, t }] : []));
  // The band follows a guide path through the anchors that pair segments with near certainty.
  const { centres, chain } = guidePath(a, b, weightOf, Math.min(weights.number, weights.word) * 0.5 || Number.POSITIVE_INFINITY);
  const model: Model = {
    a,
    b,
    weightOf,
    beadTypes,
    priorCost,
    kindA: Int32Array.from(kinds, (kind) => kind.a),
    kindB: Int32Array.from(kinds, (kind) => kind.b),
    kindType: Uint8Array.from(kinds, (kind) => kind.t),
    kindPrior: Float64Array.from(kinds, (kind) => priorCost[kind.t]!),
    maxA: Math.max(...beadTypes.map((t) => t.a)),
    maxB: Math.max(...beadTypes.map((t) => t.b)),
    gapOpen: -Math.log(beadTypes.find((t) => t.a === 0 || t.b === 0)?.prior ?? 0.01) + weights.gapOpenExtra,
    gapExtend: weights.gapExtend,
    variance: weights.variance,
    centres,
    counts: new Int32Array(names.length),
  };
  let passes = 0;
  let cells = 0;
  let finalBand = 0;
  // Widens the band until the path stays off its edges.
  const solve = (ratio: number): Bead[] => {
    for (let half = options.initialBand ?? 10; ; half = Math.min(Math.max(n, m), half * 2)) {
      const pass = new Pass(model, ratio, half);
      passes++;
      cells += pass.band.size;
      const { beads, touchesEdge } = pass.run();
      if (!touchesEdge || half >= Math.max(n, m)) {
        finalBand = half;
        return beads;
      }
    }
  };
  let ratio = lengthRatio(a, b, chain);
  let beads = solve(ratio);
  if (chain.length < LENGTH_RATIO_CHAIN) {
    // Without enough unique anchors the ratio came from the totals, which untranslated passages skew:
    // re-estimate it from the 1-1 beads just found and align once more if it moved.
    const ones = beads.filter((bead) => bead.a.length === 1 && bead.b.length === 1);
    const la = ones.reduce((sum, bead) => sum + a.lengths[bead.a[0]!]!, 0);
    const lb = ones.reduce((sum, bead) => sum + b.lengths[bead.b[0]!]!, 0);
    if (ones.length > 0 && Math.abs(lb / la / ratio - 1) > 0.03) {
      ratio = lb / la;
      beads = solve(ratio);
    }
  }
  return { beads, stats: { band: finalBand, passes, cells } };
}

/**
 * Maps a bead's cost to 0..1. A 1-1 bead of matching length and shared anchors costs about 0 or less;
 * each unit of cost above that halves the confidence. Beads with an empty side get a fixed middling value.
 */
function confidenceOf(cost: number): number {
  const excess = cost - -Math.log(0.8);
  return Math.max(0, Math.min(1, excess <= 0 ? 1 : Math.pow(2, -excess / 2)));
}
