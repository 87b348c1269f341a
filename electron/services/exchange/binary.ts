import { PassThrough } from 'node:stream';
import { Document as DocxDocument, FootnoteReferenceRun, type IRunOptions, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import yazl from 'yazl';
import type { PairFile, UnitMark } from '../../../shared/formats/bilingual';
import { epubEntries } from '../../../shared/formats/epub';
import { languageName } from '../../../shared/formats/html';
import { tableHeader, tableRows } from '../../../shared/formats/table';
import { xmlSafe } from '../../../shared/formats/xml';

/** Zip, docx and xlsx writers: the parts of the formats that need Node streams or a library. */

export async function writeXlsx(pair: PairFile): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // Strings go in as string cells, never formulas, so "=SUM(...)" in a text stays text.
  // Loaded when first needed: evaluating exceljs costs about a second of CPU, which every start paid.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Facing';
  const sheet = workbook.addWorksheet(`${pair.source}-${pair.target}`.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'row', width: 7 },
    { key: 'a', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'b', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'checked', width: 9 },
    { key: 'confidence', width: 11 },
    { key: 'flags', width: 40, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const header = sheet.addRow(tableHeader(pair));
  header.font = { bold: true };
  header.commit();
  for (const [n, a, b, checked, confidence, flags] of tableRows(pair)) {
    sheet.addRow([n, xmlSafe(a), xmlSafe(b), checked, confidence === '' ? '' : Number(confidence), xmlSafe(flags)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

function runs(text: string, marks: UnitMark[] | undefined, highlights: boolean, footnote: (note: string) => number): Array<TextRun | FootnoteReferenceRun> {
  const out: Array<TextRun | FootnoteReferenceRun> = [];
  const plain = (t: string, highlight?: string) =>
    t.split('\n').forEach((line, k) => out.push(new TextRun({ text: xmlSafe(line), ...(k > 0 ? { break: 1 } : {}), ...(highlight ? { highlight } : {}) } as IRunOptions)));
  let at = 0;
  for (const m of highlights ? [...(marks ?? [])].sort((x, y) => x.start - y.start) : []) {
    if (m.start < at) continue;
    plain(text.slice(at, m.start));
    plain(text.slice(m.start, m.end), m.colour === 'green' ? 'green' : m.colour === 'blue' ? 'cyan' : m.colour === 'pink' ? 'magenta' : 'yellow');
    if (m.note) out.push(new FootnoteReferenceRun(footnote(m.note)));
    at = m.end;
  }
  plain(text.slice(at));
  return out;
}

export async function writeDocx(pair: PairFile, highlights = false): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let next = 1;
  const footnote = (note: string) => {
    footnotes[next] = { children: [new Paragraph({ children: [new TextRun(xmlSafe(note))] })] };
    return next++;
  };
  const cell = (children: Array<TextRun | FootnoteReferenceRun>) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children })] });
  const headerRow = new TableRow({
    tableHeader: true,
    children: [pair.source, pair.target].map((l) => new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: languageName(l), bold: true })] })] })),
  });
  const rows = pair.units.map(
    (u) =>
      new TableRow({
        cantSplit: true,
        children: [cell(runs(u.source, u.marksSource, highlights, footnote)), cell(runs(u.target, u.marksTarget, highlights, footnote))],
      }),
  );
  const doc = new DocxDocument({
    creator: 'Facing',
    title: xmlSafe(pair.title ?? 'Aligned texts'),
    footnotes,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(pair.title ?? 'Aligned texts'))] }),
          new Table({ layout: TableLayoutType.FIXED, width: { size: 100, type: WidthType.PERCENTAGE }, rows: [headerRow, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function writeEpub(pair: PairFile, options: { identifier: string; modified: Date; highlights?: boolean }): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of epubEntries(pair, options)) {
    zip.addBuffer(Buffer.from(entry.content, 'utf8'), entry.path, { compress: !entry.store, mtime: options.modified });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
