import { describe, expect, it } from 'vitest';
import { extractAnchors } from './anchors';
import { alignSegments, anchorNames } from './engine';
import { buildLexicon, LEXICON_PREFIX, withLexiconAnchors } from './lexicon';

const lexicon = buildLexicon('de', 'fr', [
  ['Berg', ['montagne', 'mont']],
  ['Hütte', ['cabane']],
  ['Gipfel', ['sommet']],
  ['Kartoffel', ['pomme de terre']],
]);

describe('dictionary evidence for the aligner', () => {
  it('maps stems to stems, inflected forms on both sides included', () => {
    expect(lexicon.targets('berg')).toEqual(['montagn', 'mont']);
    expect(lexicon.targets('hutt')).toEqual(['caban']);
    // A multi-word translation gives its content words, not "de".
    expect(lexicon.targets('kartoffel')).toEqual(['pomm', 'terr']);
    expect(lexicon.size).toBe(4);
  });

  it('gives a sentence and its translation a shared anchor for each translated word', () => {
    const [[a], [b]] = withLexiconAnchors([{ text: 'Die Hütten am Berg.' }], [{ text: 'Les cabanes de la montagne.' }], lexicon);
    const shared = anchorNames(a!).filter((x) => x.startsWith(LEXICON_PREFIX) && anchorNames(b!).includes(x));
    expect(shared.sort()).toEqual(['~caban', '~montagn']);
  });

  it('keeps the anchors of each segment as extractAnchors finds them, or as the caller gave them, and adds those of the dictionary', () => {
    const texts = ['« Die Hütten am Berg », sagte er 1912: 36.464 Gipfel?', 'Straße, Œuvre, l’été.'];
    const [withOwn] = withLexiconAnchors(texts.map((text) => ({ text })), [{ text: 'La cabane, le mont, la montagne.' }], lexicon);
    withOwn.forEach((segment, k) => {
      expect(anchorNames(segment).filter((x) => !x.startsWith(LEXICON_PREFIX)).sort()).toEqual(extractAnchors(texts[k]!).sort());
    });
    // "Gipfel" would give "~sommet", but no sommet is on the other side: an anchor that cannot be shared is left out.
    expect(anchorNames(withOwn[0]!).filter((x) => x.startsWith(LEXICON_PREFIX)).sort()).toEqual(['~caban', '~mont', '~montagn']);
    const [[given]] = withLexiconAnchors([{ text: 'Der Berg.', anchors: ['#7'] }], [{ text: 'La montagne, le mont.' }], lexicon);
    expect(anchorNames(given!).sort()).toEqual(['#7', '~mont', '~montagn']);
  });

  it('gives every segment its anchors when a side has many more of the dictionary than words', () => {
    const many = buildLexicon('de', 'fr', [['Berg', ['montagne', 'mont', 'sommet', 'pic', 'cime', 'crête', 'colline', 'massif']]]);
    const targets = many.targets('berg')!.map((stem) => `${LEXICON_PREFIX}${stem}`).sort();
    expect(targets).toHaveLength(8);
    const source = Array.from({ length: 1000 }, (_, k) => ({ text: k % 2 ? 'Berg.' : 'Der Berg 12.' }));
    const [withSource] = withLexiconAnchors(source, [{ text: 'La montagne, le mont, le sommet, le pic, la cime, la crête, la colline, le massif.' }], many);
    withSource.forEach((segment, k) => expect(anchorNames(segment).sort()).toEqual([...(k % 2 ? [] : ['#12']), 'berg', ...targets].sort()));
  });

  it('finds the sentence a translation renders by what its words mean, where lengths point elsewhere', () => {
    const de = [
      'Am Nachmittag erreichten wir nach langem Aufstieg endlich den Gipfel.',
      'Am Abend kamen wir müde und hungrig zurück zu unserer kleinen Hütte.',
      'Der Wind wehte stark und kalt über den breiten Grat zu uns herab.',
    ].map((text) => ({ text }));
    const fr = ["Dans l'après-midi, après une longue montée, nous atteignîmes enfin le sommet.", 'Le soir, nous revînmes fatigués et affamés à notre petite cabane.'].map((text) => ({ text }));
    const rows = (beads: Array<{ a: number[]; b: number[] }>) => beads.map((bead) => [bead.a, bead.b]);
    const [a, b] = withLexiconAnchors(de, fr, lexicon);
    // Three sentences this short give each word little weight by rarity; the weight is raised to show the mechanism.
    expect(rows(alignSegments(a, b, { weights: { dictionary: 3 } }).beads)).toEqual([[[0], [0]], [[1], [1]], [[2], []]]);
    expect(rows(alignSegments(de, fr, { weights: { dictionary: 3 } }).beads)).not.toEqual([[[0], [0]], [[1], [1]], [[2], []]]);
  });
});
