import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../model/document';
import { segmentText } from '../text/segmentation';
import { alignDocuments } from './documents';
import { buildLexicon } from './lexicon';
import { sentenceSpans } from './rows';
import { formSimilarity, learnCooccurrence, lexiconFromTranslations, MAX_ROWS_FOR_STATISTICS, MIN_ROWS_FOR_STATISTICS, wordLinks, wordTokens } from './word-links';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { documents: Array<{ id: string; file: string }> };
const seed = (id: string, language: string): Document => {
  const text = readFileSync(join(corpus, manifest.documents.find((d) => d.id === id)!.file), 'utf8');
  return { meta: { id, title: id, language, origin: 'bundled' }, ...segmentText(text, language) };
};

/** The seed pair (000 English, 001 German) as the parallel view shows it: each row's two texts. */
function seedRows(): Array<[string, string]> {
  const en = seed('000', 'en');
  const de = seed('001', 'de');
  const [spansEn, spansDe] = [sentenceSpans(en), sentenceSpans(de)];
  const text = (doc: Document, spans: Map<string, { start: number; end: number }>, ids: readonly string[]) => ids.map((id) => doc.text.slice(spans.get(id)!.start, spans.get(id)!.end)).join(' ');
  return alignDocuments(en, de).map((r) => [text(en, spansEn, r.a), text(de, spansDe, r.b)]);
}

const indexOf = (text: string, word: string) => wordTokens(text).findIndex((t) => t.text === word);
const linked = (texts: [string, string], links: ReturnType<typeof wordLinks>, side: 0 | 1 = 1) => links.map((l) => wordTokens(texts[side])[l.index]!.text);

describe('word links', () => {
  const rows = seedRows();
  const first = rows[0]!;

  it('in the seed pair, hovering "Alliance" in the first row lights the German "Alliance"', () => {
    const links = wordLinks(first, ['en', 'de'], { side: 'a', index: indexOf(first[0], 'Alliance') });
    expect(linked(first, links)).toContain('Alliance');
    expect(links[0]!.strength).toBeGreaterThan(0.8);
  });

  it('a cognate lights its counterpart by form: "alliance" and "Allianz"', () => {
    const texts: [string, string] = ['The alliance was founded.', 'Die Allianz wurde gegründet.'];
    const links = wordLinks(texts, ['en', 'de'], { side: 'a', index: 1 });
    expect(linked(texts, links)).toEqual(['Allianz']);
    expect(links[0]!.reason).toBe('similar');
  });

  it('a dictionary alone links words that look nothing alike: "event" lights "Veranstaltung" in the seed pair', () => {
    const lexicon = buildLexicon('en', 'de', [['event', ['Veranstaltung', 'Ereignis']]]);
    const hovered = { side: 'a' as const, index: indexOf(first[0], 'event') };
    expect(wordLinks(first, ['en', 'de'], hovered)).toEqual([]);
    const links = wordLinks(first, ['en', 'de'], hovered, { forward: lexicon });
    expect(linked(first, links)).toEqual(['Veranstaltung']);
    expect(links[0]).toMatchObject({ reason: 'dictionary', strength: 0.9 });
  });

  it('the dictionary works from the other side too, and through inflection (stems on both sides)', () => {
    const texts: [string, string] = ['The events marked a new phase.', 'Die Veranstaltungen markierten eine neue Phase.'];
    const backward = lexiconFromTranslations('de', 'en', { Veranstaltung: ['event', 'function'] });
    const links = wordLinks(texts, ['en', 'de'], { side: 'b', index: indexOf(texts[1], 'Veranstaltungen') }, { backward });
    expect(linked(texts, links, 0)).toContain('events');
    const forward = wordLinks(texts, ['en', 'de'], { side: 'a', index: indexOf(texts[0], 'events') }, { backward });
    expect(linked(texts, forward)).toContain('Veranstaltungen');
  });

  it('keeps every translation a dictionary gives, not only the first few', () => {
    const many = Array.from({ length: 30 }, (_, k) => `Wort${String.fromCharCode(97 + (k % 26))}${k}`);
    const forward = lexiconFromTranslations('en', 'de', { event: [...many, 'Veranstaltungen'] });
    const texts: [string, string] = ['The event was long.', 'Die Veranstaltung war lang.'];
    expect(linked(texts, wordLinks(texts, ['en', 'de'], { side: 'a', index: 1 }, { forward }))).toEqual(['Veranstaltung']);
  });

  it('lights nothing when nothing is known, never by position', () => {
    const texts: [string, string] = ['The cat sleeps.', 'Der Hund bellt.'];
    for (let i = 0; i < 3; i++) expect(wordLinks(texts, ['en', 'de'], { side: 'a', index: i })).toEqual([]);
    expect(wordLinks(texts, ['en', 'de'], { side: 'a', index: 9 })).toEqual([]);
  });

  it('numbers match only the same number; short words that coincide across languages do not count', () => {
    expect(formSimilarity('2025', '2025')).toMatchObject({ strength: 1 });
    expect(formSimilarity('2025', '2024')).toBeUndefined();
    expect(formSimilarity('die', 'die')).toBeUndefined();
    expect(formSimilarity('war', 'war')).toBeUndefined();
    expect(formSimilarity('Chongqing', 'Chongqing')).toMatchObject({ reason: 'same' });
    expect(formSimilarity('house', 'Hund')).toBeUndefined();
  });

  it('learns from co-occurrence once the pair has enough rows, and only pairs seen together often enough', () => {
    const filler = ['tree', 'river', 'stone', 'cloud', 'road', 'bread', 'chair'];
    const fillerDe = ['Baum', 'Fluss', 'Stein', 'Wolke', 'Straße', 'Brot', 'Stuhl'];
    const made: Array<[string, string]> = [];
    for (let k = 0; k < 60; k++) {
      const cat = k % 3 === 0;
      made.push([`${cat ? 'cat ' : ''}${filler[k % 7]} ${filler[(k + 3) % 7]}`, `${cat ? 'Katze ' : ''}${fillerDe[(k + 3) % 7]} ${fillerDe[k % 7]}`]);
    }
    made.push(['owl lamp', 'Eule Lampe'], ['owl desk', 'Eule Tisch']);
    expect(learnCooccurrence(made.slice(0, MIN_ROWS_FOR_STATISTICS - 1), ['en', 'de'])).toBeUndefined();
    const statistics = learnCooccurrence(made, ['en', 'de'])!;
    expect(statistics.rows).toBe(62);
    const texts: [string, string] = ['a cat on the tree', 'eine Katze auf dem Baum'];
    const links = wordLinks(texts, ['en', 'de'], { side: 'a', index: 1 }, { cooccurrence: statistics });
    expect(linked(texts, links)).toEqual(['Katze']);
    expect(links[0]).toMatchObject({ reason: 'cooccurrence' });
    // Twice together is chance, however exclusive.
    const owl: [string, string] = ['owl', 'Eule'];
    expect(wordLinks(owl, ['en', 'de'], { side: 'a', index: 0 }, { cooccurrence: statistics })).toEqual([]);
  });

  it('samples a long pair evenly instead of reading every row', () => {
    const long = Array.from({ length: MAX_ROWS_FOR_STATISTICS * 2 + 10 }, (_, k): [string, string] => (k % 2 ? ['the cat', 'die Katze'] : ['a dog', 'ein Hund']));
    const statistics = learnCooccurrence(long, ['en', 'de'])!;
    expect(statistics.rows).toBe(MAX_ROWS_FOR_STATISTICS);
    expect(statistics.dice('cat', 'katz')).toBeCloseTo(1);
    expect(statistics.dice('cat', 'hund')).toBe(0);
  });

  it('the seed pair is too short for statistics', () => {
    expect(rows.length).toBeLessThan(MIN_ROWS_FOR_STATISTICS);
    expect(learnCooccurrence(rows, ['en', 'de'])).toBeUndefined();
  });
});
