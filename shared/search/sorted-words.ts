/**
 * A saved index's words, sorted, as they lie in the file: UTF-16 code units one after another and
 * where each word begins. Nothing is decoded at load: a word is found by binary search, its
 * completions are one range, and near misses are found by walking the list as the tree it is
 * (words sharing a beginning stand together), as a radix tree would be walked.
 */
export class SortedWords {
  readonly size: number;

  /** `starts` has one entry more than there are words: where the last one ends. */
  constructor(
    private readonly units: Uint16Array,
    private readonly starts: Uint32Array,
  ) {
    this.size = Math.max(0, starts.length - 1);
  }

  static readonly empty = new SortedWords(new Uint16Array(0), new Uint32Array(1));

  /** Words (sorted as JavaScript sorts strings) laid out as `units` and `starts`. */
  static layout(words: readonly string[]): { units: Uint16Array; starts: Uint32Array } {
    const starts = new Uint32Array(words.length + 1);
    let total = 0;
    for (const [k, word] of words.entries()) (starts[k] = total), (total += word.length);
    starts[words.length] = total;
    const units = new Uint16Array(total);
    for (const [k, word] of words.entries()) for (let j = 0; j < word.length; j++) units[starts[k]! + j] = word.charCodeAt(j);
    return { units, starts };
  }

  /**
   * This list with `others` (sorted, none of them in it) merged in, laid out as a list is, and what
   * stands at each place: a word of this list (its number) or of `others` (-1 - its place there).
   */
  merged(others: readonly string[]): { units: Uint16Array; starts: Uint32Array; from: Int32Array } {
    const count = this.size + others.length;
    const from = new Int32Array(count);
    const starts = new Uint32Array(count + 1);
    const units = new Uint16Array(this.units.length + others.reduce((n, w) => n + w.length, 0));
    let at = 0;
    for (let place = 0, b = 0, o = 0; place < count; place++) {
      starts[place] = at;
      if (o === others.length || (b < this.size && this.compare(b, others[o]!, 0, others[o]!.length) < 0)) {
        from[place] = b;
        for (let k = this.starts[b]!; k < this.starts[b + 1]!; k++) units[at++] = this.units[k]!;
        b++;
      } else {
        const word = others[o]!;
        from[place] = -1 - o;
        for (let j = 0; j < word.length; j++) units[at++] = word.charCodeAt(j);
        o++;
      }
    }
    starts[count] = at;
    return { units, starts, from };
  }

  word(n: number): string {
    return String.fromCharCode(...this.units.subarray(this.starts[n]!, this.starts[n + 1]!));
  }

  /** The number of the word text[from, to) (the whole text unless told), or -1. */
  find(text: string, from = 0, to = text.length): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = this.compare(mid, text, from, to);
      if (c === 0) return mid;
      if (c < 0) low = mid + 1;
      else high = mid;
    }
    return -1;
  }

  /** Numbers of the words beginning with `prefix` (itself too): `[from, to)`. */
  range(prefix: string): [number, number] {
    return [this.bound(prefix, 0, this.size, false), this.bound(prefix, 0, this.size, true)];
  }

  /** Numbers of the words at most `distance` edits (Levenshtein) from `word`, with their distance. */
  near(word: string, distance: number): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    const n = word.length;
    const query = Uint16Array.from(word, (c) => c.charCodeAt(0));
    // One row of the edit table a depth (cells outside the band |depth - j| <= distance stay above it).
    const rows = Array.from({ length: n + distance + 2 }, () => new Int32Array(n + 1).fill(distance + 1));
    for (let j = 0; j <= n; j++) rows[0]![j] = j;
    const walk = (from: number, to: number, depth: number) => {
      const row = rows[depth]!;
      let k = from;
      if (k < to && this.lengthOf(k) === depth) {
        if (row[n]! <= distance) found.push([k, row[n]!]);
        k++;
      }
      if (depth >= n + distance) return;
      const next = rows[depth + 1]!;
      const low = Math.max(1, depth + 1 - distance);
      const high = Math.min(n, depth + 1 + distance);
      while (k < to) {
        const unit = this.units[this.starts[k]! + depth]!;
        const end = this.groupEnd(k, to, depth, unit);
        next[low - 1] = low - 1 === 0 ? depth + 1 : distance + 1;
        let least = next[low - 1]!;
        for (let j = low; j <= high; j++) {
          const cost = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (query[j - 1] === unit ? 0 : 1));
          next[j] = cost;
          if (cost < least) least = cost;
        }
        if (high < n) next[high + 1] = distance + 1;
        if (least <= distance) walk(k, end, depth + 1);
        k = end;
      }
    };
    walk(0, this.size, 0);
    return found;
  }

  private lengthOf(n: number): number {
    return this.starts[n + 1]! - this.starts[n]!;
  }

  /** Within `[from, to)`, all longer than `depth` and sharing their first `depth` units, the first whose unit at `depth` is past `unit`. */
  private groupEnd(from: number, to: number, depth: number, unit: number): number {
    let low = from + 1;
    let high = to;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.units[this.starts[mid]! + depth]! <= unit) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first word in `[from, to)` not before `prefix` (`after`: not beginning with it either). */
  private bound(prefix: string, from: number, to: number, after: boolean): number {
    let low = from;
    let high = to;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = this.compare(mid, prefix, 0, prefix.length, true);
      if (c < 0 || (after && c === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Word `n` against text[from, to), or, as a prefix test, only its first to - from units against it. */
  private compare(n: number, text: string, from: number, to: number, prefix = false): number {
    const start = this.starts[n]!;
    const length = this.starts[n + 1]! - start;
    const size = to - from;
    for (let j = 0; j < size; j++) {
      if (j === length) return -1;
      const d = this.units[start + j]! - text.charCodeAt(from + j);
      if (d !== 0) return d;
    }
    return prefix ? 0 : length - size;
  }
}
