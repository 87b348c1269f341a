import { describe, expect, it } from 'vitest';
import { placeBeside } from './usePopupPlace';

const viewport = { top: 0, bottom: 800, left: 0, right: 1000 };
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

  it('stays inside the content area: never over the toolbar above it, nor past its sides', () => {
    const area = { top: 130, bottom: 760, left: 0, right: 1024 };
    for (let top = 140; top < 740; top += 23) {
      for (const height of [120, 400, 650, 2000]) {
        const place = placeBeside(word(top, 900), { width: 416, height }, area);
        const bottom = place.top + Math.min(height, place.maxHeight);
        expect(place.top).toBeGreaterThanOrEqual(area.top);
        expect(bottom).toBeLessThanOrEqual(area.bottom);
        expect(covers(word(top, 900), place, height)).toBe(false);
        expect(place.left + 416).toBeLessThanOrEqual(area.right);
      }
    }
    expect(placeBeside(word(500), { width: 400, height: 650 }, area)).toMatchObject({ side: 'above', top: 138, maxHeight: 354 });
    expect(placeBeside(word(100, 20), { width: 300, height: 100 }, { top: 0, bottom: 800, left: 200, right: 900 }).left).toBe(208);
  });

  it('stays inside the window sideways', () => {
    expect(placeBeside(word(100, 900), { width: 400, height: 100 }, viewport).left).toBe(592);
    expect(placeBeside(word(100, -50), { width: 400, height: 100 }, viewport).left).toBe(8);
  });
});

describe('headwords as entries write them', () => {
  const entry = (headword: string, definition: string) => ({ dictionaryId: 'system:x', dictionaryName: 'x', headword, match: 'case' as const, definition });
  it('takes the spelling from the entry when its first line starts with the headword', async () => {
    const { displayHeadword } = await import('./matchLabel');
    expect(displayHeadword(entry('veranstaltung', 'Veranstaltung /fɛɐ̯ˈanʃtaltʊŋ/ <fem>\nevent'))).toBe('Veranstaltung');
    expect(displayHeadword(entry('veranstaltung', 'Veranstaltungen <pl>\nevents'))).toBe('veranstaltung');
    expect(displayHeadword(entry('Haus', 'house'))).toBe('Haus');
  });
});
