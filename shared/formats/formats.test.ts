import { describe, expect, it } from 'vitest';
import { byParagraph, choosePair, toPair } from './bilingual';
import { epubEntries } from './epub';
import { writeBilingualHtml } from './html';
import { readTable } from './table';
import { readTmx, tmxReader, writeTmx } from './tmx';
import { readXliff, writeXliff } from './xliff';
import { FormatError } from './xml';

const pair = {
  source: 'en',
  target: 'de',
  title: 'A <title> & more',
  units: [
    { source: 'Heading', target: 'Überschrift', heading: true, startsParagraph: true },
    { source: 'Use <b> & "quotes"\u0001 here.', target: 'Nutze <b> & „Anführungen“\uFFFE hier.', checked: true, confidence: 0.9, notes: ['a note & <more>'], startsParagraph: true },
    { source: 'Second sentence.', target: 'Zweiter Satz.', confidence: 0.5 },
    { source: 'Only English.', target: '', startsParagraph: true },
  ],
};

describe('TMX', () => {
  it('escapes markup, drops characters XML 1.0 forbids, and reads back what it wrote', () => {
    const out = writeTmx(pair, { now: new Date('2026-01-02T03:04:05Z') });
    expect(out.text).not.toMatch(/[\u0001\uFFFE]/);
    expect(out.text).toContain('creationdate="20260102T030405Z"');
    expect(out).toMatchObject({ units: 3, skipped: 1 });
    const read = readTmx(out.text);
    expect(read.units[1]).toMatchObject({ texts: { en: 'Use <b> & "quotes" here.', de: 'Nutze <b> & „Anführungen“ hier.' }, checked: true, confidence: 0.9, notes: ['a note & <more>'] });
  });
  it('reads in chunks split anywhere, even inside a tag or a character reference', () => {
    const text = writeTmx(pair).text;
    const reader = tmxReader();
    for (let k = 0; k < text.length; k += 7) reader.write(text.slice(k, k + 7));
    expect(reader.close().units).toHaveLength(3);
  });
  it('refuses a file that is not TMX', () => {
    expect(() => readTmx('<html><body/></html>')).toThrow(FormatError);
  });
});

describe('XLIFF', () => {
  it('writes 1.2 states and notes and reads them back', () => {
    const read = readXliff(writeXliff(pair).text);
    expect(read.languages).toEqual(['en', 'de']);
    expect(read.units[1]).toMatchObject({ checked: true, notes: ['a note & <more>', 'confidence 0.9'] });
    expect(read.units[3]!.texts).toEqual({ en: 'Only English.' });
  });
});

describe('pairs and tables', () => {
  it('joins sentence rows into paragraphs', () => {
    expect(byParagraph(pair.units).map((u) => u.source)).toEqual(['Heading', 'Use <b> & "quotes"\u0001 here. Second sentence.', 'Only English.']);
  });
  it('reads a table by its language header, or asks when a file has more than two languages', () => {
    const file = readTable([['en', 'de', 'fr'], ['Yes', 'Ja', 'Oui']]);
    expect(choosePair(file)).toEqual({ choose: ['en', 'de', 'fr'] });
    expect(toPair(file, 'en', 'fr').units).toEqual([{ source: 'Yes', target: 'Oui', checked: undefined, confidence: undefined, notes: undefined }]);
  });
});

describe('reading copies', () => {
  it('writes HTML with both languages marked and nothing external', () => {
    const html = writeBilingualHtml(pair);
    expect(html).toContain('<title>A &lt;title&gt; &amp; more</title>');
    expect(html).toContain('lang="de"');
    expect(html).not.toMatch(/<script|src=|href="http/);
  });
  it('writes an EPUB with the mimetype first, a nav from the headings, and paragraphs followed by their translation', () => {
    const entries = epubEntries(pair, { identifier: 'urn:uuid:x', modified: new Date(0) });
    expect(entries[0]).toEqual({ path: 'mimetype', content: 'application/epub+zip', store: true });
    const nav = entries.find((e) => e.path === 'OEBPS/nav.xhtml')!.content;
    expect(nav).toContain('<a href="text-1.xhtml#h1">Heading</a>');
    const text = entries.find((e) => e.path === 'OEBPS/text-1.xhtml')!.content;
    expect(text.indexOf('class="source"')).toBeLessThan(text.indexOf('class="target"'));
  });
});
