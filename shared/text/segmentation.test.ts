import { describe, expect, it } from 'vitest';
import { segmentText, splitBlocks, splitSentences } from './segmentation';

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
