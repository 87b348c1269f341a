import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cafeGuide, lighthouseReport, tideTables } from '../../../shared/corpus/fixtures/unrelated';
import { dispatch } from '../../../shared/ipc/dispatch';
import { unpackProfile } from '../../../shared/corpus/pairing';
import { openServices } from '../handlers';
import { openStore } from '../store';
import { PROFILES_FILE } from './profile-file';
import { tempDirs } from '../test-support';

const root = join(import.meta.dirname, '..', '..', '..');
const bundled = join(root, 'corpus');
const temp = tempDirs('facing-pairing-');
const base64 = (text: string) => Buffer.from(text).toString('base64');
/** A document's record as the journals last wrote it. */
const journalled = (dataDir: string, id: string) =>
  readdirSync(dataDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dataDir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as { c: string; k?: string; v: object })
    .filter((r) => r.c === 'documents' && r.k === id)
    .at(-1)?.v;
const englishSeed = readFileSync(join(bundled, '000_215b7419f4917f36.txt'), 'utf8');
const germanSeed = readFileSync(join(bundled, '001_60f9e0f360a24205.txt'), 'utf8');
const frenchSeed = readFileSync(join(root, 'e2e', 'data', '000-fr.txt'), 'utf8');

async function setup(dataDir = temp()) {
  const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
  const importText = (name: string, text: string) => services.handlers['documents:import']({ name, data: base64(text) });
  return { ...services, dataDir, importText };
}

describe('pairing suggestions in the library', () => {
  it('offer nothing for unrelated texts on the same topics', async () => {
    const { importText, close } = await setup();
    for (const [name, text] of [['cafes.txt', cafeGuide], ['lighthouse.txt', lighthouseReport], ['tides.txt', tideTables]] as const) {
      expect([name, (await importText(name, text)).suggestions]).toEqual([name, []]);
    }
    await close();
  });

  it('say why, never offer a translation as the original, and offer nothing once paired', async () => {
    const { handlers, importText, close } = await setup();
    const french = await importText('communique.txt', frenchSeed);
    // 001 (German) is itself a translation of 000: only the original is offered.
    expect(french.suggestions.map((s) => s.id)).toEqual(['000']);
    expect(french.suggestions[0]!.reasons.join(' · ')).toMatch(/paragraphs · lengths within \d+% · 3 shared numbers \(.*\) · \d+ shared names/);
    await handlers['documents:update']({ id: french.document.id, patch: { translationOf: '000' } });
    expect(await handlers['documents:suggestPairs']({ id: french.document.id })).toEqual([]);
    await close();
  });

  it('come from profiles stored beside the documents, not from reading their texts again', async () => {
    const dataDir = temp();
    const first = await setup(dataDir);
    const copy = await first.importText('press.txt', englishSeed);
    await first.close();
    // Not in the store's first line, which every start parses: in a file of their own.
    expect(journalled(dataDir, copy.document.id)).not.toHaveProperty('profile');
    expect(readFileSync(join(dataDir, PROFILES_FILE), 'utf8')).toContain(copy.document.id);
    // The copy's text is gone; its stored profile is enough to be suggested.
    rmSync(join(dataDir, 'library', copy.document.id, 'document.json'));
    const second = await setup(dataDir);
    const german = await second.importText('pm.txt', germanSeed);
    expect(german.suggestions.map((s) => s.id).sort()).toEqual(['000', copy.document.id].sort());
    await second.close();
  });

  it('use profiles an earlier Facing kept in the store, and move them to their own file in the background after the first list', async () => {
    const dataDir = temp();
    const first = await setup(dataDir);
    const copy = await first.importText('press.txt', englishSeed);
    await first.close();
    const profile = readFileSync(join(dataDir, PROFILES_FILE), 'utf8').split('\n').map((line) => (line ? JSON.parse(line) : null)).find((e) => e?.id === copy.document.id).profile;
    rmSync(join(dataDir, PROFILES_FILE));
    const store = await openStore(dataDir);
    const raw = store.data.documents[copy.document.id] as object;
    await store.commit([{ c: 'documents', k: copy.document.id, v: { ...raw, profile: unpackProfile(profile) } }]);
    await store.close();
    rmSync(join(dataDir, 'library', copy.document.id, 'document.json'));

    const second = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 0 });
    await second.handlers['documents:list']({});
    await vi.waitFor(() => expect(journalled(dataDir, copy.document.id)).not.toHaveProperty('profile'), { timeout: 20_000 });
    expect(readFileSync(join(dataDir, PROFILES_FILE), 'utf8')).toContain(copy.document.id);
    const german = await second.handlers['documents:import']({ name: 'pm.txt', data: base64(germanSeed) });
    expect(german.suggestions.map((s) => s.id).sort()).toEqual(['000', copy.document.id].sort());
    await second.close();
  });

  it('make a profile missing from the file again from the text, and keep it', async () => {
    const dataDir = temp();
    const first = await setup(dataDir);
    const copy = await first.importText('press.txt', englishSeed);
    await first.close();
    writeFileSync(join(dataDir, PROFILES_FILE), '{"id": "cut sh');
    const second = await setup(dataDir);
    const german = await second.importText('pm.txt', germanSeed);
    expect(german.suggestions.map((s) => s.id).sort()).toEqual(['000', copy.document.id].sort());
    await second.close();
    const lines = readFileSync(join(dataDir, PROFILES_FILE), 'utf8').split('\n');
    expect(lines[0]).toBe('{"id": "cut sh');
    expect(lines.slice(1).filter(Boolean).map((line) => JSON.parse(line).id).sort()).toEqual([copy.document.id, german.document.id].sort());
  });
  it('asked for twice at once in a new run, both find what either finds alone', async () => {
    const dataDir = temp();
    const first = await setup(dataDir);
    const french = await first.importText('communique.txt', frenchSeed);
    await first.close();
    const second = await setup(dataDir);
    const ask = () => second.handlers['documents:suggestPairs']({ id: french.document.id });
    const [one, two] = await Promise.all([ask(), ask()]);
    expect(one.map((s) => s.id)).toEqual(['000']);
    expect(two).toEqual(one);
    await second.close();
  });
});

describe('pairing suggestions across languages', () => {
  it('weigh only documents in another language, following a language changed by hand', async () => {
    const { handlers, importText, close } = await setup();
    // A copy of the English seed, in English: the English original is no candidate.
    const copy = await importText('press copy.txt', `${englishSeed}\n\nA copy kept for the archive.\n`);
    expect(copy.suggestions.map((s) => s.id)).not.toContain('000');
    // Marked German by hand, it is weighed against English documents imported after.
    await handlers['documents:update']({ id: copy.document.id, patch: { language: 'de' } });
    const english = await importText('press.txt', englishSeed);
    expect(english.suggestions.map((s) => s.id)).toEqual([copy.document.id]);
    await close();
  });
});

describe('pairing', () => {
  it('allows chains of translations and refuses a cycle with a clear message', async () => {
    const { handlers, importText, close } = await setup();
    const a = (await importText('a.txt', 'Eins.\n\nZwei.')).document;
    const b = (await importText('b.txt', 'Un.\n\nDeux.')).document;
    // A translation of a translation (of the bundled German 001).
    expect(await handlers['documents:update']({ id: a.id, patch: { translationOf: '001' } })).toMatchObject({ translationOf: '001' });
    expect(await handlers['documents:update']({ id: b.id, patch: { translationOf: a.id } })).toMatchObject({ translationOf: a.id });
    const cycle = await dispatch(handlers, 'documents:update', { id: a.id, patch: { translationOf: b.id } });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/itself a translation of this document.*Unpair/) } });
    expect((await handlers['documents:list']({})).find((d) => d.id === a.id)?.translationOf).toBe('001');
    await close();
  });

  it('notices the same file imported twice and points at the copy already there', async () => {
    const { handlers, importText, close } = await setup();
    const first = await importText('story.txt', 'The same story.\n\nTwice.');
    const again = await importText('story (1).txt', 'The same story.\n\nTwice.');
    expect(again).toMatchObject({ duplicate: true, document: { id: first.document.id } });
    expect((await handlers['documents:list']({})).filter((d) => d.origin === 'imported')).toHaveLength(1);
    await close();
  });
});
