import { describe, expect, it } from 'vitest';
import { classifyBlocks } from './blocks';

describe('classifyBlocks', () => {
  it('recognises headings, meta lines and paragraphs', () => {
    expect(
      classifyBlocks(['date 2021-03-08', 'Innovative Talents', 'There are 16 academicians in the city.', 'By YULING CHEN|Apr 16,2020', 'Text follows here.']),
    ).toEqual(['meta', 'heading', 'paragraph', 'meta', 'paragraph']);
  });

  it('treats a labelled line or a last short line as text, not a heading', () => {
    expect(classifyBlocks(['A long enough paragraph of text.', 'Source: Chongqing High-tech Industrial Development Zone'])).toEqual(['paragraph', 'paragraph']);
    expect(classifyBlocks(['Text.', 'Source Chongqing High-Tech Zone'])).toEqual(['paragraph', 'paragraph']);
  });

  it('sweeps a site footer: slogans before the first boilerplate line and short lines after it', () => {
    const blocks = [
      'iChongqing Title',
      'The article itself has a long first paragraph that ends properly.',
      'And a second paragraph.',
      'A Tour in Chongqing, A Gain in Vision',
      'Internet illegal and undesirable information can be reported by calling this telephone number',
      'I Agree Our Privacy Statement & Cookie Policy',
      'Leaving a message',
    ];
    expect(classifyBlocks(blocks)).toEqual(['boilerplate', 'paragraph', 'paragraph', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
  });
});
