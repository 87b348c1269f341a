import { describe, expect, it } from 'vitest';
import { fold, foldVariants } from './fold';

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold('Müller')).toBe('muller');
    expect(fold('Élysée')).toBe('elysee');
    expect(fold('plain')).toBe('plain');
  });

  it('spells out German and French letters that are not accents', () => {
    expect(fold('Straßburg')).toBe('strassburg');
    expect(fold('STRAẞE')).toBe('strasse');
    expect(fold('Œuvre')).toBe('oeuvre');
    expect(fold('cœur')).toBe('coeur');
    expect(fold('Æsop')).toBe('aesop');
    expect(fold('Øresund')).toBe('oresund');
  });

  it('offers the German umlaut spelt with an e as a second form', () => {
    expect(foldVariants('Müller')).toEqual(['muller', 'mueller']);
    expect(foldVariants('Köln')).toEqual(['koln', 'koeln']);
    expect(foldVariants('Straße')).toEqual(['strasse']);
    expect(foldVariants('café')).toEqual(['cafe']);
  });
});
