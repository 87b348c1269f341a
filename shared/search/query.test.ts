import { describe, expect, it } from 'vitest';
import { containsPhrases, foldTerm, parseQuery, snippet } from './query';

describe('search queries', () => {
  it('folds accents and case', () => {
    expect(foldTerm('Müller')).toBe('muller');
    expect(foldTerm('ÉTÉ')).toBe('ete');
  });

  it('splits terms and quoted phrases', () => {
    expect(parseQuery('"Tech  Finance" Chongqing Zürich')).toEqual({ terms: ['tech', 'finance', 'chongqing', 'zurich'], phrases: ['tech finance'] });
    expect(parseQuery('   ')).toEqual({ terms: [], phrases: [] });
  });

  it('checks phrases word by word', () => {
    expect(containsPhrases('Innovative tech-finance practices', ['tech finance'])).toBe(true);
    expect(containsPhrases('finance and tech', ['tech finance'])).toBe(false);
  });

  it('marks prefix matches in a snippet, accent-insensitively', () => {
    const { parts, first } = snippet('Herr Müller traf die Mullers in München.', ['muller']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Müller', 'Mullers']);
    expect(first).toBe(5);
    expect(parts.map((p) => p.text).join('')).toBe('Herr Müller traf die Mullers in München.');
    const ascii = snippet('Herr Muller traf die MULLERS in Munchen.', ['muller']);
    expect(ascii.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Muller', 'MULLERS']);
    expect(ascii.first).toBe(5);
  });

  it('cuts long texts around the first hit', () => {
    const text = `${'word '.repeat(100)}target ${'tail '.repeat(100)}`;
    const { parts } = snippet(text, ['target'], 80);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.length).toBeLessThan(90);
    expect(parts.find((p) => p.hit)?.text).toBe('target');
  });

  it('keeps a Chinese or Japanese run as one term, split from a spaced word it is written against', () => {
    expect(parseQuery('翻译 東京都に')).toEqual({ terms: ['翻译', '東京都に'], phrases: [] });
    expect(parseQuery('新的iPhone手机')).toEqual({ terms: ['新的', 'iphone', '手机'], phrases: [] });
    expect(parseQuery('"翻译这本"')).toEqual({ terms: ['翻译这本'], phrases: ['翻译这本'] });
  });

  it('marks a Chinese or Japanese word inside its sentence, and a spaced word next to one', () => {
    const hits = (text: string, terms: string[]) => snippet(text, terms).parts.filter((p) => p.hit).map((p) => p.text);
    expect(hits('我们需要翻译这本书的第一章。', ['翻译'])).toEqual(['翻译']);
    expect(hits('東京都に住んでいる翻訳者です。', ['翻訳', '東京'])).toEqual(['東京', '翻訳']);
    expect(hits('新的iPhone手机', ['iphone'])).toEqual(['iPhone']);
    expect(hits('新的iPhone手机', ['手机'])).toEqual(['手机']);
    expect(containsPhrases('我们需要翻译这本书', ['翻译这本'])).toBe(true);
    expect(containsPhrases('我们需要翻译这本书', ['这本翻译'])).toBe(false);
  });
});

