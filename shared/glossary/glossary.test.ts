import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/xml';
import { readGlossaryCsv, writeGlossaryCsv } from './csv';
import { termMatcher } from './match';
import { readTbx, writeTbx } from './tbx';

const glossary = {
  source: 'en',
  target: 'de',
  entries: [
    { term: 'finance centre', translations: ['Finanzzentrum'] },
    { term: 'alliance', translations: ['Allianz', 'Bündnis'] },
    { term: 'device', translations: ['Gerät'] },
  ],
};

describe('glossary terms in rows', () => {
  const matcher = termMatcher(glossary);
  it('accepts any allowed translation, inflected', () => {
    expect(matcher.misses('The alliances met.', 'Die Bündnisse trafen sich.')).toEqual([]);
    expect(matcher.misses('Two devices', 'Zwei Geräte')).toEqual([]);
    expect(matcher.misses('its finance centres', 'seine Finanzzentren')).toEqual([]);
  });
  it('accepts a German compound that ends in the translation', () => {
    expect(matcher.misses('the device', 'das Messgerät')).toEqual([]);
  });
  it('flags a term whose translations are all missing', () => {
    expect(matcher.misses('The alliance met.', 'Der Verbund traf sich.').map((m) => m.term)).toEqual(['alliance']);
  });
  it('ignores rows without the term', () => {
    expect(matcher.misses('Nothing here', 'Hier nichts')).toEqual([]);
  });
});

describe('glossary files', () => {
  it('round-trips CSV with a header and several translations', () => {
    const csv = writeGlossaryCsv(glossary);
    expect(csv.split('\r\n')[0]).toBe('en,de');
    expect(readGlossaryCsv(csv, 'en', 'de')).toEqual(glossary);
  });
  it('reads CSV with one translation per column and quoted commas', () => {
    expect(readGlossaryCsv('alliance,Allianz,Bündnis\n"hub, central",Drehkreuz\n', 'en', 'de').entries).toEqual([
      { term: 'alliance', translations: ['Allianz', 'Bündnis'] },
      { term: 'hub, central', translations: ['Drehkreuz'] },
    ]);
  });
  it('refuses a CSV row without a translation, naming the file', () => {
    expect(() => readGlossaryCsv('alliance\n', 'en', 'de', 'terms.csv')).toThrow(/terms\.csv/);
  });
  it('round-trips TBX-Basic', () => {
    expect(readTbx(writeTbx(glossary), 'en', 'de')).toEqual(glossary);
  });
  it('reads TBX 3 concept entries', () => {
    const tbx = `<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader/><text><body>
      <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>device</term></termSec></langSec><langSec xml:lang="de-DE"><termSec><term>Gerät</term></termSec></langSec></conceptEntry>
    </body></text></tbx>`;
    expect(readTbx(tbx, 'en', 'de').entries).toEqual([{ term: 'device', translations: ['Gerät'] }]);
  });
  it('refuses entity declarations', () => {
    const evil = `<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>`;
    expect(() => readTbx(evil, 'en', 'de')).toThrow(FormatError);
  });
});
