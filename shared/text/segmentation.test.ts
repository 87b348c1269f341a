import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, documentText, segmentBlocks, segmentText, sentenceWindows, splitBlocks, splitSentences } from './segmentation';

const sentences = (text: string, language = 'en') => splitSentences(text, language).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not break after month abbreviations before a number', () => {
    expect(sentences('CHONGQING, China, Dec. 22, 2025 (GLOBE NEWSWIRE) -- At the event, alliances formed. Then it ended.')).toEqual([
      'CHONGQING, China, Dec. 22, 2025 (GLOBE NEWSWIRE) -- At the event, alliances formed.',
      'Then it ended.',
    ]);
  });

  it('keeps company abbreviations and titles inside the sentence', () => {
    expect(sentences('Mr. Smith joined Meier & Co. KG in May. He left in June.')).toEqual(['Mr. Smith joined Meier & Co. KG in May.', 'He left in June.']);
  });

  it('keeps decimal and thousands separators inside numbers', () => {
    expect(sentences('Spending was 36.464 billion RMB. Patents exceeded 34,800 items.')).toEqual([
      'Spending was 36.464 billion RMB.',
      'Patents exceeded 34,800 items.',
    ]);
  });

  it('handles German ordinals before months, spaced abbreviations and "Nr."', () => {
    expect(sentences('Am 22. Dezember gab es z. B. Äpfel. Das Wachstum lag bei 15 %. Nr. 5 ist gut.', 'de')).toEqual([
      'Am 22. Dezember gab es z. B. Äpfel.',
      'Das Wachstum lag bei 15 %.',
      'Nr. 5 ist gut.',
    ]);
  });

  it('keeps initials together', () => {
    expect(sentences('Notes by G. O. Dyhrenfurth follow. They are short.')).toEqual(['Notes by G. O. Dyhrenfurth follow.', 'They are short.']);
  });

  it('still splits at ordinary sentence ends, questions and quotes', () => {
    expect(sentences('Is it done? "Yes." It grew 15%. Then it stopped!')).toEqual(['Is it done?', '"Yes."', 'It grew 15%.', 'Then it stopped!']);
  });

  it('falls back to English rules for an unknown or invalid language tag', () => {
    expect(sentences('One. Two.', 'xx-invalid-$$')).toEqual(['One.', 'Two.']);
  });
});

describe('splitBlocks', () => {
  it('normalises line ends, BOM, control characters and Unicode form', () => {
    expect(splitBlocks('\uFEFFFirst\u0007 line\r\n\r\nCafe\u0301 au lait\r\n')).toEqual(['First line', 'Café au lait']);
  });

  it('joins hard-wrapped lines but keeps list items apart', () => {
    expect(splitBlocks('A paragraph that\nwraps across\nlines.\n\nIntro:\n- one\n- two\n\n\n\nEnd.')).toEqual([
      'A paragraph that wraps across lines.',
      'Intro:',
      '- one',
      '- two',
      'End.',
    ]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks(' \n\n \t \n')).toEqual([]);
  });
});

describe('segmentText', () => {
  const raw = 'Heading Line\n\nFirst sentence here. Second one.\n\nSource: Somewhere';
  const seg = segmentText(raw, 'en');

  it('gives offsets that point into the normalised text', () => {
    for (const p of seg.paragraphs) {
      for (const s of p.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(seg.text.slice(s.start, s.end)).toBe(seg.text.slice(s.start, s.end).trim());
      }
    }
    expect(seg.paragraphs.map((p) => seg.text.slice(p.start, p.end))).toEqual(['Heading Line', 'First sentence here. Second one.', 'Source: Somewhere']);
  });

  it('numbers paragraphs and sentences with stable ids', () => {
    expect(seg.paragraphs.map((p) => [p.id, p.kind, p.sentences.map((s) => s.id)])).toEqual([
      ['p0', 'heading', ['p0s0']],
      ['p1', 'paragraph', ['p1s0', 'p1s1']],
      ['p2', 'paragraph', ['p2s0']],
    ]);
    expect(segmentText(raw, 'en')).toEqual(seg);
  });

  it('counts words, leaving boilerplate out', () => {
    expect(seg.wordCount).toBe(9);
    const withFooter = segmentText(`${'Word '.repeat(20)}end.\n\nMore text here.\n\nI Agree\n\nOur Privacy Statement & Cookie Policy`, 'en');
    expect(withFooter.paragraphs.map((p) => p.kind)).toEqual(['paragraph', 'paragraph', 'boilerplate', 'boilerplate']);
    expect(withFooter.wordCount).toBe(24);
  });
});

describe('a long paragraph, fed to the sentence iterator a window at a time', () => {
  const corpus = join(import.meta.dirname, '..', '..', 'corpus');
  const seed = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8'));
  const asOneBlock = (text: string) => splitBlocks(text).join(' ');
  const spans = (text: string, language: string, window: number) => splitSentences(text, language, window).map((s) => text.slice(s.start, s.end));

  it('gives the same sentences as the whole block at once, for each seed document made one paragraph', () => {
    for (const text of seed.map(asOneBlock)) {
      const language = /\b(der|die|und)\b/.test(text) ? 'de' : 'en';
      const whole = spans(text, language, 1e9);
      expect(whole.length).toBeGreaterThan(10);
      for (const window of [40, 150, 700]) expect(spans(text, language, window)).toEqual(whole);
    }
  });

  it('joins again a sentence that a window had to cut at a space', () => {
    const text = `${'word '.repeat(400)}ends here. Next one. ${'другое слово '.repeat(300)}конец. 最后一句。再见。`;
    expect(sentenceWindows(text, 100).some((w) => w.forced)).toBe(true);
    expect(spans(text, 'en', 100)).toEqual(spans(text, 'en', 1e9));
  });

  it('cuts windows only where a sentence ends when it can, and covers the block without gaps', () => {
    const text = Array.from({ length: 500 }, (_, i) => `Sentence ${i} is "here" (really).`).join(' ');
    const windows = sentenceWindows(text, 300);
    expect(windows.length).toBeGreaterThan(10);
    expect(windows.every((w) => !w.forced)).toBe(true);
    expect(windows[0]!.start).toBe(0);
    expect(windows[windows.length - 1]!.end).toBe(text.length);
    for (let k = 1; k < windows.length; k++) expect(windows[k]!.start).toBe(windows[k - 1]!.end);
    expect(splitSentences(text, 'en')).toHaveLength(500);
  });
});

describe('counting words of a long text written without spaces, a window at a time', () => {
  it('counts as the whole text at once where windows are cut at punctuation', () => {
    const text = '我们今天去公园散步。'.repeat(400) + 'ภาษาไทยเขียนติดกัน '.repeat(100);
    expect(countWords(text, 100)).toBe(countWords(text, 1e9));
    expect(countWords(text, 1e9)).toBeGreaterThan(1000);
  });
});

describe('a document text without segmenting', () => {
  it('is the text segmentBlocks lays out, blocks without text dropped', () => {
    const blocks = [
      { kind: 'heading' as const, text: 'Der Titel' },
      { kind: 'paragraph' as const, text: '' },
      { kind: 'paragraph' as const, text: 'Erster Satz. Zweiter Satz, z. B. mit Abkürzung.' },
      { kind: 'boilerplate' as const, text: 'Seite 3' },
      { kind: 'paragraph' as const, text: 'Dritter.' },
    ];
    expect(documentText(blocks)).toBe(segmentBlocks(blocks, 'de').text);
    expect(documentText([])).toBe(segmentBlocks([], 'de').text);
  });
});

describe('counting words of ASCII text letter by letter', () => {
  it("counts as the word pattern does: runs of letters and digits, joined by one ' . or -", () => {
    const pattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = ['word', 'A1', '42', "'", '.', '-', '--', ' ', ',', '\n', '_', 'x', "don't", 'e-mail', 'U.S.A.', '3.14', '@', '\t'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(pattern)?.length ?? 0);
    }
    expect(countWords("It's a well-known fact: 3.14 -- U.S.A.")).toBe(6);
  });
});
