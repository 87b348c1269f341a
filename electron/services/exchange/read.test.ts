import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../shared/formats/xml';
import { readPairFile } from './read';

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Pairs'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The entries of a zip, inflated. */
function entries(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

function zip(files: Map<string, Buffer>): Promise<Buffer> {
  const out = new yazl.ZipFile();
  for (const [name, data] of files) if (!name.endsWith('/')) out.addBuffer(data, name, { compressionLevel: 9 });
  out.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    out.outputStream.on('data', (c: Buffer) => chunks.push(c));
    out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('reading XLSX pairs', () => {
  it('takes a formula cell by its cached result and a date as an ISO date', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['en', 'de']);
      sheet.addRow([{ formula: 'UPPER("berlin")', result: 'BERLIN' }, { formula: '"Ber"&"lin"', result: 'Berlin' }]);
      sheet.addRow([new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 2, 13, 45))]);
      sheet.addRow([{ formula: '1+1', result: 2 }, { text: 'Link', hyperlink: 'https://example.org' }]);
      sheet.addRow([{ formula: 'NA()', result: { error: '#N/A' } }, { richText: [{ text: 'Fett ' }, { text: 'und nicht' }] }]);
    });
    const file = await readPairFile('cells.xlsx', bytes);
    expect(file.units.map((u) => [u.texts.en, u.texts.de])).toEqual([
      ['BERLIN', 'Berlin'],
      ['2024-01-02', '2024-01-02T13:45:00.000Z'],
      ['2', 'Link'],
      ['#N/A', 'Fett und nicht'],
    ]);
  });

  it('refuses a workbook whose sheet inflates far beyond its size, naming the file, before reading it', { timeout: 30_000 }, async () => {
    const parts = await entries(await workbook((sheet) => sheet.addRow(['en', 'de'])));
    const sheetName = [...parts.keys()].find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    parts.set(sheetName, Buffer.from(parts.get(sheetName)!.toString('utf8').replace('</worksheet>', `${' '.repeat(8 * 1024 * 1024)}</worksheet>`)));
    const bomb = await zip(parts);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const read = readPairFile('bomb.xlsx', bomb);
    await expect(read).rejects.toThrow(FormatError);
    await expect(readPairFile('bomb.xlsx', bomb)).rejects.toThrow(/"bomb\.xlsx".*archive bomb/);
  });

  it('names the file when it is no zip at all', async () => {
    await expect(readPairFile('plain.xlsx', Buffer.from('en\tde\n'))).rejects.toThrow(/"plain\.xlsx"/);
  });
});

describe('reading a TMX', () => {
  const tmx = (units: string[]) =>
    `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>${units.map((u) => `<tu><tuv xml:lang="en"><seg>${u}</seg></tuv><tuv xml:lang="de"><seg>${u}</seg></tuv></tu>`).join('\n')}</body></tmx>`;

  it('reads characters cut by its slices whole, and hands the event loop back between slices', async () => {
    // ~5 MB of units full of multi-byte characters, so slice ends fall inside characters.
    const units = Array.from({ length: 20_000 }, (_, k) => `Größe ${k}: 東京 — 🙂 ${'ä'.repeat(k % 97)}`);
    let turns = 0;
    let reading = true;
    const turn = () => {
      turns++;
      if (reading) setImmediate(turn);
    };
    setImmediate(turn);
    const file = await readPairFile('big.tmx', Buffer.from(tmx(units)));
    reading = false;
    expect(file.units.map((u) => u.texts.de)).toEqual(units);
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('refuses invalid UTF-8 naming the file', async () => {
    const bytes = Buffer.concat([Buffer.from(tmx(['ok'])), Buffer.from([0xc3, 0x28])]);
    await expect(readPairFile('bad.tmx', bytes)).rejects.toThrow(/"bad\.tmx" is not valid UTF-8/);
  });

  it('says a UTF-16 file is UTF-16 (with or without its byte-order mark), in memory and from disk', async () => {
    const text = tmx(['ok']);
    const withMark = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await expect(readPairFile('wide.tmx', withMark)).rejects.toThrow(/"wide\.tmx" is UTF-16 text/);
    await expect(readPairFile('wide.tmx', Buffer.from(text, 'utf16le'))).rejects.toThrow(/"wide\.tmx" is UTF-16 text/);
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'facing-read-'));
    try {
      writeFileSync(join(dir, 'wide.tmx'), withMark);
      await expect(readPairFile('wide.tmx', { path: join(dir, 'wide.tmx') })).rejects.toThrow(/"wide\.tmx" is UTF-16 text/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a pair file from disk', () => {
  it('reads a character cut by the 1 MB chunks whole, and refuses a file ending inside a character', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'facing-read-'));
    try {
      const head = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>';
      // "€" (3 bytes) straddles the first chunk's end.
      const pad = 'x'.repeat((1 << 20) - Buffer.byteLength(head) - 1);
      const good = join(dir, 'good.tmx');
      writeFileSync(good, `${head}${pad}€</seg></tuv><tuv xml:lang="de"><seg>Euro</seg></tuv></tu></body></tmx>`);
      const file = await readPairFile('good.tmx', { path: good });
      expect(file.units[0]!.texts.en!.endsWith('x€')).toBe(true);
      const cut = join(dir, 'cut.tmx');
      writeFileSync(cut, Buffer.concat([Buffer.from(`${head}Euro</seg></tuv></tu></body></tmx>`), Buffer.from([0xe2, 0x82])]));
      await expect(readPairFile('cut.tmx', { path: cut })).rejects.toThrow(/not valid UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
