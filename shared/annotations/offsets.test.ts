import { describe, expect, it } from 'vitest';
import { offsetMap } from './offsets';

describe('offsetMap', () => {
  it('converts every boundary between UTF-16 units and code points, both ways', () => {
    const text = 'a👍🏽b 🇩🇪 c𝄞d\u00e9';
    const map = offsetMap(text);
    const points = Array.from(text);
    let utf16 = 0;
    for (let cp = 0; cp <= points.length; cp++) {
      expect(map.toUtf16(cp)).toBe(utf16);
      expect(map.toCodePoints(utf16)).toBe(cp);
      utf16 += points[cp]?.length ?? 0;
    }
    expect(offsetMap('plain').toUtf16(3)).toBe(3);
  });
});
