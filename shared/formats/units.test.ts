import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks, splitSentences } from '../text/segmentation';
import { oneParagraph, sentenceCount, sentenceCounts } from './units';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');

const tricky: Array<[string, string]> = [
  ['en', 'Press OK.'],
  ['en', 'Press OK. Then wait.'],
  ['en', 'Dr. Smith arrived at 5 p.m. on Monday.'],
  ['en', 'Really?! Yes.'],
  ['en', 'He said "stop." Then he left.'],
  ['en', 'He said "stop."'],
  ['en', 'Version 1.2.3 is out'],
  ['en', 'Wait... what'],
  ['en', 'Use the menu (File > Save).'],
  ['en', 'The end! (See below.)'],
  ['de', 'Das ist z. B. ein Test. Und noch einer.'],
  ['de', 'Am 22. Dezember kommt er.'],
  ['de', '„Halt!“'],
  ['fr', 'Bonjour ! Ça va ?'],
  ['ja', '東京です。大阪です。'],
  ['ja', '東京です。'],
  ['en', 'one\u2029two'],
  ['en', 'tab\there'],
];

/** Each text's sentences as the library splits it alone. */
const alone = (texts: readonly string[], language: string) => texts.map((text) => splitSentences(text, language).length);

describe('sentence counts of translation units', () => {
  it('agree with the library splitter on tricky units in several languages', () => {
    for (const [language, text] of tricky) expect([text, sentenceCount(text, language)]).toEqual([text, splitSentences(text, language).length]);
  });

  it('agree with the library splitter on every paragraph of the seed corpus', () => {
    const files = (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { documents: Array<{ file: string; language: string }> }).documents;
    let checked = 0;
    for (const { file, language } of files) {
      for (const block of splitBlocks(readFileSync(join(corpus, file), 'utf8'))) {
        // Each sentence alone (as a unit of a sentence-level TMX) and the whole paragraph.
        const text = oneParagraph(block);
        const pieces = splitSentences(text, language).map((s) => text.slice(s.start, s.end));
        for (const piece of [text, ...pieces]) {
          if (sentenceCount(piece, language) !== splitSentences(piece, language).length) expect.fail(`${file}: ${piece}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('counted many at once, agree with each unit split alone', () => {
    for (const language of ['en', 'de', 'fr', 'ja']) {
      const texts = tricky.map(([, text]) => text);
      expect(sentenceCounts(texts, language)).toEqual(alone(texts, language));
    }
    // A unit ending in an abbreviation, an initial or a day before a month, and the next one starting
    // small or with the month: the splitter would join them across the units.
    const joined = ['Call Dr.', 'Smith now. Or later.', 'Ask for J.', 'Doe. He knows.', 'It ends on the 22.', 'Dezember. Oder so.', 'See etc.', 'and more. Yes.', 'Spaces only next.', '   ', 'End. Again.', '', 'one\u2029two. Three.'];
    for (const language of ['en', 'de']) expect(sentenceCounts(joined, language)).toEqual(alone(joined, language));
    // Batches are cut near 4,000 characters: units around that length, alone and together.
    const long = (n: number) => `${'Word and more words. '.repeat(n).trim()}`;
    const sizes = [long(150), long(190), long(191), long(200), 'Short. Unit.', long(95), long(95), long(96)];
    expect(sentenceCounts(sizes, 'en')).toEqual(alone(sizes, 'en'));
  });

  it('counted many at once, agree with the library splitter on the seed corpus in every order', () => {
    const files = (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { documents: Array<{ file: string; language: string }> }).documents;
    for (const { file, language } of files) {
      const texts: string[] = [];
      for (const block of splitBlocks(readFileSync(join(corpus, file), 'utf8'))) {
        const text = oneParagraph(block);
        texts.push(text, ...splitSentences(text, language).map((s) => text.slice(s.start, s.end)));
      }
      const expected = alone(texts, language);
      expect(sentenceCounts(texts, language)).toEqual(expected);
      expect(sentenceCounts(texts.slice().reverse(), language)).toEqual(expected.slice().reverse());
      // Every other unit, so sentences meet others than their own neighbours.
      const odd = texts.filter((_, k) => k % 2);
      expect(sentenceCounts(odd, language)).toEqual(expected.filter((_, k) => k % 2));
    }
  });
});
