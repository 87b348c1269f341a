import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../text/segmentation';
import { cafeGuide, lighthouseReport, tideTables } from './fixtures/unrelated';
import { packProfile, pairEvidence, profileOf, unpackProfile } from './pairing';

const root = join(import.meta.dirname, '..', '..');
const seed = (file: string) => readFileSync(join(root, 'corpus', file), 'utf8');
const profile = (text: string, language = 'en') => {
  const doc = segmentText(text, language);
  return profileOf(doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) })));
};

const texts = {
  en000: profile(seed('000_215b7419f4917f36.txt')),
  de001: profile(seed('001_60f9e0f360a24205.txt'), 'de'),
  en002: profile(seed('002_d321dad4e0970c20.txt')),
  en003: profile(seed('003_ce8363ce72d294e2.txt')),
  en004: profile(seed('004_e1fa18a9873fe279.txt')),
  fr000: profile(readFileSync(join(root, 'e2e', 'data', '000-fr.txt'), 'utf8'), 'fr'),
  cafe: profile(cafeGuide),
  lighthouse: profile(lighthouseReport),
  tides: profile(tideTables),
};

describe('pairing suggestions', () => {
  it('recognise the seed translations, and say why', () => {
    const de = pairEvidence(texts.de001, texts.en000);
    expect(de).not.toBeNull();
    expect(de!.reasons.join(' · ')).toMatch(/paragraphs.*shared (number|name)/);
    expect(pairEvidence(texts.fr000, texts.en000)).not.toBeNull();
    expect(pairEvidence(texts.fr000, texts.de001)).not.toBeNull();
  });

  it('do not offer a text on the same topic that translates nothing', () => {
    const unrelated = ['en002', 'en003', 'en004', 'cafe', 'lighthouse', 'tides'] as const;
    for (const name of unrelated) {
      expect([name, pairEvidence(texts.de001, texts[name])]).toEqual([name, null]);
      expect([name, pairEvidence(texts.fr000, texts[name])]).toEqual([name, null]);
    }
  });

  it('need shared numbers and names, not only a fitting length and structure', () => {
    for (const name of ['en002', 'en003', 'en004', 'cafe', 'lighthouse', 'tides'] as const) {
      const sameShape = { ...texts[name], chars: texts.de001.chars, paragraphs: texts.de001.paragraphs };
      expect([name, pairEvidence(texts.de001, sameShape)]).toEqual([name, null]);
    }
  });

  it('keep a profile small', () => {
    expect(JSON.stringify(texts.en004).length).toBeLessThan(2000);
  });
});

describe('stored pairing profiles', () => {
  it('pack into two strings and back, empty lists included', () => {
    for (const profile of [texts.de001, texts.tides, { numbers: [], names: [], chars: 0, paragraphs: 0 }]) {
      const stored = packProfile(profile);
      expect(typeof stored.numbers).toBe('string');
      expect(unpackProfile(JSON.parse(JSON.stringify(stored)))).toEqual(profile);
    }
  });

  it('read the arrays older imports stored, and nothing that is neither form', () => {
    expect(unpackProfile(texts.en000)).toEqual(texts.en000);
    for (const bad of [null, 'x', { ...texts.en000, chars: -1 }, { ...packProfile(texts.en000), names: 'a'.repeat(9) }, { numbers: '1 2', names: 7, chars: 1, paragraphs: 1 }]) {
      expect(unpackProfile(bad)).toBeNull();
    }
  });
});
