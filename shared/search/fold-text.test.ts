import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { foldText, foldUnit } from './fold-text';

describe('folding a long text', () => {
  it('folds every character as fold does, whatever stands around it', () => {
    const differing: string[] = [];
    // Every character of the Basic Multilingual Plane, one in seven beyond it.
    for (let code = 0x80; code <= 0x2ffff; code += code > 0xffff ? 7 : 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCodePoint(code);
      for (const text of [`a${c}b`, `Ä${c}${c}e\u0301`, `ΟΔΟ${c}`, `${c}Σ İ`]) if (foldText(text) !== fold(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
  }, 60_000);

  it('folds sentences as fold does', () => {
    for (const text of ['Herr Müller aus Zürich, Straße 5: cœur, Ærø, naïve café.', 'Ο ΔΡΟΜΟΣ ΕΙΝΑΙ ΜΑΚΡΥΣ, ΟΔΟΣa.', 'e\u0301cole İstanbul ǅemal ﬁne', '我们需要翻译这本书的第一章。iPhone手机', 'plain ASCII, Upper Case']) {
      expect(foldText(text)).toBe(fold(text));
      expect([...text].map((c) => [...c].map(foldUnit).join(''))).toEqual([...text].map((c) => [...c].map((u) => fold(u)).join('')));
    }
  });
});
