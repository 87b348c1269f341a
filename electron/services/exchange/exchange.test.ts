import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Handlers } from '../../../shared/ipc/contract';
import { readTmx } from '../../../shared/formats/tmx';
import { readXliff } from '../../../shared/formats/xliff';
import { parseDelimited } from '../../../shared/formats/delimited';
import { openServices } from '../handlers';
import { tempDirs } from '../test-support';
import { epubcheck, epubcheckMissing, readWithTranslateToolkit, translateToolkitMissing } from './real-readers';
import { renderPair } from './render';

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-exchange-');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function services(dataDir = temp()): Promise<Handlers> {
  const opened = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
  closers.push(opened.close);
  return opened.handlers;
}

const call = async <C extends keyof Handlers>(h: Handlers, channel: C, payload: unknown) => {
  const result = await dispatch(h, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Awaited<ReturnType<Handlers[C]>>;
};

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

async function seedRows(h: Handlers): Promise<Array<[string, string]>> {
  const [a, b, alignment] = await Promise.all([call(h, 'documents:get', { id: '000' }), call(h, 'documents:get', { id: '001' }), call(h, 'alignment:get', { left: '000', right: '001' })]);
  const text = (doc: typeof a, ids: string[]) => ids.map((id) => doc.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === id)!).map((s) => doc.text.slice(s.start, s.end)).join(' ');
  return alignment.rows.map((r) => [text(a, r.a), text(b, r.b)]);
}

function unzipEntries(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('exporting the seed pair', () => {
  it('writes TMX 1.4b that Facing and translate-toolkit read back with the same units', async () => {
    const h = await services();
    const rows = await seedRows(h);
    const both = rows.filter(([a, b]) => a && b);
    const file = await call(h, 'pairs:export', { left: '000', right: '001', format: 'tmx' });
    expect(file.name).toMatch(/\.tmx$/);
    expect(file.text).toMatch(/<header creationtool="Facing" creationtoolversion="test" segtype="sentence" o-tmf="Facing" adminlang="en" srclang="en" datatype="plaintext"/);
    expect(file.text).toContain('<prop type="x-confidence">');
    expect(file.skipped).toBe(rows.length - both.length);
    expect(file.notice).toMatch(/left out/);
    const read = readTmx(file.text!);
    expect(read.units.map((u) => [u.texts.en, u.texts.de])).toEqual(both);
    const missing = translateToolkitMissing();
    if (missing) return console.log(`translate-toolkit check skipped: ${missing}`);
    const path = join(mkdtempSync(join(tmpdir(), 'facing-tmx-')), 'seed.tmx');
    writeFileSync(path, file.text!);
    expect(readWithTranslateToolkit(path, 'tmx').map(([a, b]) => [normal(a), normal(b)])).toEqual(both.map(([a, b]) => [normal(a), normal(b)]));
  });

  it('writes single-language units on request', async () => {
    const h = await services();
    const file = await call(h, 'pairs:export', { left: '000', right: '001', format: 'tmx', singleLanguage: true });
    expect(file.skipped).toBe(0);
    expect(readTmx(file.text!).units.some((u) => Object.keys(u.texts).length === 1)).toBe(true);
  });

  it('writes XLIFF 1.2 that translate-toolkit reads with the same units and states', async () => {
    const h = await services();
    const rows = (await seedRows(h)).filter(([a]) => a);
    const file = await call(h, 'pairs:export', { left: '000', right: '001', format: 'xliff' });
    expect(file.text).toContain('state="translated"');
    const read = readXliff(file.text!);
    expect(read.units.map((u) => [u.texts.en, u.texts.de ?? ''])).toEqual(rows);
    const missing = translateToolkitMissing();
    if (missing) return console.log(`translate-toolkit check skipped: ${missing}`);
    const path = join(mkdtempSync(join(tmpdir(), 'facing-xlf-')), 'seed.xlf');
    writeFileSync(path, file.text!);
    expect(readWithTranslateToolkit(path, 'xliff').map(([a, b]) => [normal(a), normal(b)])).toEqual(rows.map(([a, b]) => [normal(a), normal(b)]));
  });

  it('writes TSV and XLSX with row numbers, both sides, checked, confidence and flags', async () => {
    const h = await services();
    const rows = await seedRows(h);
    const tsv = await call(h, 'pairs:export', { left: '000', right: '001', format: 'tsv' });
    const table = parseDelimited(tsv.text!, '\t');
    expect(table[0]).toEqual(['row', 'en', 'de', 'checked', 'confidence', 'flags']);
    expect(table.slice(1).map((r) => [r[1], r[2]])).toEqual(rows);
    expect(table.some((r) => /No counterpart|Only in/.test(r[5] ?? ''))).toBe(true);

    const xlsx = await call(h, 'pairs:export', { left: '000', right: '001', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64!, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(rows[0]![0]);
    expect(sheet.getRow(2).getCell(3).value).toBe(rows[0]![1]);
  });

  it('writes DOCX as a two-column table, one table row per aligned row', async () => {
    const h = await services();
    const rows = await seedRows(h);
    const docx = await call(h, 'pairs:export', { left: '000', right: '001', format: 'docx' });
    const xml = (await unzipEntries(Buffer.from(docx.base64!, 'base64'))).get('word/document.xml')!;
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(rows.length + 1);
    expect(xml).toContain('Chongqing');
    expect(xml).toContain('Zweigstelle');
  });

  it('writes an EPUB 3 that epubcheck passes with 0 errors', { timeout: 240_000 }, async () => {
    const h = await services();
    const epub = await call(h, 'pairs:export', { left: '000', right: '001', format: 'epub', level: 'paragraph', highlights: true });
    const entries = await unzipEntries(Buffer.from(epub.base64!, 'base64'));
    expect([...entries.keys()][0]).toBe('mimetype');
    expect(entries.get('OEBPS/nav.xhtml')).toContain('epub:type="toc"');
    const missing = epubcheckMissing();
    if (missing) return console.log(`epubcheck skipped: ${missing}`);
    const path = join(mkdtempSync(join(tmpdir(), 'facing-epub-')), 'seed.epub');
    writeFileSync(path, Buffer.from(epub.base64!, 'base64'));
    const verdict = epubcheck(path);
    expect(verdict.errors, verdict.output).toBe(0);
  });

  it('writes a self-contained HTML page with both columns', async () => {
    const h = await services();
    const html = await call(h, 'pairs:export', { left: '000', right: '001', format: 'html' });
    expect(html.text).toMatch(/<table>/);
    expect(html.text).not.toMatch(/<script|<link|src=/);
    expect(html.text).toMatch(/@media print/);
  });

  it('writes JSON rows with sentence indices, texts and confidence', async () => {
    const h = await services();
    const json = JSON.parse((await call(h, 'pairs:export', { left: '000', right: '001', format: 'json' })).text!);
    expect(json.rows[0]).toMatchObject({ row: 1, source: [0], target: [0] });
    expect(typeof json.rows[0].confidence).toBe('number');
  });
});

describe('spreadsheet cells', () => {
  it('keeps = + - @ texts as text and keeps line breaks', async () => {
    const pair = { source: 'en', target: 'de', units: [{ source: '=HYPERLINK("http://x","y")', target: '+1 line\nnext line' }, { source: '@SUM(A1)', target: '-2' }] };
    const out = await renderPair(pair, 'xlsx');
    const sheetXml = (await unzipEntries(out.data as Buffer)).get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).not.toMatch(/<f>/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out.data as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRow(2);
    expect(row.getCell(2).value).toBe('=HYPERLINK("http://x","y")');
    expect(row.getCell(3).value).toBe('+1 line\nnext line');
  });
});

describe('importing bilingual files', () => {
  it('round-trips: a TMX exported and imported gives the same rows and texts', async () => {
    const h = await services();
    const rows = (await seedRows(h)).filter(([a, b]) => a && b);
    const tmx = await call(h, 'pairs:export', { left: '000', right: '001', format: 'tmx' });
    const outcome = await call(h, 'pairs:import', { name: 'seed.tmx', data: Buffer.from(tmx.text!).toString('base64') });
    if (!('left' in outcome)) throw new Error('asked to choose');
    expect(outcome.left.language).toBe('en');
    expect(outcome.right.translationOf).toBe(outcome.left.id);
    const a = await call(h, 'documents:get', { id: outcome.left.id });
    const b = await call(h, 'documents:get', { id: outcome.right.id });
    const alignment = await call(h, 'alignment:get', { left: a.meta.id, right: b.meta.id });
    expect(alignment.edited).toBe(true);
    const text = (doc: typeof a, ids: string[]) => ids.map((id) => doc.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === id)!).map((s) => doc.text.slice(s.start, s.end)).join(' ');
    expect(alignment.rows.map((r) => [normal(text(a, r.a)), normal(text(b, r.b))])).toEqual(rows.map(([x, y]) => [normal(x), normal(y)]));
    const checks = await call(h, 'checks:get', { left: a.meta.id, right: b.meta.id });
    expect(checks.origin?.file).toBe('seed.tmx');
  });

  it('asks for the language pair when a file holds several, then imports the chosen one', async () => {
    const h = await services();
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
      <tu><tuv xml:lang="en"><seg>The door is open.</seg></tuv><tuv xml:lang="de"><seg>Die Tür ist offen.</seg></tuv><tuv xml:lang="fr"><seg>La porte est ouverte.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Close it <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang="fr"><seg>Fermez-la maintenant.</seg></tuv></tu>
    </body></tmx>`;
    const data = Buffer.from(tmx).toString('base64');
    expect(await call(h, 'pairs:import', { name: 'three.tmx', data })).toEqual({ choose: ['en', 'de', 'fr'] });
    const outcome = await call(h, 'pairs:import', { name: 'three.tmx', data, source: 'en', target: 'fr' });
    if (!('left' in outcome)) throw new Error('asked to choose');
    const b = await call(h, 'documents:get', { id: outcome.right.id });
    expect(b.text).toBe('La porte est ouverte.\n\nFermez-la maintenant.');
    const a = await call(h, 'documents:get', { id: outcome.left.id });
    expect(a.text).toContain('Close it now.');
  });

  it('keeps the rows exactly as the file has them: several sentences, line breaks, one side empty; the same file again finds its documents', async () => {
    const h = await services();
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
      <tu><tuv xml:lang="en"><seg>Open the lid. Then wait.</seg></tuv><tuv xml:lang="de"><seg>Öffnen Sie den Deckel. Warten Sie dann.</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Notes</seg></tuv><tuv xml:lang="de"><seg>Hinweise</seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Only here.</seg></tuv><tuv xml:lang="de"><seg></seg></tuv></tu>
      <tu><tuv xml:lang="en"><seg>Line one
line two.</seg></tuv><tuv xml:lang="de"><seg>Zeile eins Zeile zwei.</seg></tuv></tu>
    </body></tmx>`;
    const data = Buffer.from(tmx).toString('base64');
    const rowsOf = async () => {
      const outcome = await call(h, 'pairs:import', { name: 'lid.tmx', data });
      if (!('left' in outcome)) throw new Error('asked to choose');
      const a = await call(h, 'documents:get', { id: outcome.left.id });
      const b = await call(h, 'documents:get', { id: outcome.right.id });
      const { rows } = await call(h, 'alignment:get', { left: a.meta.id, right: b.meta.id });
      const text = (doc: typeof a, ids: string[]) => ids.map((id) => doc.paragraphs.flatMap((p) => p.sentences).find((x) => x.id === id)!).map((x) => doc.text.slice(x.start, x.end)).join(' | ');
      return { ids: [a.meta.id, b.meta.id], rows: rows.map((r) => [text(a, r.a), text(b, r.b)]) };
    };
    const first = await rowsOf();
    expect(first.rows).toEqual([
      ['Open the lid. | Then wait.', 'Öffnen Sie den Deckel. | Warten Sie dann.'],
      ['Notes', 'Hinweise'],
      ['Only here.', ''],
      ['Line one line two.', 'Zeile eins Zeile zwei.'],
    ]);
    const again = await rowsOf();
    expect(again).toEqual(first);
  });

  it('reads XLIFF 2.x and two-column CSV', async () => {
    const h = await services();
    const xlf2 = `<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file id="f"><unit id="1"><segment state="final"><source>Hello there, <pc id="1">friend</pc>.</source><target>Hallo, <pc id="1">Freund</pc>.</target></segment></unit><unit id="2"><segment><source>Good bye.</source><target>Auf Wiedersehen.</target></segment></unit></file></xliff>`;
    const one = await call(h, 'pairs:import', { name: 'two.xlf', data: Buffer.from(xlf2).toString('base64') });
    if (!('left' in one)) throw new Error('asked to choose');
    const rows = (await call(h, 'alignment:get', { left: one.left.id, right: one.right.id })).rows;
    expect(rows.map((r) => r.checked)).toEqual([true, false]);
    const csv = 'en,de\n"Yes, please.","Ja, bitte."\nNo.,Nein.\n';
    const two = await call(h, 'pairs:import', { name: 'pair.csv', data: Buffer.from(csv).toString('base64') });
    if (!('left' in two)) throw new Error('asked to choose');
    expect((await call(h, 'documents:get', { id: two.right.id })).text).toBe('Ja, bitte.\n\nNein.');
  });

  const hostile: Array<[string, string, RegExp]> = [
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>', /entities/],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>', /entities/],
    ['an undeclared entity', '<?xml version="1.0"?><tmx><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>', /not well-formed/],
    ['deep nesting', `<?xml version="1.0"?><tmx><body>${'<tu>'.repeat(500)}${'</tu>'.repeat(500)}</body></tmx>`, /nests elements/],
    ['no <body>', '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/></tmx>', /no <body>/],
  ];
  it.each(hostile)('refuses a TMX with %s, naming the file and creating nothing', async (_what, xml, message) => {
    const h = await services();
    const before = (await call(h, 'documents:list', {})).length;
    const result = await dispatch(h, 'pairs:import', { name: 'evil.tmx', data: Buffer.from(xml).toString('base64') });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toContain('evil.tmx');
    }
    expect((await call(h, 'documents:list', {})).length).toBe(before);
  });

  it('refuses invalid UTF-8', async () => {
    const h = await services();
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0"?><tmx><body><tu><tuv xml:lang="en"><seg>'), Buffer.from([0xc3, 0x28]), Buffer.from('</seg></tuv></tu></body></tmx>')]);
    const result = await dispatch(h, 'pairs:import', { name: 'bad.tmx', data: bytes.toString('base64') });
    expect(result.ok || result.error.message).toMatch(/bad\.tmx.*not valid UTF-8/);
  });
});

describe('check settings of a pair', () => {
  it('keeps a flag marked "not an error" and checks turned off across restarts', async () => {
    const dataDir = temp();
    const h = await services(dataDir);
    await call(h, 'checks:set', { left: '000', right: '001', patch: { disabled: ['length'], dismiss: ['number-mismatch|x|y'] } });
    await closers.pop()!();
    const again = await services(dataDir);
    const { checks } = await call(again, 'checks:get', { left: '000', right: '001' });
    expect(checks).toEqual({ disabled: ['length'], dismissed: ['number-mismatch|x|y'] });
    const restored = await call(again, 'checks:set', { left: '000', right: '001', patch: { restore: ['number-mismatch|x|y'] } });
    expect(restored.dismissed).toEqual([]);
  });

  it('imports a glossary as CSV and exports it as TBX', async () => {
    const h = await services();
    await call(h, 'glossary:import', { source: 'en', target: 'de', name: 'terms.csv', content: 'en,de\nalliance,Allianz|Bündnis\n' });
    const { glossary } = await call(h, 'checks:get', { left: '000', right: '001' });
    expect(glossary.entries).toEqual([{ term: 'alliance', translations: ['Allianz', 'Bündnis'] }]);
    const tbx = await call(h, 'glossary:export', { source: 'en', target: 'de', format: 'tbx' });
    expect(tbx.text).toContain('<term>Bündnis</term>');
  });
});
