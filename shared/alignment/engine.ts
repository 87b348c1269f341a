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
  let ids = new Int32Array(Math.max(64, segments.length * 16));
  const scratch: number[] = [];
  segments.forEach((segment, k) => {
    const list = idsIn(segment, table, scratch);
    const at = start[k]!;
    if (at + list.length > ids.length) {
      const grown = new Int32Array(Math.max(2 * ids.length, at + list.length));
      grown.set(ids);
      ids = grown;
    }
    for (let x = 0; x < list.length; x++) ids[at + x] = list[x]!;
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
    const prefix = new Float64Array(side.start.length);
    for (let k = 0; k + 1 < side.start.length; k++) {
      let sum = 0;
      for (let x = side.start[k]!; x < side.start[k + 1]!; x++) sum += weightOf[side.ids[x]!]!;
      prefix[k + 1] = prefix[k]! + sum;
    }
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
  const { centres, chain } = guidePath(a, b, weightOf, Math.min(weights.number, weights.word) * 0.5 || Number.POSITIVE_INFINITY);
  let passes = 0;
  let cells = 0;

  // Bead kinds that take segments from both sides, in their given order (ties go to the first).
  const kinds = beadTypes.flatMap((type, t) => (type.a > 0 && type.b > 0 ? [{ ...type, t }] : []));
  const kindA = Int32Array.from(kinds, (kind) => kind.a);
  const kindB = Int32Array.from(kinds, (kind) => kind.b);
  const kindType = Uint8Array.from(kinds, (kind) => kind.t);
  const kindPrior = Float64Array.from(kinds, (kind) => priorCost[kind.t]!);

  const solve = (ratio: number): Bead[] => {
    let half = options.initialBand ?? 10;
    /** A bead's prior and length cost, before anchors: the same sum in the DP and in the trace back. */
    const lengthPart = (i: number, j: number, da: number, db: number, prior: number): number => {
      const la = a.prefix[i]! - a.prefix[i - da]!;
      const lb = b.prefix[j]! - b.prefix[j - db]!;
      const mean = (la + lb / ratio) / 2;
      const delta = (lb - la * ratio) / Math.sqrt(mean * weights.variance);
      return prior + lengthCost(Math.abs(delta));
    };
    for (;;) {
      passes++;
      const band = new Band(centres, m, half);
      const { lo, hi, offset } = band;
      cells += band.size;
      // Costs are kept for the last maxA + 1 rows only (the furthest a bead reaches back), each row's
      // slot reused in turn; every cell keeps just what the trace back reads, in two bytes: the bead
      // that ended its best match, its best state, and which state each skip came from.
      const kept = maxA + 1;
      let width = 0;
      for (let i = 0; i <= n; i++) width = Math.max(width, hi[i]! - lo[i]! + 1);
      const match = new Float64Array(kept * width);
      const skipA = new Float64Array(kept * width);
      const skipB = new Float64Array(kept * width);
      const best = new Float64Array(kept * width);
      const backMatch = new Uint8Array(band.size);
      const backStates = new Uint8Array(band.size);

      // Pairwise anchor evidence, cached for the rows a bead can reach (a row's slot is cleared as it becomes reachable).
      const pairBand = new Band(centres, m, half, maxB + maxA);
      let pairWidth = 0;
      for (let i = 0; i <= n; i++) pairWidth = Math.max(pairWidth, pairBand.hi[i]! - pairBand.lo[i]! + 1);
      const pair = new Float64Array(maxA * pairWidth);
      const pairScore = (x: number, y: number): number => {
        const low = pairBand.lo[x]!;
        if (y < low || y > pairBand.hi[x]!) return sharedWeight(a.ids, a.start[x]!, a.start[x + 1]!, b.ids, b.start[y]!, b.start[y + 1]!, weightOf);
        const k = (x % maxA) * pairWidth + y - low;
        let value = pair[k]!;
        if (Number.isNaN(value)) value = pair[k] = sharedWeight(a.ids, a.start[x]!, a.start[x + 1]!, b.ids, b.start[y]!, b.start[y + 1]!, weightOf);
        return value;
      };

      // Merged beads count each anchor once, however many of the group's segments carry it.
      // Counts are valid where their stamp is this call's, so nothing needs clearing afterwards.
      const groupScore = (a0: number, a1: number, b0: number, b1: number): number => {
        const call = ++calls;
        for (let x = a0; x < a1; x++) {
          for (let z = a.start[x]!; z < a.start[x + 1]!; z++) {
            const id = a.ids[z]!;
            if (stamp[id] === call) scratch[id]!++;
            else {
              stamp[id] = call;
              scratch[id] = 1;
            }
          }
        }
        let sum = 0;
        for (let y = b0; y < b1; y++) {
          for (let z = b.start[y]!; z < b.start[y + 1]!; z++) {
            const id = b.ids[z]!;
            if (stamp[id] === call && scratch[id]! > 0) {
              sum += weightOf[id]!;
              scratch[id]!--;
            }
          }
        }
        return sum;
      };
      const anchorPart = (i: number, j: number, da: number, db: number): number =>
        da === 1 && db === 1 ? sharedWeight(a.ids, a.start[i - 1]!, a.start[i]!, b.ids, b.start[j - 1]!, b.start[j]!, weightOf) : groupScore(i - da, i, j - db, j);

      // Three states per cell (Gotoh's affine gaps): the last bead matched both sides, or skipped a
      // segment of A, or of B. A run of skipped segments (an untranslated passage) pays its opening
      // cost once and a small cost per further segment, instead of being smeared over merged beads.
      const INF = Number.POSITIVE_INFINITY;
      // Where row i - d begins in the kept rows, and its columns.
      const baseOf = new Int32Array(maxA + 1);
      const loOf = new Int32Array(maxA + 1);
      const hiOf = new Int32Array(maxA + 1);
      for (let i = 0; i <= n; i++) {
        const loI = lo[i]!;
        const hiI = hi[i]!;
        const row = (i % kept) * width;
        for (let d = 1; d <= maxA && d <= i; d++) {
          baseOf[d] = ((i - d) % kept) * width;
          loOf[d] = lo[i - d]!;
          hiOf[d] = hi[i - d]!;
        }
        if (i > 0) pair.fill(Number.NaN, ((i - 1) % maxA) * pairWidth, ((i - 1) % maxA + 1) * pairWidth);
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
            let c = lengthPart(i, j, da, db, kindPrior[u]!);
            if (before + c - bound >= cost) continue;
            if (da === 1 && db === 1) c -= pairScore(i - 1, j - 1);
            else {
              // A merged bead shares at most what its segments share pair by pair (cached): where
              // even that cannot win, the exact count is not needed.
              let upper = PAIR_SUM_SLACK;
              for (let x = i - da; x < i; x++) for (let y = j0; y < j; y++) upper += pairScore(x, y);
              if (before + c - upper >= cost) continue;
              c -= groupScore(i - da, i, j0, j);
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

      // Trace back; a path that runs along the band's edge may have been cut off, so widen and retry.
      const beads: Bead[] = [];
      let i = n;
      let j = m;
      let state = backStates[offset[n]! + m - lo[n]!]! & 3;
      let touchesEdge = best[(n % kept) * width + m - lo[n]!] === INF;
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
            confidence: confidenceOf(lengthPart(i, j, type.a, type.b, priorCost[t]!) - anchorPart(i, j, type.a, type.b)),
          });
          i -= type.a;
          j -= type.b;
          state = backStates[offset[i]! + j - lo[i]!]! & 3;
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
