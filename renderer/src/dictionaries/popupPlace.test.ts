import { describe, expect, it } from 'vitest';
import { placeBeside } from './usePopupPlace';

const viewport = { width: 1000, height: 800 };
const word = (top: number, left = 100) => ({ top, bottom: top + 20, left, right: left + 80, width: 80, height: 20, x: left, y: top }) as DOMRect;
const covers = (w: DOMRect, p: { top: number; maxHeight: number }, height: number) => p.top < w.bottom && w.top < p.top + Math.min(height, p.maxHeight);

describe('the lookup popup beside its word', () => {
  it('goes below the word when it fits, above when only that fits, and never over it', () => {
    expect(placeBeside(word(100), { width: 400, height: 300 }, viewport)).toMatchObject({ side: 'below', top: 128 });
    expect(placeBeside(word(700), { width: 400, height: 300 }, viewport)).toMatchObject({ side: 'above', top: 392 });
    for (let top = 0; top < 780; top += 37) {
      for (const height of [120, 500, 2000]) {
        const place = placeBeside(word(top), { width: 400, height }, viewport);
        expect(covers(word(top), place, height)).toBe(false);
      }
    }
  });

  it('stays inside the window sideways', () => {
    expect(placeBeside(word(100, 900), { width: 400, height: 100 }, viewport).left).toBe(592);
    expect(placeBeside(word(100, -50), { width: 400, height: 100 }, viewport).left).toBe(8);
  });
});
