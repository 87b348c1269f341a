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

// Cases from the Debian Installation Guide EN/DE (npm run eval:checks), each as it was flagged or missed.
describe('numbers in a real manual', () => {
  it('reads digits glued to letters before them, as in identifiers (UTF8, amd64, eth0, IPv4, md5sum)', () => {
    expect(agree('configure your terminal for UTF-8 encoding', 'en', 'Ihr Terminal auf UTF8-Zeichenkodierung konfigurieren', 'de')).toBe(true);
    expect(agree('Both AMD64 and Intel 64 processors', 'en', 'Sowohl AMD74- als auch Intel 64-Prozessoren', 'de')).toBe(false);
    expect(agree('auto eth0', 'en', 'auto eth1', 'de')).toBe(false);
    expect(agree('IPv4 example', 'en', 'IPv5-Beispiel', 'de')).toBe(false);
    expect(agree('only md5sums are supported', 'en', 'nur md6sum-Prüfsummen', 'de')).toBe(false);
  });
  it('does not flag a number the other side repeats, and still flags one changed beside it', () => {
    expect(agree('Example: locale=en_GB.UTF-8.', 'en', 'Beispiel: locale=en_GB.UTF-8 (Gebietsschema: en_GB.UTF-8).', 'de')).toBe(true);
    expect(agree('use md5sums, list the md5sums', 'en', 'md6sum-Prüfsummen, die md5sum-Prüfsummen', 'de')).toBe(false);
    expect(agree('5 apples and 5 pears', 'en', '5 Äpfel und 6 Birnen', 'de')).toBe(false);
  });
  it('does not count a spelled-out word left untranslated on the other side', () => {
    const d = compareNumbers('51 Franklin Street, Fifth Floor, Boston, MA 02110-1301', 'en', '51 Franklin St, Fifth Floor, Boston, MA 02110', 'de');
    expect(d.onlyA.map((q) => q.text)).toEqual(['1301']);
    expect(agree('Fifth Floor', 'en', 'Fifth Floor', 'de')).toBe(true);
  });
  it('does not flag the section number of a heading that only one side numbers', () => {
    expect(agree('Preamble', 'en', 'F.1. Vorwort', 'de')).toBe(true);
    expect(agree('Partitioning', 'en', '6.3.4. Partitionierung', 'de')).toBe(true);
    expect(agree('In 3.5 seconds', 'en', 'In 4.5 Sekunden', 'de')).toBe(false);
    expect(agree('see Section B.4.5', 'en', 'siehe Abschnitt B.4.6', 'de')).toBe(false);
  });
});

describe('names with digits and section numbers', () => {
  it('does not flag a name with digits that only one side mentions (RAID1, SHA256SUMS, ftp2)', () => {
    expect(agree('It consists of several (usually two) equally-sized partitions.', 'en', 'RAID1 besteht aus mehreren (gewöhnlich zwei) gleich großen Partitionen.', 'de')).toBe(true);
    expect(agree('hostname string http.us.debian.org', 'en', 'hostname string ftp2.de.debian.org', 'de')).toBe(true);
    expect(agree('the RAID1 array', 'en', 'der RAID5-Verbund', 'de')).toBe(false);
  });
  it('checks a section number both sides print', () => {
    expect(agree('D.3.2. Install debootstrap', 'en', 'D.3.2. debootstrap installieren', 'de')).toBe(true);
    expect(agree('5.1. Booting the Installer', 'en', '6.1. Starten des Installers', 'de')).toBe(false);
    expect(agree('6.3.4.4. Configuring Multidisk Devices', 'en', '6.3.4.4. „Multidisk Devices“ konfigurieren', 'de')).toBe(true);
  });
});

describe('names with digits against number words', () => {
  it('never takes the article "ein" or "first" for the digit of a name', () => {
    expect(agree('use a boot parameter such as interface=eth1.', 'en', 'benutzen Sie einen Boot-Parameter wie interface=eth2.', 'de')).toBe(false);
    expect(agree('RAID1 is a bit more tricky.', 'en', 'RAID2 ist ein wenig komplizierter.', 'de')).toBe(false);
    expect(agree('the first primary partition on the first drive is /dev/sda1.', 'en', 'die erste primäre Partition auf der ersten Festplatte ist /dev/sda2.', 'de')).toBe(false);
    expect(agree('RAID1 is a bit more tricky.', 'en', 'RAID1 ist ein wenig komplizierter.', 'de')).toBe(true);
  });
});
