import { describe, expect, it } from 'vitest';
import { translationsIn } from './translations';

describe('translations in a definition', () => {
  it('reads one line of translations, without grammar labels, fields and examples', () => {
    const alliance = 'alliance /ɐlˈaɪəns/\nAllianz <fem>, Interessengemeinschaft <fem> [econ.]  [soc.]\n      "the unholy alliance"  - die unheilige Allianz\n see: {alliances}';
    expect(translationsIn(alliance)).toEqual(['Allianz', 'Interessengemeinschaft']);
  });

  it('reads numbered senses and leaves out the glosses between them', () => {
    const berg = 'Berg /bɛʁk/ <n, masc>\n1. montagne, amoncellement, mont\ngroße, steile Erhebung auf der Landoberfläche\n2. mine\nfeste Erdkruste, Untertagebereich; „im Berg“\n3. montagne, mont\nHaufen, Anhäufung';
    expect(translationsIn(berg)).toEqual(['montagne', 'amoncellement', 'mont', 'mine']);
    const gipfel = 'Gipfel /ˈɡɪp͡fl̩/ <n, masc>\n1. sommet 2.\nhöchste Stelle eines Berges\n 3.\npolitisches Gipfeltreffen\n2. sommet, comble';
    expect(translationsIn(gipfel)).toEqual(['sommet', 'comble']);
  });

  it('finds nothing in a definition that is only a headword line', () => {
    expect(translationsIn('word /wɜːd/')).toEqual([]);
  });
});
