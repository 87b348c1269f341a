import { AnchorTable, extractAnchors, type Anchor } from './anchors';

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

interface Prepared {
  readonly lengths: Float64Array;
  readonly prefix: Float64Array;
  anchors: Int32Array[];
}

function isSorted(ids: Int32Array): boolean {
  for (let k = 1; k < ids.length; k++) if (ids[k - 1]! > ids[k]!) return false;
  return true;
}

/** A segment's anchor ids in `table`: as interned there, or interned now. */
function idsIn(segment: Segment, table: AnchorTable): ArrayLike<number> {
  const interned = segment.interned;
  if (interned?.table === table) return interned.ids;
  if (interned) return Array.from(interned.ids, (id) => table.id(interned.table.names[id]!));
  if (segment.anchors) return segment.anchors.map((anchor) => table.id(anchor));
  return table.textIds(segment.text);
}

/** Both sides' lengths and anchors, numbered densely for this alignment; `names` gives each number's anchor. */
function prepare(sideA: readonly Segment[], sideB: readonly Segment[]): { a: Prepared; b: Prepared; names: Anchor[] } {
  const table = (sideA.find((s) => s.interned) ?? sideB.find((s) => s.interned))?.interned?.table ?? new AnchorTable();
  const ids = [sideA.map((segment) => idsIn(segment, table)), sideB.map((segment) => idsIn(segment, table))];
  let total = 0;
  for (const side of ids) for (const list of side) total += list.length;
  // A table made for this alignment is numbered densely already; a book's, shared by many small ones, is renumbered.
  const numbering =
    table.names.length <= 2 * total + 1024 ? { names: table.names, local: (list: ArrayLike<number>) => (list instanceof Int32Array && isSorted(list) ? list.slice() : new Int32Array(list).sort()) } : table.localNumbering();
  const [a, b] = [sideA, sideB].map((segments, side): Prepared => {
    const lengths = new Float64Array(segments.length);
    const prefix = new Float64Array(segments.length + 1);
    segments.forEach((segment, k) => {
      lengths[k] = Math.max(1, visibleLength(segment.text));
      prefix[k + 1] = prefix[k]! + lengths[k]!;
    });
    return { lengths, prefix, anchors: ids[side]!.map(numbering.local) };
  });
  return { a: a!, b: b!, names: numbering.names };
}

/** Weight of each anchor id: its kind's weight, scaled down for anchors found in many segments. */
function anchorWeights(names: readonly Anchor[], a: Prepared, b: Prepared, weights: AnchorWeights): Float64Array {
  const size = names.length;
  const df = new Float64Array(size);
  const seenIn = new Int32Array(size).fill(-1);
  let segment = 0;
  for (const side of [a.anchors, b.anchors]) {
    for (const list of side) {
      for (const id of list) {
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
    for (const ids of side.anchors) for (const id of ids) present[id] = 1;
    return present;
  };
  const inA = seen(a);
  const inB = seen(b);
  const keep = (lists: Int32Array[], other: Uint8Array) =>
    lists.forEach((ids, k) => {
      let kept = 0;
      for (let x = 0; x < ids.length; x++) if (other[ids[x]!] === 1) ids[kept++] = ids[x]!;
      if (kept < ids.length) lists[k] = ids.subarray(0, kept);
    });
  keep(a.anchors, inB);
  keep(b.anchors, inA);
}

/** Weighted size of the multiset intersection of two sorted id arrays. */
function sharedWeight(x: Int32Array, y: Int32Array, weight: Float64Array): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < x.length && j < y.length) {
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

  index(i: number, j: number): number {
    return j < this.lo[i]! || j > this.hi[i]! ? -1 : this.offset[i]! + j - this.lo[i]!;
  }
}

const MAX_PAIRED_OCCURRENCES = 64;
/** Rounding room for the pairwise bound on a merged bead's shared anchors. */
const PAIR_SUM_SLACK = 1e-9;

/**
 * The band's guide path: anchors that occur exactly once on each side (a rare name, a number) pair
 * segments with near certainty; the longest chain of such pairs increasing on both sides, joined by
 * straight lines, follows the text through insertions that a diagonal would miss.
 */
export function guidePath(
  a: readonly Int32Array[],
  b: readonly Int32Array[],
  weightOf: Float64Array,
  minWeight: number,
): { centres: Float64Array; chain: Array<[number, number]> } {
  const n = a.length;
  const m = b.length;
  // How many segments of each side each anchor occurs in (anchor lists are sorted: a repeat is adjacent).
  const size = weightOf.length;
  const count = (side: readonly Int32Array[]) => {
    const counts = new Int32Array(size);
    for (const ids of side) for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) counts[ids[k]!]!++;
    return counts;
  };
  const countA = count(a);
  const countB = count(b);
  // An anchor found as often on one side as on the other (a name three times in each) pairs its
  // occurrences in order; unique anchors are the case of once each. Text repeated or quoted at length
  // would leave no unique anchor at all, yet its equal counts still draw the path.
  const pairs = new Uint8Array(size);
  for (let id = 0; id < size; id++) pairs[id] = countA[id]! > 0 && countA[id] === countB[id] && countA[id]! <= MAX_PAIRED_OCCURRENCES && weightOf[id]! >= minWeight ? 1 : 0;
  // The segments each such anchor occurs in, in order, packed side by side: `start[id]` is where its run begins.
  const start = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) start[id + 1] = start[id]! + (pairs[id] ? countA[id]! : 0);
  const where = (side: readonly Int32Array[]) => {
    const at = new Int32Array(start.length);
    const out = new Int32Array(start[size]!);
    side.forEach((ids, segment) => {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if ((k === 0 || id !== ids[k - 1]) && pairs[id]) out[start[id]! + at[id]!++] = segment;
      }
    });
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
  const scratch = new Int32Array(names.length);
  const stamp = new Int32Array(names.length);
  let calls = 0;
  const anchorPrefix = (side: Prepared) => {
    const prefix = new Float64Array(side.anchors.length + 1);
    side.anchors.forEach((ids, k) => (prefix[k + 1] = prefix[k]! + ids.reduce((sum, id) => sum + weightOf[id]!, 0)));
    return prefix;
  };
  const anchorPrefixA = anchorPrefix(a);
  const anchorPrefixB = anchorPrefix(b);
  const priorCost = beadTypes.map((t) => -Math.log(t.prior));
  const gapOpen = -Math.log(beadTypes.find((t) => t.a === 0 || t.b === 0)?.prior ?? 0.01) + weights.gapOpenExtra;
  const gapExtend = weights.gapExtend;
  const maxA = Math.max(...beadTypes.map((t) => t.a));
  const maxB = Math.max(...beadTypes.map((t) => t.b));

  // The length needed to place the diagonal band's worst case: the imbalance of the two sides.
  const { centres, chain } = guidePath(a.anchors, b.anchors, weightOf, Math.min(weights.number, weights.word) * 0.5 || Number.POSITIVE_INFINITY);
  let passes = 0;
  let cells = 0;

  const solve = (ratio: number): Bead[] => {
    let half = options.initialBand ?? 10;
    for (;;) {
      passes++;
      const band = new Band(centres, m, half);
      cells += band.size;
      // Pairwise anchor evidence, cached for the cells a bead can reach.
      const pairBand = new Band(centres, m, half, maxB + maxA);
      const pair = new Float64Array(pairBand.size).fill(Number.NaN);
      const pairScore = (i: number, j: number): number => {
        const k = pairBand.index(i, j);
        if (k < 0) return sharedWeight(a.anchors[i]!, b.anchors[j]!, weightOf);
        let value = pair[k]!;
        if (Number.isNaN(value)) value = pair[k] = sharedWeight(a.anchors[i]!, b.anchors[j]!, weightOf);
        return value;
      };

      // Merged beads count each anchor once, however many of the group's segments carry it.
      // Counts are valid where their stamp is this call's, so nothing needs clearing afterwards.
      const groupScore = (a0: number, a1: number, b0: number, b1: number): number => {
        const call = ++calls;
        for (let x = a0; x < a1; x++) {
          for (const id of a.anchors[x]!) {
            if (stamp[id] === call) scratch[id]!++;
            else {
              stamp[id] = call;
              scratch[id] = 1;
            }
          }
        }
        let sum = 0;
        for (let y = b0; y < b1; y++) {
          for (const id of b.anchors[y]!) {
            if (stamp[id] === call && scratch[id]! > 0) {
              sum += weightOf[id]!;
              scratch[id]!--;
            }
          }
        }
        return sum;
      };

      // Three states per cell (Gotoh's affine gaps): the last bead matched both sides, or skipped a
      // segment of A, or of B. A run of skipped segments (an untranslated passage) pays its opening
      // cost once and a small cost per further segment, instead of being smeared over merged beads.
      const INF = Number.POSITIVE_INFINITY;
      const match = new Float64Array(band.size).fill(INF);
      const skipA = new Float64Array(band.size).fill(INF);
      const skipB = new Float64Array(band.size).fill(INF);
      const backMatch = new Uint8Array(band.size);
      const backSkipA = new Uint8Array(band.size);
      const backSkipB = new Uint8Array(band.size);
      const matchCost = new Float64Array(band.size);
      match[0] = 0;
      const bestOf = (k: number) => Math.min(match[k]!, skipA[k]!, skipB[k]!);
      const stateOf = (k: number): number => (match[k]! <= skipA[k]! && match[k]! <= skipB[k]! ? 0 : skipA[k]! <= skipB[k]! ? 1 : 2);
      for (let i = 0; i <= n; i++) {
        for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
          if (i === 0 && j === 0) continue;
          const k = band.index(i, j);
          if (i > 0) {
            const from = band.index(i - 1, j);
            if (from >= 0) {
              const open = Math.min(match[from]!, skipB[from]!) + gapOpen;
              const extend = skipA[from]! + gapExtend;
              skipA[k] = Math.min(open, extend);
              backSkipA[k] = extend <= open ? 1 : match[from]! <= skipB[from]! ? 0 : 2;
            }
          }
          if (j > 0) {
            const from = band.index(i, j - 1);
            if (from >= 0) {
              const open = Math.min(match[from]!, skipA[from]!) + gapOpen;
              const extend = skipB[from]! + gapExtend;
              skipB[k] = Math.min(open, extend);
              backSkipB[k] = extend <= open ? 2 : match[from]! <= skipA[from]! ? 0 : 1;
            }
          }
          let best = INF;
          for (let t = 0; t < beadTypes.length; t++) {
            const { a: da, b: db } = beadTypes[t]!;
            if (da === 0 || db === 0 || da > i || db > j) continue;
            const from = band.index(i - da, j - db);
            if (from < 0) continue;
            const before = bestOf(from);
            if (before === INF) continue;
            // Anchors can lower the cost by at most the smaller side's total anchor weight: skip the
            // work where even that could not beat the best bead found so far.
            const bound = Math.min(anchorPrefixA[i]! - anchorPrefixA[i - da]!, anchorPrefixB[j]! - anchorPrefixB[j - db]!);
            if (before + priorCost[t]! - bound >= best) continue;
            const la = a.prefix[i]! - a.prefix[i - da]!;
            const lb = b.prefix[j]! - b.prefix[j - db]!;
            const mean = (la + lb / ratio) / 2;
            const delta = (lb - la * ratio) / Math.sqrt(mean * weights.variance);
            let c = priorCost[t]! + lengthCost(Math.abs(delta));
            if (before + c - bound >= best) continue;
            if (da === 1 && db === 1) c -= pairScore(i - 1, j - 1);
            else {
              // A merged bead shares at most what its segments share pair by pair (cached): where
              // even that cannot win, the exact count is not needed.
              let upper = PAIR_SUM_SLACK;
              for (let x = i - da; x < i; x++) for (let y = j - db; y < j; y++) upper += pairScore(x, y);
              if (before + c - upper >= best) continue;
              c -= groupScore(i - da, i, j - db, j);
            }
            if (before + c < best) {
              best = before + c;
              backMatch[k] = t;
              matchCost[k] = c;
            }
          }
          match[k] = best;
        }
      }

      // Trace back; a path that runs along the band's edge may have been cut off, so widen and retry.
      const beads: Bead[] = [];
      let i = n;
      let j = m;
      let state = stateOf(band.index(n, m));
      let touchesEdge = bestOf(band.index(n, m)) === INF;
      while (!touchesEdge && (i > 0 || j > 0)) {
        const k = band.index(i, j);
        if ((j === band.lo[i]! && j > 0) || (j === band.hi[i]! && j < m)) touchesEdge = true;
        if (state === 1) {
          beads.push({ a: [i - 1], b: [], confidence: 0.5 });
          state = backSkipA[k]!;
          i--;
        } else if (state === 2) {
          beads.push({ a: [], b: [j - 1], confidence: 0.5 });
          state = backSkipB[k]!;
          j--;
        } else {
          const type = beadTypes[backMatch[k]!]!;
          beads.push({
            a: Array.from({ length: type.a }, (_, x) => i - type.a + x),
            b: Array.from({ length: type.b }, (_, y) => j - type.b + y),
            confidence: confidenceOf(matchCost[k]!),
          });
          i -= type.a;
          j -= type.b;
          state = stateOf(band.index(i, j));
        }
      }
      const covered = half >= Math.max(n, m);
      if (!touchesEdge || covered) {
        finalBand = half;
        return beads.reverse();
      }
      half = Math.min(Math.max(n, m), half * 2);
    }
  };

  let finalBand = 0;
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
