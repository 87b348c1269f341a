import { describe, expect, it, vi } from 'vitest';
import { cleanFileName, cleanTitle, extractDocument } from './extract';
import { detectLanguage } from './language';
import { chapter, docxOf, epubOf, paragraphXml, pdfOf, utf16 } from './test-files';

// pdf.js takes a few seconds to load on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const extract = (name: string, data: string | Buffer) => extractDocument(name, Buffer.isBuffer(data) ? data : Buffer.from(data));
const english = 'The harbour of Lindau lies on an island in Lake Constance, and its lighthouse is thirty-three metres high. Ferries leave every hour for Bregenz and Friedrichshafen, and in summer the promenade is full of people who have come to see the mountains across the water.';

describe('files that were refused or mislabelled', () => {
  it.each(['le', 'be'] as const)('decodes UTF-16 %s with a byte order mark instead of calling it binary', async (order) => {
    const doc = await extract('notepad.txt', utf16('Überschrift\n\nEin Absatz mit Umlauten: äöü, und ein Euro: €.\n', order));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Überschrift', 'Ein Absatz mit Umlauten: äöü, und ein Euro: €.']);
  });

  it('still refuses UTF-16 without a byte order mark as binary', async () => {
    await expect(extract('raw.txt', Buffer.from('Hello', 'utf16le'))).rejects.toThrow(/“raw\.txt”: .*binary data/);
  });

  it('gives a file named just ".txt" its first line as title', async () => {
    expect((await extract('.txt', 'Notes from the harbour\n\nThe ferry was late.')).title).toBe('Notes from the harbour');
    const long = `${'A very long first line that goes on and on '.repeat(5)}.`;
    const doc = await extract('.txt', long);
    expect(doc.title.length).toBeGreaterThan(10);
    expect(doc.title.length).toBeLessThanOrEqual(200);
  });

  it('removes invisible direction and zero-width characters from names and titles', () => {
    const hidden = ['\u200F', '\u061C', '\u200B', '\u202E', '\u2066', '\uFEFF', '\u00AD'];
    expect(cleanFileName(`re${hidden.join('')}port.txt`)).toBe('report.txt');
    expect(cleanFileName('two\u2028lines.txt')).toBe('two lines.txt');
    expect(cleanFileName(`\u202Etxt.exe`)).toBe('txt.exe');
    expect(cleanTitle(`\u200FTitle\u200B with\u2028line`)).toBe('Title with line');
  });

  it('cleans a title taken from the file', async () => {
    const doc = await extract('page.html', '<html><head><title>\u202EHidden\u200B Title</title></head><body><p>Text.</p></body></html>');
    expect(doc.title).toBe('Hidden Title');
  });

  it('joins several title elements with a space, and ignores the titles of pictures', async () => {
    const html = '<html><head><title>Part One</title><title>The Harbour</title></head><body><svg><title>Icon</title></svg><p>Text.</p></body></html>';
    expect((await extract('titles.html', html)).title).toBe('Part One The Harbour');
  });
});

describe('the language a file declares comes before a guess', () => {
  it('takes HTML lang', async () => {
    expect((await extract('page.html', `<html lang="fr-CA"><body><p>${english}</p></body></html>`)).language).toBe('fr-CA');
  });

  it('takes EPUB dc:language', async () => {
    const book = await epubOf({ language: 'it', chapters: [{ href: 'c.xhtml', xhtml: chapter('One', english) }] });
    expect((await extract('book.epub', book)).language).toBe('it');
  });

  it('takes DOCX w:lang from the runs, then from the default style', async () => {
    expect((await extract('runs.docx', await docxOf(paragraphXml(english, 'nl-NL') + paragraphXml('Short.', 'nl-NL')))).language).toBe('nl-NL');
    const styles = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="sv-SE" w:eastAsia="en-US"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>';
    expect((await extract('styles.docx', await docxOf(paragraphXml(english), [{ name: 'word/styles.xml', data: styles }]))).language).toBe('sv-SE');
  });

  it('takes the PDF catalog /Lang', async () => {
    expect((await extract('paper.pdf', await pdfOf(['Kurzer Text.'], { lang: 'de-AT' }))).language).toBe('de-AT');
  });

  it('ignores a declaration that is not a language tag, and "und"', async () => {
    expect((await extract('page.html', `<html lang="english"><body><p>${english}</p></body></html>`)).language).toBe('en');
    expect((await extract('page.html', `<html lang="und"><body><p>${english}</p></body></html>`)).language).toBe('en');
  });

  it('guesses only from enough text: an 11-word English file is undetermined, not Javanese', async () => {
    expect((await extract('short.txt', 'The ferry to Bregenz leaves from the harbour every hour.')).language).toBe('und');
    expect(detectLanguage('Kto')).toBe('und');
    expect((await extract('long.txt', english)).language).toBe('en');
  });

  it('still tells common languages apart from a few sentences', () => {
    expect(detectLanguage('Der Hafen von Lindau liegt auf einer Insel im Bodensee. Sein Leuchtturm ist 33 Meter hoch. Fähren fahren stündlich nach Bregenz.')).toBe('de');
    expect(detectLanguage('The harbour of Lindau lies on an island in Lake Constance. Its lighthouse is 33 metres high. Ferries leave every hour.')).toBe('en');
  });
});
