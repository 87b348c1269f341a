/**
 * Converts offsets between the model's UTF-16 code units (what JavaScript strings count) and Unicode
 * code points (what the W3C Web Annotation model counts in a TextPositionSelector). Built once per
 * text: each conversion is a binary search over the positions of characters outside the BMP.
 */
export interface OffsetMap {
  toCodePoints(utf16: number): number;
  toUtf16(codePoints: number): number;
}

export function offsetMap(text: string): OffsetMap {
  // UTF-16 index of every surrogate pair, in order; the k-th pair sits at code point index pairs[k] - k.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) pairs.push(i++);
    }
  }
  /** How many k have key(k) < limit, for a key that grows with k. */
  const countBelow = (limit: number, key: (k: number) => number) => {
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (key(mid) < limit) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    toCodePoints: (utf16) => utf16 - countBelow(utf16 - 1, (k) => pairs[k]!),
    toUtf16: (codePoints) => codePoints + countBelow(codePoints, (k) => pairs[k]! - k),
  };
}
