import { describe, expect, it } from 'vitest';
import type { Lexicon } from './lexicon';
import { cleanWord, compoundParts, inflectionsOf, lookupCandidates, rankMatches } from './lookup';

function lexicon(words: string[]): Lexicon {
  const keys = new Set(words);
  return {
    has: (key) => keys.has(key),
    withPrefix: (prefix, limit) => [...keys].filter((k) => k.startsWith(prefix)).slice(0, limit),
  };
}

const german = lexicon(['veranstaltung', 'veranstalter', 'ort', 'orte', 'haus', 'tür', 'haustür', 'straße', 'sonne', 'schein', 'allianz', 'tag', 'tage', 'technologie', 'finanz', 'zentrum']);

describe('dictionary lookup', () => {
  it('strips quotes and punctuation around the word', () => {
    expect(cleanWord('„Allianz“,')).toBe('Allianz');
    expect(cleanWord('(Tech-Finanz)')).toBe('Tech-Finanz');
    expect(cleanWord('...')).toBe('');
  });

  it('finds a capitalised noun under its lower-case headword', () => {
    expect(lookupCandidates('Veranstaltung', 'de', german)[0]).toEqual({ key: 'veranstaltung', match: 'case' });
  });

  it('finds the dictionary form of an inflected word with the Snowball stemmer', () => {
    expect(inflectionsOf('Veranstaltungen', 'de', german)).toEqual(['veranstaltung']);
    expect(inflectionsOf('Häuser', 'de', german)).toEqual(['haus']);
    expect(inflectionsOf('Straßen', 'de', german)).toEqual(['straße']);
    expect(inflectionsOf('Veranstalter', 'de', lexicon(['veranstaltung', 'veranstalten']))).toEqual(['veranstalten', 'veranstaltung']);
    expect(inflectionsOf('Veranstalter', 'de', lexicon(['veranstaltung', 'veranstalte']))).toEqual(['veranstalte']);
    expect(lookupCandidates('Veranstaltungen', 'de', german)).toContainEqual({ key: 'veranstaltung', match: 'inflection' });
  });

  it('splits German compounds into known parts, with linking elements and an inflected last part', () => {
    expect(compoundParts('Veranstaltungsort', 'de', german)).toEqual(['veranstaltung', 'ort']);
    expect(compoundParts('Sonnenschein', 'de', german)).toEqual(['sonne', 'schein']);
    expect(compoundParts('Veranstaltungsorte', 'de', lexicon(['veranstaltung', 'sorte', 'ort', 'orte']))).toEqual(['veranstaltung', 'orte']);
    expect(compoundParts('Strassen', 'de', lexicon(['str', 'assen']))).toBeUndefined();
    expect(compoundParts('Technologiefinanzzentrum', 'de', german)).toEqual(['technologie', 'finanz', 'zentrum']);
    expect(compoundParts('Veranstaltungsorte', 'de', german)).toEqual(['veranstaltung', 'orte']);
    expect(compoundParts('Xylophon', 'de', german)).toBeUndefined();
  });

  it('offers a compound the dictionary has whole as it is, its parts otherwise, and parts only for languages that build compounds', () => {
    expect(lookupCandidates('Haustür', 'de', german)).toEqual([{ key: 'haustür', match: 'case' }]);
    expect(lookupCandidates('Haustürschlüssel', 'de', lexicon(['haus', 'tür', 'schlüssel']))).toEqual([
      { key: 'haus', match: 'compound-part' },
      { key: 'tür', match: 'compound-part' },
      { key: 'schlüssel', match: 'compound-part' },
    ]);
    const english = lexicon(['sun', 'shine']);
    expect(lookupCandidates('sunshine', 'en', english)).toEqual([]);
  });

  it('says nothing rather than guessing when no form is known', () => {
    expect(lookupCandidates('Quatsch', 'de', german)).toEqual([]);
  });

  it('ranks direct matches before inflections and compound parts, keeping dictionary order within a kind', () => {
    const ranked = rankMatches([
      { id: 1, match: 'compound-part' as const },
      { id: 2, match: 'inflection' as const },
      { id: 3, match: 'exact' as const },
      { id: 4, match: 'case' as const },
    ]);
    expect(ranked.map((e) => e.id)).toEqual([3, 4, 2, 1]);
  });
});
