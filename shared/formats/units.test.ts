import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks, splitSentences } from '../text/segmentation';
import { oneParagraph, sentenceCount } from './units';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');

describe('sentence counts of translation units', () => {
  it('agree with the library splitter on tricky units in several languages', () => {
    const units: Array<[string, string]> = [
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
    for (const [language, text] of units) expect([text, sentenceCount(text, language)]).toEqual([text, splitSentences(text, language).length]);
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
});
