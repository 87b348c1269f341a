/** FNV-1a over UTF-16 code units, one unit at a time: a scan can hash a word as it reads it. */
export const HASH_START = 0x811c9dc5 | 0;
export const hashStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193);

export function hashWord(word: string): number {
  let hash = HASH_START;
  for (let k = 0; k < word.length; k++) hash = hashStep(hash, word.charCodeAt(k));
  return hash;
}

/**
 * The word as a string of its own. V8 cuts 13 or more characters out of a longer text as a view
 * that keeps the whole text alive: a word kept for good (a search index's vocabulary) must not keep
 * the document it was first met in (a library of German books, each with a few new compounds, held
 * every book's word list).
 */
export function ownString(word: string): string {
  return word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string);
}

/**
 * Words numbered 0, 1, 2… in the order added, found by hash in an open-addressed table. A word can be
 * looked up as a piece of a longer text (`lookup`): counting a book's words or adding a document to the
 * search index makes no string for a word already known, and most of a book's words are.
 */
export class WordNumbers {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  /** Where each word's UTF-16 units start in `units`. */
  private starts = new Int32Array(1024);
  /**
   * Four numbers a place: word number + 1 (0 where empty), its hash, where its units start, its
   * length; at most half the places full. A lookup of a known word reads one place and its units,
   * not three arrays and a string scattered in memory (at 200,000 words, a third of its time).
   */
  private slots = new Int32Array(2048 * 4);
  /** Every word's UTF-16 units, one after another. */
  private units = new Uint16Array(8192);
  private unitCount = 0;

  get size(): number {
    return this.words.length;
  }

  /**
   * The number of text[from, to) (A-Z lowered when `lower`), whose hash is `hash`; when it is not
   * here, a negative number for `insert` (where it would go).
   */
  lookup(hash: number, text: string, from: number, to: number, lower = false): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const at = place << 2;
      const held = slots[at]!;
      if (held === 0) return -1 - place;
      if (slots[at + 1] === hash && slots[at + 3] === to - from && this.unitsAre(slots[at + 2]!, text, from, to, lower)) return held - 1;
    }
  }

  /** Whether the units from `start` are text[from, to), with A-Z lowered in the text when `lower`. */
  private unitsAre(start: number, text: string, from: number, to: number, lower: boolean): boolean {
    const units = this.units;
    for (let k = from, at = start; k < to; k++, at++) {
      let c = text.charCodeAt(k);
      if (lower && c >= 65 && c <= 90) c += 32;
      if (units[at] !== c) return false;
    }
    return true;
  }

  /** The word's number, or -1. */
  find(word: string): number {
    return Math.max(-1, this.lookup(hashWord(word), word, 0, word.length));
  }

  /** Adds a word `lookup` did not find (`missed` is what it answered); returns its number. */
  insert(missed: number, word: string, hash: number): number {
    const number = this.words.length;
    if (number === this.hashes.length) {
      this.hashes = grown(this.hashes, number * 2);
      this.starts = grown(this.starts, number * 2);
    }
    if (this.unitCount + word.length > this.units.length) this.units = grown(this.units, Math.max(this.units.length * 2, this.unitCount + word.length));
    const start = this.unitCount;
    for (let k = 0; k < word.length; k++) this.units[start + k] = word.charCodeAt(k);
    this.unitCount += word.length;
    this.words.push(word);
    this.hashes[number] = hash;
    this.starts[number] = start;
    this.place(-1 - missed, number);
    if (2 * this.words.length > this.slots.length >> 2) this.rehash();
    return number;
  }

  /** Adds a word if it is not here; returns its number either way. */
  add(word: string): number {
    const hash = hashWord(word);
    const found = this.lookup(hash, word, 0, word.length);
    return found >= 0 ? found : this.insert(found, word, hash);
  }

  private place(place: number, number: number): void {
    const at = place << 2;
    this.slots[at] = number + 1;
    this.slots[at + 1] = this.hashes[number]!;
    this.slots[at + 2] = this.starts[number]!;
    this.slots[at + 3] = this.words[number]!.length;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = (this.slots.length >> 2) - 1;
    for (let number = 0; number < this.words.length; number++) {
      let place = this.hashes[number]! & mask;
      while (this.slots[place << 2] !== 0) place = (place + 1) & mask;
      this.place(place, number);
    }
  }
}

/** A copy of the array, longer. */
export function grown<T extends Int32Array | Uint32Array | Uint16Array>(array: T, length: number): T {
  const out = new (array.constructor as new (length: number) => T)(length);
  out.set(array);
  return out;
}
