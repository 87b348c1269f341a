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

describe('headwords as entries write them', () => {
  const entry = (headword: string, definition: string) => ({ dictionaryId: 'system:x', dictionaryName: 'x', headword, match: 'case' as const, definition });
  it('takes the spelling from the entry when its first line starts with the headword', async () => {
    const { displayHeadword } = await import('./matchLabel');
    expect(displayHeadword(entry('veranstaltung', 'Veranstaltung /fɛɐ̯ˈanʃtaltʊŋ/ <fem>\nevent'))).toBe('Veranstaltung');
    expect(displayHeadword(entry('veranstaltung', 'Veranstaltungen <pl>\nevents'))).toBe('veranstaltung');
    expect(displayHeadword(entry('Haus', 'house'))).toBe('Haus');
  });
});
