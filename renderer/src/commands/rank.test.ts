import { describe, expect, it } from 'vitest';
import { rankByLabel } from './rank';

const labels = (items: Array<{ label: string }>) => items.map((i) => i.label);

describe('rankByLabel', () => {
  const commands = [{ label: 'Highlights and notes' }, { label: 'Go to the library' }, { label: 'Theme: light' }, { label: 'Theme: dark' }, { label: 'Highlight this row' }];

  it('puts a whole-word match above a match inside a word', () => {
    expect(labels(rankByLabel(commands, 'light'))).toEqual(['Theme: light', 'Highlights and notes', 'Highlight this row']);
  });

  it('puts the start of a word above its inside, and needs every word', () => {
    expect(labels(rankByLabel(commands, 'high'))).toEqual(['Highlights and notes', 'Highlight this row']);
    expect(labels(rankByLabel(commands, 'theme dark'))).toEqual(['Theme: dark']);
    expect(rankByLabel(commands, 'nothing like it')).toEqual([]);
  });

  it('keeps the order when nothing is typed, and folds case and accents', () => {
    expect(rankByLabel(commands, '  ')).toEqual(commands);
    expect(labels(rankByLabel([{ label: 'Thème : clair' }], 'THEME'))).toEqual(['Thème : clair']);
  });
});
