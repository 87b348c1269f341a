import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator';
import { languageName } from './languages';
import { setLocale } from './current';

describe('numbers and language names follow the interface language', () => {
  it('writes the search time with the locale decimal separator', () => {
    expect(createTranslator('de').t('search.found', { total: 2, documents: 1, ms: 83.2 })).toContain('83,2 ms');
    expect(createTranslator('en').t('search.found', { total: 2, documents: 1, ms: 83.2 })).toContain('83.2 ms');
  });

  it('names a language in the interface language, and keeps a tag it cannot name', () => {
    setLocale('de');
    expect(languageName('en')).toBe('Englisch');
    setLocale('en');
    expect(languageName('de')).toBe('German');
    expect(languageName('qqq-not-a-tag-at-all!')).toBe('qqq-not-a-tag-at-all!');
  });
});
