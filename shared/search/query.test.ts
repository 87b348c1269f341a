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
});
