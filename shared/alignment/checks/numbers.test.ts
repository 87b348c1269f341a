import { describe, expect, it } from 'vitest';
import { spelledNumbers } from './number-words';
import { compareNumbers, quantitiesIn } from './numbers';

const values = (text: string, lang: string) => spelledNumbers(text, lang).map((s) => s.value);
const agree = (a: string, la: string, b: string, lb: string) => {
  const d = compareNumbers(a, la, b, lb);
  return d.onlyA.length + d.onlyB.length === 0;
};

describe('spelled-out numbers', () => {
  it('reads English cardinals and ordinals', () => {
    expect(values('five, twenty-one, one hundred and five, two thousand three hundred', 'en')).toEqual([5, 21, 105, 2300]);
    expect(values('the fifth, twenty-first and hundredth time; the twelfth', 'en')).toEqual([5, 21, 100, 12]);
    expect(values('between five and six', 'en')).toEqual([5, 6]);
  });
  it('reads German compounds and ordinals', () => {
    expect(values('fünf, einundzwanzig, zweihundertdreiundvierzig, dreitausend', 'de')).toEqual([5, 21, 243, 3000]);
    expect(values('am fünften, der erste, die dritte, die siebte, der zwanzigste, die einundzwanzigste', 'de')).toEqual([5, 1, 3, 7, 20, 21]);
    expect(values('einsetzen, einen, Sieb, erst', 'de')).toEqual([]);
  });
  it('reads French cardinals and ordinals', () => {
    expect(values('cinq, vingt et un, quatre-vingt-dix-sept, soixante et onze, deux cents, mille neuf cent quatre-vingt-dix', 'fr')).toEqual([5, 21, 97, 71, 200, 1990]);
    expect(values('la cinquième, le neuvième, le vingt et unième, la première', 'fr')).toEqual([5, 9, 21, 1]);
  });
  it('knows which words are often not numbers', () => {
    expect(spelledNumbers('one of them', 'en')[0]!.weak).toBe(true);
    expect(spelledNumbers('five of them', 'en')[0]!.weak).toBe(false);
  });
  it('leaves languages it has no table for alone', () => {
    expect(values('cinco', 'es')).toEqual([]);
  });
});

describe('numbers with digits', () => {
  it('reads separators the way each language writes them', () => {
    expect(quantitiesIn('36,464 and 36.464 and 36 464 and 3.5 and 3,5 and 1,234.56 and 1.234,56', 'en').map((q) => q.value)).toEqual(['36464', '36464', '36464', '3.5', '3.5', '1234.56', '1234.56']);
  });
  it('reads numbers glued to suffixes and units', () => {
    expect(quantitiesIn('64bit, 386er, 5th, 5e, 1er, 10km', 'en').map((q) => q.value)).toEqual(['64', '386', '5', '5', '1', '10']);
  });
  it('scales millions and billions', () => {
    expect(quantitiesIn('1.5 million, 2bn', 'en').map((q) => q.value)).toEqual(['1500000', '2000000000']);
    expect(quantitiesIn('1,5 Mio. und 3 Milliarden', 'de').map((q) => q.value)).toEqual(['1500000', '3000000000']);
  });
});

describe('numbers that agree across languages', () => {
  const same: Array<[string, string, string, string]> = [
    ['5 days', 'en', 'fünf Tage', 'de'],
    ['five days', 'en', 'cinq jours', 'fr'],
    ['twenty-one', 'en', 'einundzwanzig', 'de'],
    ['twenty-one', 'en', 'vingt et un', 'fr'],
    ['21 steps', 'en', 'vingt et un pas', 'fr'],
    ['the 5th edition', 'en', 'die 5. Auflage', 'de'],
    ['the 5th edition', 'en', 'la 5e édition', 'fr'],
    ['the fifth edition', 'en', 'die 5. Auflage', 'de'],
    ['a 64bit system', 'en', 'ein 64-Bit-System', 'de'],
    ['the 386 model', 'en', 'das 386er Modell', 'de'],
    ['July 5th, 2024', 'en', '5. Juli 2024', 'de'],
    ['July 5th, 2024', 'en', 'le 5 juillet 2024', 'fr'],
    ['on 05.07.2024', 'de', 'on July 5, 2024', 'en'],
    ['on 2024-07-05', 'en', 'am 5. Juli 2024', 'de'],
    ['grew by 15%', 'en', 'wuchs um 15 %', 'de'],
    ['grew by 15 percent', 'en', 'a augmenté de 15 pour cent', 'fr'],
    ['$1.5 million', 'en', '1,5 Mio. $', 'de'],
    ['€1,500,000', 'en', '1,5 Millionen €', 'de'],
    ['USD 36,464.50', 'en', '36 464,50 USD', 'fr'],
    ['one of them', 'en', 'l’un d’eux', 'fr'],
    ['You may go', 'en', 'Sie dürfen gehen', 'de'],
  ];
  it.each(same)('%s (%s) = %s (%s)', (a, la, b, lb) => expect(agree(a, la, b, lb)).toBe(true));
});

describe('numbers that were changed', () => {
  const changed: Array<[string, string, string, string]> = [
    ['5 days', 'en', 'sechs Tage', 'de'],
    ['five days', 'en', 'sechs Tage', 'de'],
    ['5 days', 'en', '6 Tage', 'de'],
    ['twenty-one', 'en', 'zweiundzwanzig', 'de'],
    ['the 5th edition', 'en', 'la 6e édition', 'fr'],
    ['July 5th, 2024', 'en', '5. Juni 2024', 'de'],
    ['July 5th, 2024', 'en', '5. Juli 2025', 'de'],
    ['3.5 kg', 'en', '3,6 kg', 'de'],
    ['36,464 people', 'en', '36.446 Menschen', 'de'],
    ['$1.5 million', 'en', '15 Mio. $', 'de'],
    ['a 64bit system', 'en', 'ein 32-Bit-System', 'de'],
    ['grew by 15%', 'en', 'a augmenté de 16 %', 'fr'],
  ];
  it.each(changed)('%s (%s) != %s (%s)', (a, la, b, lb) => expect(agree(a, la, b, lb)).toBe(false));
});
