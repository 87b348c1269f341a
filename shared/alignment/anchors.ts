/**
 * Cheap cross-language anchors (after Simard, Foster & Isabelle 1992): tokens that tend to survive
 * translation unchanged, so a shared one is evidence that two segments correspond. No dictionary.
 *
 * - numbers, with every separator removed: "36.464", "36,464" and "36 464" are all "#36464";
 *   "15%" and "15 %" both give "#15" and "%";
 * - words of four letters or more, folded (case, accents) and cut to their first five letters,
 *   so "Expedition" and "expédition", "Chongqing" and "Chongqings" meet;
 * - punctuation that translators keep: ? ! : % ( and quotation marks.
 */
import { fold } from '../text/fold';
import { TokenTable } from './tokens';

export type Anchor = string;

const numberPattern = /\d+(?:[.,'’\u00A0\u202F ]\d{3})*(?:[.,]\d+)?/g;
const punctuation: Record<string, Anchor> = {
  '?': '?',
  '¿': '?',
  '!': '!',
  '¡': '!',
  ':': ':',
  '%': '%',
  '(': '(',
  '"': 'Q',
  '«': 'Q',
  '»': 'Q',
  '„': 'Q',
  '“': 'Q',
  '”': 'Q',
};


/** Words too common across European languages to say anything when shared. */
const stopPrefixes = new Set(['there', 'these', 'which', 'dans', 'pour', 'avec', 'nous', 'mais', 'auch', 'eine', 'einen', 'einer', 'nicht', 'oder', 'sind', 'wird', 'wurde', 'with', 'that', 'this', 'from', 'have', 'were', 'will', 'sein', 'sich']);

const UNKNOWN = -2;

/** Words as they stand in the text, marks included: each distinct one is folded once, not each sentence. */
export const tokenPattern = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const punctuationPattern = /[?¿!¡:%("«»„“”]/g;

/** The anchor of each word seen, "" for none: a book repeats its words thousands of times. */
const wordAnchors = new Map<string, string>();
const REMEMBERED = 200_000;

/** A word's anchor (folded, its first five letters), or "" when it is too short or too common to be one. */
export function wordAnchor(token: string): string {
  let anchor = wordAnchors.get(token);
  if (anchor === undefined) {
    const word = fold(token).replace(/['’-]+$/, '');
    anchor = word.length < 4 ? '' : word.slice(0, 5);
    if (stopPrefixes.has(anchor)) anchor = '';
    if (wordAnchors.size >= REMEMBERED) wordAnchors.clear();
    wordAnchors.set(token, anchor);
  }
  return anchor;
}

export function numberAnchors(text: string, into: Anchor[]): void {
  for (const match of text.matchAll(numberPattern)) {
    const digits = match[0].replace(/\D/g, '');
    // Single digits are list numbers and articles' "1" as often as quantities.
    if (digits.length >= 2 || text.length < 40) into.push(`#${digits.replace(/^0+(?=\d)/, '')}`);
  }
}

export function punctuationAnchors(text: string, into: Anchor[]): void {
  for (const match of text.matchAll(punctuationPattern)) into.push(punctuation[match[0]]!);
}

export function extractAnchors(text: string): Anchor[] {
  const anchors: Anchor[] = [];
  numberAnchors(text, anchors);
  for (const token of text.match(tokenPattern) ?? []) {
    const anchor = wordAnchor(token);
    if (anchor) anchors.push(anchor);
  }
  punctuationAnchors(text, anchors);
  return anchors;
}

/** Size of the multiset intersection of two sorted anchor-id arrays. */
export function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** A list of ids that grows, in one Int32Array: `ids` up to `length` is what was pushed. */
export class IdBuffer {
  ids: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/** Sorts `ids[from..to)` in place: short runs (a sentence's anchors) by insertion, without making a view. */
export function sortIds(ids: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    ids.subarray(from, to).sort();
    return;
  }
  for (let x = from + 1; x < to; x++) {
    const id = ids[x]!;
    let y = x - 1;
    while (y >= from && ids[y]! > id) {
      ids[y + 1] = ids[y]!;
      y--;
    }
    ids[y + 1] = id;
  }
}

/** Interns anchors as small integers so segments carry sorted Int32Arrays, cheap to compare. */
export class AnchorTable {
  private readonly ids = new Map<Anchor, number>();
  readonly names: Anchor[] = [];
  /** The word tokens met, numbered by spelling: a book repeats its words thousands of times. */
  readonly words = new TokenTable();
  /** Each word token's anchor id by its number in `words`, -1 for none, UNKNOWN until asked. */
  private wordIds = new Int32Array(256).fill(UNKNOWN);

  id(anchor: Anchor): number {
    let id = this.ids.get(anchor);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(anchor, id);
      this.names.push(anchor);
    }
    return id;
  }

  intern(anchors: readonly Anchor[]): Int32Array {
    const out = new Int32Array(anchors.length);
    anchors.forEach((anchor, k) => (out[k] = this.id(anchor)));
    return out.sort();
  }

  /** The id of the anchor (as `wordAnchor` finds it) of token number `token` in `words`, -1 where it has none. */
  wordId(token: number): number {
    if (token >= this.wordIds.length) {
      const grown = new Int32Array(Math.max(2 * this.wordIds.length, token + 1)).fill(UNKNOWN);
      grown.set(this.wordIds);
      this.wordIds = grown;
    }
    let id = this.wordIds[token]!;
    if (id === UNKNOWN) {
      const anchor = wordAnchor(this.words.tokens[token]!);
      id = this.wordIds[token] = anchor ? this.id(anchor) : -1;
    }
    return id;
  }

  /** `extractAnchors(text)` as ids, in its order, without spelling out the anchors of words. */
  textIds(text: string, into: number[] = []): number[] {
    const strings: Anchor[] = [];
    numberAnchors(text, strings);
    for (const anchor of strings) into.push(this.id(anchor));
    const count = this.words.scan(text);
    const found = this.words.found;
    for (let k = 0; k < count; k++) {
      const id = this.wordId(found[k]!);
      if (id >= 0) into.push(id);
    }
    strings.length = 0;
    punctuationAnchors(text, strings);
    for (const anchor of strings) into.push(this.id(anchor));
    return into;
  }

  private localOf = new Int32Array(0);
  private localIn = new Int32Array(0);
  private numberings = 0;

  /**
   * A numbering, dense from 0, of the anchors one alignment meets, so that its arrays are sized by
   * them and not by a table that holds a whole book's. `renumber` rewrites ids in place, numbering
   * each in the order first met; ask for it once every id is interned.
   */
  localNumbering(): { names: Anchor[]; renumber(ids: Int32Array, from: number, to: number): void } {
    if (this.localOf.length < this.names.length) {
      this.localOf = new Int32Array(this.names.length * 2);
      this.localIn = new Int32Array(this.names.length * 2);
      this.numberings = 0;
    }
    const numbering = ++this.numberings;
    const { localOf, localIn } = this;
    const names: Anchor[] = [];
    const renumber = (ids: Int32Array, from: number, to: number): void => {
      for (let k = from; k < to; k++) {
        const id = ids[k]!;
        if (localIn[id] !== numbering) {
          localIn[id] = numbering;
          localOf[id] = names.length;
          names.push(this.names[id]!);
        }
        ids[k] = localOf[id]!;
      }
    };
    return { names, renumber };
  }

  isNumber(id: number): boolean {
    return this.names[id]?.startsWith('#') ?? false;
  }
}
