import type { HeadwordIndex } from './headwords';
import type { HeadwordMatch, Headwords, KeyShape } from './lexicon';

/** UTF-8 bytes of a key (shared/ has no TextEncoder; keys are a few characters). */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Text of well-formed UTF-8 bytes (the index was checked to be UTF-8 when it was read). */
function fromUtf8(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; ) {
    const c = bytes[i]!;
    let code: number;
    if (c < 0x80) {
      code = c;
      i += 1;
    } else if (c < 0xe0) {
      code = ((c & 31) << 6) | (bytes[i + 1]! & 63);
      i += 2;
    } else if (c < 0xf0) {
      code = ((c & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63);
      i += 3;
    } else {
      code = ((c & 7) << 18) | ((bytes[i + 1]! & 63) << 12) | ((bytes[i + 2]! & 63) << 6) | (bytes[i + 3]! & 63);
      i += 4;
    }
    text += String.fromCodePoint(code);
  }
  return text;
}

/**
 * Headwords kept as the index file's own bytes: slot k is bytes[starts[k]..ends[k]), already a
 * lookup key (lower case, NFC, no surrounding space) and in byte order, as dictd writes FreeDict's
 * indexes. Opening builds three integer tables and no strings; a lookup binary-searches the bytes and
 * decodes only what it returns. Headwords that are not their own key go to `others`.
 */
export class SortedHeadwords implements Headwords {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly records: Int32Array,
    private readonly count: number,
    private readonly others?: HeadwordIndex,
  ) {}

  get size(): number {
    return this.count + (this.others?.size ?? 0);
  }

  has(key: string): boolean {
    const wanted = utf8(key);
    const slot = this.lowerBound(wanted);
    return (slot < this.count && this.compare(slot, wanted) === 0) || (this.others?.has(key) ?? false);
  }

  find(key: string): HeadwordMatch[] {
    const wanted = utf8(key);
    const out: HeadwordMatch[] = [];
    for (let slot = this.lowerBound(wanted); slot < this.count && this.compare(slot, wanted) === 0; slot++) {
      out.push({ record: this.records[slot]!, headword: key, synonym: false });
    }
    if (this.others) out.push(...this.others.find(key));
    return out;
  }

  withPrefix(prefix: string, limit: number, shape?: KeyShape): string[] {
    const wanted = utf8(prefix);
    const out = new Set<string>();
    for (let slot = this.lowerBound(wanted); slot < this.count && out.size < limit && this.startsWith(slot, wanted); slot++) {
      if (!shape || this.fits(slot, shape)) out.add(this.keyAt(slot));
    }
    if (this.others && out.size < limit) for (const key of this.others.withPrefix(prefix, limit - out.size, shape)) out.add(key);
    return [...out];
  }

  /** `fitsShape` on the bytes, so that the keys a scan passes over are never decoded. */
  private fits(slot: number, { oneWord, minLength = 0, maxLength = Infinity }: KeyShape): boolean {
    const bytes = this.bytes;
    const to = this.ends[slot]!;
    let length = 0;
    for (let i = this.starts[slot]!; i < to; i++) {
      const c = bytes[i]!;
      if ((c & 0xc0) !== 0x80) length++;
      // Space, tab, and U+00A0 (C2 A0): the white space a headword holds.
      if (oneWord && (c === 32 || c === 9 || (c === 0xa0 && bytes[i - 1] === 0xc2))) return false;
    }
    return length >= minLength && length <= maxLength;
  }

  private keyAt(slot: number): string {
    return fromUtf8(this.bytes, this.starts[slot]!, this.ends[slot]!);
  }

  /** Byte order of slot's key against `wanted`: negative, zero or positive. */
  private compare(slot: number, wanted: Uint8Array): number {
    const bytes = this.bytes;
    const from = this.starts[slot]!;
    const length = this.ends[slot]! - from;
    const shared = Math.min(length, wanted.length);
    for (let i = 0; i < shared; i++) {
      const d = bytes[from + i]! - wanted[i]!;
      if (d !== 0) return d;
    }
    return length - wanted.length;
  }

  private startsWith(slot: number, wanted: Uint8Array): boolean {
    const from = this.starts[slot]!;
    if (this.ends[slot]! - from < wanted.length) return false;
    for (let i = 0; i < wanted.length; i++) if (this.bytes[from + i] !== wanted[i]) return false;
    return true;
  }

  /** The first slot whose key is not below `wanted`. */
  private lowerBound(wanted: Uint8Array): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, wanted) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
