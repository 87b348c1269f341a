import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text';
import { choosePassages, documentPassages, isAscii } from './passages';
import { phrasePattern } from './query';
import { SPACED_WORD_CHAR } from './words';

const doc = documentPassages([
  { kind: 'heading', text: 'Harbour notes' },
  { kind: 'boilerplate', text: 'lighthouse ferries gulls (page footer)' },
  { kind: 'paragraph', text: 'The lighthouse keeper wrote letters.' },
  { kind: 'paragraph', text: 'Ferries crossed at dawn, and gulls followed the ferries.' },
  { kind: 'paragraph', text: 'Gulls again, and Müller.' },
]);
const query = (matched: string[][], phrases: string[] = [], prefix?: string) => ({ matched, phrases, ...(prefix ? { prefix } : {}) });
const paragraphs = (chosen: ReturnType<typeof choosePassages>) => chosen && { paragraphs: chosen.positions.map((p) => doc.passages[p]!.paragraph), complete: chosen.complete };

describe('choosing passages', () => {
  it('keeps paragraph numbers, leaves boilerplate out, and knows umlauts both ways', () => {
    expect(doc.passages.map((p) => p.paragraph)).toEqual([0, 2, 3, 4]);
    expect(paragraphs(choosePassages(doc, query([['ferries']])))).toEqual({ paragraphs: [3], complete: true });
    expect(paragraphs(choosePassages(doc, query([['mueller']])))).toEqual({ paragraphs: [4], complete: true });
    expect(paragraphs(choosePassages(doc, query([['muller']])))).toEqual({ paragraphs: [4], complete: true });
    // Whole words only, but for the last word as typed.
    expect(choosePassages(doc, query([['ferr']]))).toBeNull();
    expect(paragraphs(choosePassages(doc, query([['ferr']], [], 'ferr')))).toEqual({ paragraphs: [3], complete: true });
  });

  it('folds a plain ASCII document as a whole, as it folds one with accents', () => {
    const texts = ['GULLS over the Harbour.', 'No birds here; gullsong, seagulls.', 'The gulls-and-ferries line.'];
    const ascii = documentPassages(texts.map((text) => ({ kind: 'paragraph', text })));
    const accented = documentPassages([...texts, 'Café.'].map((text) => ({ kind: 'paragraph', text })));
    expect(ascii.spellings.map((s) => s.text)).toEqual([texts.join('\n').toLowerCase()]);
    expect(accented.spellings[0]!.starts.slice(0, 3)).toEqual(ascii.spellings[0]!.starts);
    for (const d of [ascii, accented]) {
      expect(choosePassages(d, query([['gulls']]))?.positions).toEqual([0, 2]);
      expect(choosePassages(d, query([['harbour'], ['ferries']]))).toEqual({ positions: [0, 2], complete: false });
      expect(choosePassages(d, query([['gull']], [], 'gull'))?.positions).toEqual([0, 1, 2]);
    }
  });

  it('shows every passage holding all the words', () => {
    expect(paragraphs(choosePassages(doc, query([['ferries'], ['gulls']])))).toEqual({ paragraphs: [3], complete: true });
    expect(paragraphs(choosePassages(doc, query([['gulls']])))).toEqual({ paragraphs: [3, 4], complete: true });
  });

  it('falls back to the fewest passages that hold the words between them, most words first', () => {
    expect(paragraphs(choosePassages(doc, query([['lighthouse'], ['ferries'], ['gulls']])))).toEqual({ paragraphs: [2, 3], complete: false });
    expect(paragraphs(choosePassages(doc, query([['harbour'], ['mueller']])))).toEqual({ paragraphs: [0, 4], complete: false });
    expect(choosePassages(doc, query([['lighthouse'], ['zebras']]))).toBeNull();
  });

  it('needs each phrase inside one passage, and completes the last word', () => {
    expect(paragraphs(choosePassages(doc, query([['keeper'], ['wrote'], ['dawn']], ['keeper wrote'])))).toEqual({ paragraphs: [2, 3], complete: false });
    expect(choosePassages(doc, query([['letters'], ['ferries']], ['letters ferries']))).toBeNull();
    expect(paragraphs(choosePassages(doc, query([['dawn'], ['and']], ['dawn and'])))).toEqual({ paragraphs: [3], complete: true });
    expect(choosePassages(doc, query([['dawn'], ['an']], ['dawn an']))).toBeNull();
    expect(paragraphs(choosePassages(doc, query([['keeper'], ['lett']], [], 'lett')))).toEqual({ paragraphs: [2], complete: true });
  });

  it('finds Chinese and Japanese words inside a run of characters, and phrases across them', () => {
    const cjk = documentPassages([
      { kind: 'paragraph', text: '我们需要翻译这本书的第一章。' },
      { kind: 'paragraph', text: '东京的翻译家。新的iPhone手机。' },
      { kind: 'paragraph', text: '東京都に住んでいる翻訳者です。' },
    ]);
    const chosen = (q: ReturnType<typeof query>) => choosePassages(cjk, q)?.positions ?? null;
    expect(chosen(query([['翻译']]))).toEqual([0, 1]);
    expect(chosen(query([['翻译'], ['一章']]))).toEqual([0]);
    expect(chosen(query([['翻訳']]))).toEqual([2]);
    expect(chosen(query([['iphone']]))).toEqual([1]);
    expect(chosen(query([['手机']]))).toEqual([1]);
    expect(chosen(query([['翻译']], ['翻译这本']))).toEqual([0]);
    expect(chosen(query([['iphone'], ['手机']], ['iphone 手机']))).toEqual([1]);
    expect(chosen(query([['本书'], ['东京']]))).toEqual([0, 1]);
  });

  it('finds a phrase in the passages phrasePattern finds it in, whatever the characters around and between', () => {
    const pieces = ['ab', 'b', 'a', '1', ' ', ' ', '-', '.', '\n', '翻', '译', 'か', '𝐀', '𠀀', '\u0301', 'é', '\ud800', '\udc00'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    const phrases = fc.array(fc.constantFrom('ab', 'b', 'a', '1', '翻', '译', '翻译', 'か', '𝐀', '𠀀', 'a𝐀', 'b翻'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(texts, phrases, (text, phrase) => {
        const doc = documentPassages(text.split('\n').map((t) => ({ kind: 'paragraph', text: t })));
        const expected = new Set<number>();
        for (const { text: joined, starts } of doc.spellings)
          for (const match of joined.matchAll(phrasePattern(phrase, false, 'gu'))) expected.add(starts.findLastIndex((s) => s <= match.index));
        const chosen = choosePassages(doc, { matched: [], phrases: [phrase] });
        expect(chosen?.positions ?? []).toEqual([...expected].sort((a, b) => a - b));
      }),
      { numRuns: 600, examples: [['𝐀a', 'a'], ['a𝐀', 'a'], ['𠀀a b', 'a b'], ['a\u0301 b', 'a b'], ['a\nb', 'a b'], ['翻a', '翻 a'], ['a-b', 'a b'], ['ab', 'a b']] },
    );
  }, 30_000);
  it('chooses the passages every word is found in as a whole word, or a few that cover them all', () => {
    const words = ['ab', 'abc', 'b', 'ba', 'e', 'ee', '翻', '翻译'];
    const pieces = [...words, ' ', ' ', '.', 'x', 'É', 'é', 'ÉE', 'AB'];
    const paragraphs = fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')), { minLength: 1, maxLength: 8 });
    const terms = fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(paragraphs, terms, fc.constantFrom(undefined, 'abc', 'ba'), (texts, matched, prefix) => {
        const doc = documentPassages(texts.map((text) => ({ kind: 'paragraph', text })));
        const holds = (text: string, k: number) => {
          const folded = foldText(text);
          const whole = matched[k]!.some((w) => phrasePattern(w, false).test(folded));
          // The last word as typed (three letters or more) also stands for the words it begins.
          return whole || (prefix === 'abc' && k === matched.length - 1 && new RegExp(`(?<!${SPACED_WORD_CHAR})abc`, 'u').test(folded));
        };
        const holding = doc.passages.map(({ text }) => matched.map((_, k) => holds(text, k)));
        const chosen = choosePassages(doc, { matched, phrases: [], ...(prefix ? { prefix } : {}) });
        const complete = holding.flatMap((terms, position) => (terms.every(Boolean) ? [position] : []));
        if (complete.length > 0) expect(chosen).toEqual({ positions: complete, complete: true });
        else if (matched.some((_, k) => !holding.some((terms) => terms[k]))) expect(chosen).toBeNull();
        else {
          expect(chosen?.complete).toBe(false);
          expect(matched.every((_, k) => chosen!.positions.some((position) => holding[position]![k]))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tells plain ASCII text from any other, however long', () => {
    const long = 'a'.repeat(70_000);
    expect([isAscii(''), isAscii('plain text\n'), isAscii(long)]).toEqual([true, true, true]);
    expect([isAscii('café'), isAscii(`${long}é`), isAscii(`${'a'.repeat(65_535)}\u00e9`), isAscii(`${long.slice(0, 65_536)}\ud800`), isAscii('\u0080')]).toEqual([false, false, false, false, false]);
  });
});
