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

/** Whether `word` is text[from, to), with A-Z lowered in the text when `lower`. */
function sameWord(word: string, text: string, from: number, to: number, lower: boolean): boolean {
  if (word.length !== to - from) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(from + k);
    if (lower && c >= 65 && c <= 90) c += 32;
    if (word.charCodeAt(k) !== c) return false;
  }
  return true;
}

/**
 * Words numbered 0, 1, 2… in the order added, found by hash in an open-addressed table. A word can be
 * looked up as a piece of a longer text (`lookup`): counting a book's words or adding a document to the
 * search index makes no string for a word already known, and most of a book's words are.
 */
export class WordNumbers {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  /** Word number + 1 at each place, 0 where empty; at most half full. */
  private places = new Int32Array(2048);

  get size(): number {
    return this.words.length;
  }

  /**
   * The number of text[from, to) (A-Z lowered when `lower`), whose hash is `hash`; when it is not
   * here, a negative number for `insert` (where it would go).
   */
  lookup(hash: number, text: string, from: number, to: number, lower = false): number {
    const mask = this.places.length - 1;
    for (let place = hash & mask; ; place = (place + 1) & mask) {
      const held = this.places[place]!;
      if (held === 0) return -1 - place;
      if (this.hashes[held - 1] === hash && sameWord(this.words[held - 1]!, text, from, to, lower)) return held - 1;
    }
  }

  /** The word's number, or -1. */
  find(word: string): number {
    return Math.max(-1, this.lookup(hashWord(word), word, 0, word.length));
  }

  /** Adds a word `lookup` did not find (`missed` is what it answered); returns its number. */
  insert(missed: number, word: string, hash: number): number {
    const number = this.words.length;
    if (number === this.hashes.length) {
      const grown = new Int32Array(number * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.words.push(word);
    this.hashes[number] = hash;
    this.places[-1 - missed] = number + 1;
    if (2 * this.words.length > this.places.length) this.rehash();
    return number;
  }

  /** Adds a word if it is not here; returns its number either way. */
  add(word: string): number {
    const hash = hashWord(word);
    const found = this.lookup(hash, word, 0, word.length);
    return found >= 0 ? found : this.insert(found, word, hash);
  }

  private rehash(): void {
    this.places = new Int32Array(this.places.length * 2);
    const mask = this.places.length - 1;
    for (let number = 0; number < this.words.length; number++) {
      let place = this.hashes[number]! & mask;
      while (this.places[place] !== 0) place = (place + 1) & mask;
      this.places[place] = number + 1;
    }
  }
}
