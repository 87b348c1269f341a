import { describe, expect, it } from 'vitest';
import { consistency } from './consistency';
import { doubled, endPunctuation, formFindings, unbalanced, untranslated } from './form';

describe('form checks', () => {
  it('flags ? ! : against another end mark, not . against none', () => {
    expect(endPunctuation('Is it ready?', 'Ist es fertig.')).toMatch(/question mark/);
    expect(endPunctuation('Note:', 'Hinweis')).toMatch(/colon/);
    expect(endPunctuation('Is it ready?', 'Est-ce prêt ?')).toBeNull();
    expect(endPunctuation('He said “go!”', 'Er sagte „geh!“')).toBeNull();
    expect(endPunctuation('Introduction', 'Einleitung.')).toBeNull();
  });
  it('flags a copied row of three words or more, not a name', () => {
    expect(untranslated('Press the button now', 'Press the button now')).toBe(true);
    expect(untranslated('Chongqing', 'Chongqing')).toBe(false);
  });
  it('finds doubled words and spaces, but not doubles a language uses', () => {
    expect(doubled('Drücken Sie die die Taste')).toBeNull();
    expect(doubled('Press the the button')).toBe('"the the"');
    expect(doubled('Press  the button')).toBe('two spaces in a row');
    expect(doubled('Nous nous levons')).toBeNull();
  });
  it('finds brackets and quotes left open', () => {
    expect(unbalanced('See (page 5')).toEqual(['()']);
    expect(unbalanced('„Go“ and “go”')).toEqual([]);
    expect(unbalanced('He said "go')).toEqual(['"']);
  });
  it('reports unbalanced marks only when the sides differ', () => {
    expect(formFindings('He said: “Go.', 'Er sagte: „Geh.', 'EN', 'DE').map((f) => f.kind)).toEqual([]);
    expect(formFindings('See (page 5).', 'Siehe (Seite 5.', 'EN', 'DE').map((f) => f.kind)).toEqual(['unbalanced']);
  });
});

describe('consistency', () => {
  it('flags one source translated two ways, and one translation of two sources', () => {
    const pairs: Array<[string, string]> = [
      ['Switch the device off first.', 'Schalten Sie das Gerät zuerst aus.'],
      ['Switch the device off first.', 'Zuerst das Gerät ausschalten.'],
      ['Turn the device off first.', 'Schalten Sie das Gerät zuerst aus.'],
      ['Yes', 'Ja'],
      ['Yes', 'Jawohl'],
    ];
    const found = consistency(pairs).map((f) => `${f.kind}:${f.row}:${f.others.join(',')}`);
    expect(found).toEqual(['inconsistent-source:0:1', 'inconsistent-source:1:0', 'inconsistent-target:0:2', 'inconsistent-target:2:0']);
  });
});
