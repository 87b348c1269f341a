/**
 * Word tokens, as `tokenPattern` in anchors.ts finds them (a letter or mark, then letters, marks,
 * apostrophes and hyphens), numbered by their spelling. A book repeats its words thousands of
 * times: the scan reads character codes and finds a token it has seen by hashing its span, so only
 * a token's first occurrence makes a string.
 */

/** Per UTF-16 unit: 0 not yet known, 1 a letter or mark, 2 neither. Filled as units are met. */
const unitKinds = new Uint8Array(65536);
const letterOrMark = /^[\p{L}\p{M}]$/u;
const astralLetters = new Map<number, boolean>();

function isLetterUnit(c: number): boolean {
  let kind = unitKinds[c]!;
  if (kind === 0) kind = unitKinds[c] = letterOrMark.test(String.fromCharCode(c)) ? 1 : 2;
  return kind === 1;
}

function isAstralLetter(codePoint: number): boolean {
  let letter = astralLetters.get(codePoint);
  if (letter === undefined) astralLetters.set(codePoint, (letter = letterOrMark.test(String.fromCodePoint(codePoint))));
  return letter;
}

/** The code units (1 or 2) of a letter or mark starting at `k`, 0 if none starts there. */
function letterAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdbff) return (c < 0xdc00 || c > 0xdfff) && isLetterUnit(c) ? 1 : 0;
  const low = k + 1 < text.length ? text.charCodeAt(k + 1) : 0;
  if (low < 0xdc00 || low > 0xdfff) return 0;
  return isAstralLetter(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 0;
}

const EMPTY = 0;

export class TokenTable {
  /** Each token's spelling, by number. */
  readonly tokens: string[] = [];
  private hashes = new Int32Array(64);
  /** Open addressing: token number + 1, or EMPTY. */
  private slots = new Int32Array(256);
  /** The numbers of the tokens the last `scan` found, in order (the first `scan(...)` of them). */
  found = new Int32Array(256);

  /** Finds the tokens of `text`; returns how many, their numbers are in `found`. */
  scan(text: string): number {
    let count = 0;
    const length = text.length;
    let k = 0;
    while (k < length) {
      const first = letterAt(text, k);
      if (first === 0) {
        k++;
        continue;
      }
      // FNV-1a over the token's code units, as they are read.
      const start = k;
      let hash = Math.imul(0x811c9dc5 ^ text.charCodeAt(k), 0x01000193);
      if (first === 2) hash = Math.imul(hash ^ text.charCodeAt(k + 1), 0x01000193);
      k += first;
      while (k < length) {
        const c = text.charCodeAt(k);
        if (c === 39 || c === 45 || c === 0x2019) k++;
        else {
          const units = letterAt(text, k);
          if (units === 0) break;
          if (units === 2) hash = Math.imul(hash ^ c, 0x01000193);
          k += units;
        }
        hash = Math.imul(hash ^ text.charCodeAt(k - 1), 0x01000193);
      }
      if (count === this.found.length) {
        const grown = new Int32Array(count * 2);
        grown.set(this.found);
        this.found = grown;
      }
      this.found[count++] = this.numberOf(text, start, k, hash);
    }
    return count;
  }

  private numberOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return this.add(text.slice(start, end), hash, slot);
      const number = entry - 1;
      if (this.hashes[number] === hash) {
        const token = this.tokens[number]!;
        if (token.length === end - start && text.startsWith(token, start)) return number;
      }
    }
  }

  private add(token: string, hash: number, slot: number): number {
    const number = this.tokens.length;
    this.tokens.push(token);
    if (number === this.hashes.length) {
      const grown = new Int32Array(number * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[number] = hash;
    this.slots[slot] = number + 1;
    if (2 * this.tokens.length > this.slots.length) this.rehash();
    return number;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let number = 0; number < this.tokens.length; number++) {
      let slot = this.hashes[number]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = number + 1;
    }
    this.slots = slots;
  }
}
