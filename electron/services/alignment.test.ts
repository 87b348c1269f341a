import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servicesOpener, tempDirs } from './test-support';
import { checkRows } from '../../shared/alignment/checks';
import { mergeWithNext } from '../../shared/alignment/edits';
import { dispatch } from '../../shared/ipc/dispatch';
import { createAlignmentService } from './alignment';
import { openCorpus } from './corpus';
import { openStore } from './store';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-align-');

/** Every file of a folder with its contents, to show that nothing changed. */
function filesIn(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

const open = servicesOpener();

async function start(dataDir: string, corpusDir = bundled) {
  return open({ dataDir, corpusDir, shell: 'web', version: 'test' });
}

async function services(dataDir: string, corpusDir = bundled) {
  return (await start(dataDir, corpusDir)).handlers;
}

describe('aligning the seed pair', () => {
  it('gives 8 aligned paragraph groups and the unmatched "Source:" line, flagged alone', async () => {
    const h = await services(temp());
    const alignment = await h['alignment:get']({ left: '000', right: '001' });
    const groups = alignment.rows.filter((r) => r.startsParagraph);
    expect(groups).toHaveLength(9);
    expect(groups.filter((r) => r.a.length && r.b.length)).toHaveLength(8);
    expect(alignment.rows[alignment.rows.length - 1]).toMatchObject({ a: ['p8s0'], b: [] });
    expect(alignment.rows.length).toBeGreaterThan(12);
    const [en, de] = await Promise.all([h['documents:get']({ id: '000' }), h['documents:get']({ id: '001' })]);
    expect(checkRows(alignment.rows, en, de).map((f) => f.kind)).toEqual(['no-counterpart']);
  });

  it('flags a wrong number seeded into a copy of the German text', async () => {
    const corpus = temp();
    cpSync(bundled, corpus, { recursive: true });
    const file = join(corpus, '001_60f9e0f360a24205.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('von mehr als 15 %', 'von mehr als 25 %'));
    const h = await services(temp(), corpus);
    const alignment = await h['alignment:get']({ left: '000', right: '001' });
    const [en, de] = await Promise.all([h['documents:get']({ id: '000' }), h['documents:get']({ id: '001' })]);
    const flags = checkRows(alignment.rows, en, de);
    expect(flags.find((f) => f.kind === 'number-mismatch')?.message).toBe('Numbers differ: 15 only in English; 25 only in German.');
  });
});

describe('alignment edits in the store', () => {
  it('survive a restart and can be reset', async () => {
    const dataDir = temp();
    const running = await start(dataDir);
    const first = running.handlers;
    const computed = await first['alignment:get']({ left: '000', right: '001' });
    const edited = mergeWithNext(computed.rows, 0);
    expect((await first['alignment:save']({ left: '000', right: '001', rows: edited })).edited).toBe(true);
    await running.close();

    const restarted = await start(dataDir);
    const second = restarted.handlers;
    const reopened = await second['alignment:get']({ left: '000', right: '001' });
    expect(reopened.edited).toBe(true);
    expect(reopened.rows).toEqual(edited);

    const reset = await second['alignment:reset']({ left: '000', right: '001' });
    expect(reset.rows).toEqual(computed.rows);
    await restarted.close();
    expect((await (await services(dataDir))['alignment:get']({ left: '000', right: '001' })).edited).toBe(false);
  });

  it('refuses rows that do not cover the documents and changes nothing', async () => {
    const dataDir = temp();
    const h = await services(dataDir);
    const { rows } = await h['alignment:get']({ left: '000', right: '001' });
    await h['settings:set']({ patch: { fontSize: 20 } });
    const before = filesIn(dataDir);
    const result = await dispatch(h, 'alignment:save', { left: '000', right: '001', rows: rows.slice(1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(filesIn(dataDir)).toEqual(before);
  });

  it('sets edits aside with a notice when a document changed since', async () => {
    const dataDir = temp();
    const corpus = temp();
    cpSync(bundled, corpus, { recursive: true });
    const running = await start(dataDir, corpus);
    const h = running.handlers;
    const { rows } = await h['alignment:get']({ left: '000', right: '001' });
    await h['alignment:save']({ left: '000', right: '001', rows: mergeWithNext(rows, 2) });
    await running.close();
    appendFileSync(join(corpus, '001_60f9e0f360a24205.txt'), '\nEin neuer Absatz am Ende.\n');

    const after = await (await services(dataDir, corpus))['alignment:get']({ left: '000', right: '001' });
    expect(after.edited).toBe(false);
    expect(after.notice).toMatch(/no longer fit/);
    const store = await openStore(dataDir);
    expect(Object.keys(store.data.alignments)).toEqual([expect.stringMatching(/^000\|001\|stale-/)]);
    await store.close();
  });

  it('aligning a pair ahead of its opening leaves stale edits for the view to set aside, with its notice', async () => {
    const dataDir = temp();
    const corpus = temp();
    cpSync(bundled, corpus, { recursive: true });
    const running = await start(dataDir, corpus);
    const { rows } = await running.handlers['alignment:get']({ left: '000', right: '001' });
    await running.handlers['alignment:save']({ left: '000', right: '001', rows: mergeWithNext(rows, 2) });
    await running.close();
    appendFileSync(join(corpus, '001_60f9e0f360a24205.txt'), '\nEin neuer Absatz am Ende.\n');

    const store = await openStore(dataDir);
    const alignments = createAlignmentService(await openCorpus(corpus), store);
    await alignments.warm('000', '001');
    expect(Object.keys(store.data.alignments)).toEqual(['000|001']);
    expect((await alignments.get('000', '001')).notice).toMatch(/no longer fit/);
    await store.close();
  });

  it('explains that a document without text cannot be aligned', async () => {
    const corpus = temp();
    cpSync(bundled, corpus, { recursive: true });
    writeFileSync(join(corpus, '002_d321dad4e0970c20.txt'), '\n\n');
    const h = await services(temp(), corpus);
    const result = await dispatch(h, 'alignment:get', { left: '000', right: '002' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-alignable', message: expect.stringMatching(/has no text to align/) } });
  });
});
