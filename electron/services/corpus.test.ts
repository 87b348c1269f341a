import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from './corpus';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temps: string[] = [];
function copyOfCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'facing-corpus-'));
  temps.push(dir);
  cpSync(bundled, dir, { recursive: true });
  return dir;
}
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the bundled corpus', () => {
  it('lists the five seed documents with the EN/DE pair', async () => {
    const corpus = await openCorpus(bundled);
    const list = await corpus.list();
    expect(list.map((d) => [d.id, d.language, d.translationOf ?? null])).toEqual([
      ['000', 'en', null],
      ['001', 'de', '000'],
      ['002', 'en', null],
      ['003', 'en', null],
      ['004', 'en', null],
    ]);
    expect(list.every((d) => d.wordCount > 300 && !d.problem)).toBe(true);
    expect(corpus.notices).toEqual([]);
  });

  it('segments the pair into 9 English and 8 German paragraphs', async () => {
    const corpus = await openCorpus(bundled);
    const en = await corpus.get('000');
    const de = await corpus.get('001');
    expect(en.paragraphs).toHaveLength(9);
    expect(de.paragraphs).toHaveLength(8);
    expect(en.text.slice(en.paragraphs[8]!.start, en.paragraphs[8]!.end)).toBe('Source: Chongqing High-tech Industrial Development Zone');
    expect(en.text.slice(en.paragraphs[0]!.sentences[0]!.start, en.paragraphs[0]!.sentences[0]!.end)).toMatch(/^CHONGQING, China, Dec\. 22, 2025 .* signed\.$/);
  });

  it('refuses an unknown id with not-found', async () => {
    const corpus = await openCorpus(bundled);
    await expect(corpus.get('999')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('a damaged corpus', () => {
  it('reports a missing, a non-UTF-8 and a binary file as unreadable documents, not a crash', async () => {
    const dir = copyOfCorpus();
    rmSync(join(dir, '002_d321dad4e0970c20.txt'));
    writeFileSync(join(dir, '003_ce8363ce72d294e2.txt'), Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]));
    writeFileSync(join(dir, '004_e1fa18a9873fe279.txt'), Buffer.from('text\u0000\u0001binary'));
    const corpus = await openCorpus(dir);
    const problems = Object.fromEntries((await corpus.list()).map((d) => [d.id, d.problem ?? null]));
    expect(problems['000']).toBeNull();
    expect(problems['002']).toMatch(/missing/);
    expect(problems['003']).toMatch(/not valid UTF-8/);
    expect(problems['004']).toMatch(/binary/);
    await expect(corpus.get('003')).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('skips bad manifest entries with a notice and survives a manifest that is not JSON', async () => {
    const dir = copyOfCorpus();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.documents[2].file = '../../../etc/passwd';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const corpus = await openCorpus(dir);
    expect((await corpus.list()).map((d) => d.id)).toEqual(['000', '001', '003', '004']);
    expect(corpus.notices[0]?.message).toMatch(/entry 3 was skipped/);

    writeFileSync(join(dir, 'manifest.json'), '{ not json');
    const broken = await openCorpus(dir);
    expect(await broken.list()).toEqual([]);
    expect(broken.notices[0]).toMatchObject({ level: 'error' });
  });

  it('picks up a changed file without a restart', async () => {
    const dir = copyOfCorpus();
    const corpus = await openCorpus(dir);
    expect((await corpus.get('002')).paragraphs.length).toBeGreaterThan(2);
    writeFileSync(join(dir, '002_d321dad4e0970c20.txt'), 'Only this.\n');
    expect((await corpus.get('002')).text).toBe('Only this.');
  });
});
