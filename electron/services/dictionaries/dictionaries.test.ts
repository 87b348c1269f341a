import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { gzipSync } from 'node:zlib';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support';
import { makeDictd, makeStarDict } from './dictionary-files.fixture';
import { openDictd } from './dictd';
import { createDictionaryService } from './service';
import { openStarDict } from './stardict';

const temp = tempDirs('facing-dict-');

function writeDictd(dir: string, name: string, entries: Array<[string, string]>, options?: { compressed?: boolean }) {
  const files = makeDictd(name, entries, options);
  writeFileSync(join(dir, `${name}.index`), files.index);
  writeFileSync(join(dir, `${name}.${files.dictName}`), files.dict);
}

function service(systemDirs: string[]) {
  return createDictionaryService({ dataDir: temp(), systemDirs });
}

function zip(files: Record<string, Buffer>): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) archive.addBuffer(data, name);
  archive.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function tarGz(files: Record<string, Buffer>): Promise<Buffer> {
  const tar = pack();
  for (const [name, data] of Object.entries(files)) tar.entry({ name }, data);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

const starDictFiles = (name: string, dict: ReturnType<typeof makeStarDict>) => ({
  [`${name}.ifo`]: dict.ifo,
  [`${name}.${dict.idxName}`]: dict.idx,
  [`${name}.dict.dz`]: dict.dict,
  ...(dict.syn ? { [`${name}.syn`]: dict.syn } : {}),
});

describe('dictd dictionaries', () => {
  it('reads definitions from any chunk of a dictzip file without inflating the whole file', async () => {
    const dir = temp();
    const entries = Array.from({ length: 3000 }, (_, i): [string, string] => [`wort${i}`, `Wort${i}\nword number ${i}`]);
    writeDictd(dir, 'test-deu-eng', entries);
    const d = await openDictd(join(dir, 'test-deu-eng.index'));
    expect(d).toMatchObject({ name: 'test-deu-eng', from: 'de', to: 'en', entries: 3000 });
    expect(await d.definitions('wort2718')).toEqual([{ headword: 'wort2718', definition: 'Wort2718\nword number 2718', synonym: false }]);
    expect(await d.definitions('wort0')).toHaveLength(1);
    await d.close();
  });

  it('finds the same entries whether the index is in byte order (kept as bytes) or not (read into strings)', async () => {
    const dir = temp();
    // dictd's own order: bytes, so "haus" < "hausarzt" < "häuser"; a leading space and a capital are
    // headwords that are not their own key.
    const sorted: Array<[string, string]> = [
      [' ab', 'ab\naway'],
      ['abend', 'Abend\nevening'],
      ['haus', 'Haus\nhouse'],
      ['haus', 'Haus\nhome'],
      ['hausarzt', 'Hausarzt\nfamily doctor'],
      ['häuser', 'Häuser\nhouses'],
      ['straße', 'Straße\nstreet'],
      ['zürich', 'Zürich\nZurich'],
    ];
    writeDictd(dir, 'sorted', sorted);
    writeDictd(dir, 'unsorted', [...sorted].reverse());
    const a = await openDictd(join(dir, 'sorted.index'));
    const b = await openDictd(join(dir, 'unsorted.index'));
    expect(a.headwords.constructor.name).toBe('SortedHeadwords');
    expect(b.headwords.constructor.name).toBe('HeadwordIndex');
    const definitions = async (d: typeof a, key: string) => (await d.definitions(key)).map((e) => e.definition).sort();
    for (const key of ['ab', 'abend', 'haus', 'hausarzt', 'häuser', 'straße', 'zürich', 'hau', 'zz']) {
      expect(await definitions(a, key)).toEqual(await definitions(b, key));
      expect(a.headwords.withPrefix(key.slice(0, 2), 20).sort()).toEqual(b.headwords.withPrefix(key.slice(0, 2), 20).sort());
    }
    expect(await definitions(a, 'haus')).toEqual(['Haus\nhome', 'Haus\nhouse']);
    expect(a.entries).toBe(sorted.length);
    await a.close();
    await b.close();
  });

  it('refuses a truncated index, an index that points past its data, and binary data, naming the file', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'cut.index'), 'haus\tA\tB\nhof\tZ');
    writeFileSync(join(dir, 'cut.dict'), 'Haus');
    await expect(openDictd(join(dir, 'cut.index'))).rejects.toThrow(/^cut\.index is not a dictd index: line 2/);

    writeDictd(dir, 'short', [['haus', 'Haus\nhouse']], { compressed: false });
    writeFileSync(join(dir, 'short.dict'), 'Ha');
    await expect(openDictd(join(dir, 'short.index'))).rejects.toThrow(/^short\.index names definitions past the end of short\.dict/);

    writeDictd(dir, 'binary', [['haus', 'Haus\nhouse']], { compressed: false });
    writeFileSync(join(dir, 'binary.dict'), Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : 200 + (i % 50)))));
    const binary = await openDictd(join(dir, 'binary.index'));
    await expect(binary.definitions('haus')).rejects.toThrow(/binary\.dict holds binary data/);
    await binary.close();
  });

  it('refuses a dictionary that lists a definition of 100 MB, naming the file, without reading it', async () => {
    const dir = temp();
    const { dictdNumber } = await import('./dictionary-files.fixture');
    writeFileSync(join(dir, 'huge.index'), `haus\tA\t${dictdNumber(100 * 1024 * 1024)}\n`);
    const fd = openSync(join(dir, 'huge.dict'), 'w');
    ftruncateSync(fd, 101 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    await expect(openDictd(join(dir, 'huge.index'))).rejects.toThrow(/^huge\.index lists a definition of 100\.0 MB on line 1; Facing reads definitions up to 256 KB/);
  });

  it('reads the definitions of many words together as one by one, leaving out only the words of a damaged chunk', async () => {
    const dir = temp();
    const entries = Array.from({ length: 3000 }, (_, i): [string, string] => [`wort${i % 1500}`, `Wort${i}\nword number ${i}`]);
    writeDictd(dir, 'many', entries);
    const keys = ['wort7', 'wort1499', 'nichts', 'wort700', 'wort7', ...Array.from({ length: 200 }, (_, i) => `wort${i * 7}`)];
    const intact = await openDictd(join(dir, 'many.index'));
    const together = await intact.definitionsOf(keys);
    expect(together.get('wort7')).toEqual(await intact.definitions('wort7'));
    expect(together.get('wort7')).toHaveLength(2);
    expect(together.get('nichts')).toEqual([]);
    for (const key of keys) expect(together.get(key)).toEqual(await intact.definitions(key));
    await intact.close();

    // The 40th chunk's compressed data starts with an invalid deflate block.
    const dz = readFileSync(join(dir, 'many.dict.dz'));
    const extra = dz.readUInt16LE(10);
    let at = 12 + extra;
    for (let chunk = 0; chunk < 40; chunk++) at += dz.readUInt16LE(12 + 4 + 6 + chunk * 2);
    dz[at] = 0xff;
    writeFileSync(join(dir, 'many.dict.dz'), dz);
    const damaged = await openDictd(join(dir, 'many.index'));
    const readable = await damaged.definitionsOf(keys);
    const lost: string[] = [];
    for (const key of new Set(keys)) {
      const one = await damaged.definitions(key).catch(() => undefined);
      if (one) expect(readable.get(key)).toEqual(one);
      else lost.push(key);
    }
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.filter((key) => readable.has(key))).toEqual([]);
    await damaged.close();
  });

  it('shows FreeDict cross-references as words, without their braces', async () => {
    const dir = temp();
    writeDictd(dir, 'refs', [['haus', 'Haus\nhouse\n see: {Häuser}, {Hausarzt}']]);
    const d = await openDictd(join(dir, 'refs.index'));
    expect((await d.definitions('haus'))[0]!.definition).toBe('Haus\nhouse\n see: Häuser, Hausarzt');
    await d.close();
  });
});

describe('StarDict dictionaries', () => {
  it('reads .ifo, gzipped .idx, .syn and dictzip data, with HTML definitions reduced to safe text', async () => {
    const dir = temp();
    const made = makeStarDict(
      'Tiny German-English',
      [
        ['Haus', '<b>house</b><br>building<script>alert(1)</script><img src=x onerror=alert(2)>'],
        ['Allianz', 'alliance &amp; league'],
      ],
      { sametypesequence: 'h', gzipIndex: true, synonyms: [['Gebäude', 1]], lang: 'de-en' },
    );
    for (const [name, data] of Object.entries(starDictFiles('tiny', made))) writeFileSync(join(dir, name), data);
    const d = await openStarDict(join(dir, 'tiny.ifo'));
    expect(d).toMatchObject({ name: 'Tiny German-English', from: 'de', to: 'en', entries: 2 });
    expect(await d.definitions('haus')).toEqual([{ headword: 'Haus', definition: 'house\nbuilding', synonym: false }]);
    expect(await d.definitions('allianz')).toEqual([{ headword: 'Allianz', definition: 'alliance & league', synonym: false }]);
    expect(made.order[1]).toBe('Haus');
    expect((await d.definitions('gebäude'))[0]).toMatchObject({ definition: 'house\nbuilding', synonym: true });
    await d.close();
  });

  it('refuses an index whose size does not match the .ifo, or that is cut short', async () => {
    const dir = temp();
    const made = makeStarDict('Cut', [['Haus', 'house']]);
    writeFileSync(join(dir, 'cut.ifo'), made.ifo);
    writeFileSync(join(dir, 'cut.idx'), made.idx.subarray(0, made.idx.length - 3));
    writeFileSync(join(dir, 'cut.dict.dz'), made.dict);
    await expect(openStarDict(join(dir, 'cut.ifo'))).rejects.toThrow(/^cut\.idx is \d+ bytes where the \.ifo says/);
    writeFileSync(join(dir, 'cut.ifo'), 'not a dictionary');
    await expect(openStarDict(join(dir, 'cut.ifo'))).rejects.toThrow(/cut\.ifo is not a StarDict \.ifo file/);
  });
});

describe('the dictionary service', () => {
  it('lists system dictionaries with languages and sizes, looks words up best first, and says when none fits', async () => {
    const system = temp();
    writeDictd(system, 'freedict-deu-eng', [
      ['veranstaltung', 'Veranstaltung <fem>\nevent, session'],
      ['ort', 'Ort <masc>\nplace, location'],
      ['musik', 'Musik <fem>\nmusic'],
    ]);
    const dictionaries = service([system]);
    const [listed] = await dictionaries.list();
    expect(listed).toMatchObject({ id: 'system:freedict-deu-eng', from: 'de', to: 'en', entries: 3, origin: 'system', enabled: true });
    const found = await dictionaries.lookup('Veranstaltungen', 'de');
    expect(found.entries.map((e) => [e.headword, e.match])).toEqual([['veranstaltung', 'inflection']]);
    expect((await dictionaries.lookup('Musikveranstaltung', 'de')).entries.map((e) => [e.headword, e.match])).toEqual([
      ['musik', 'compound-part'],
      ['veranstaltung', 'compound-part'],
    ]);
    expect(await dictionaries.lookup('Quatsch', 'de')).toMatchObject({ entries: [], searched: 1 });
    expect(await dictionaries.lookup('house', 'en')).toMatchObject({ entries: [], searched: 0 });
    await dictionaries.close();
  });

  it('adds a StarDict dictionary from a .zip and from a .tar.gz, switches it off and removes it', async () => {
    const dictionaries = service([]);
    const made = makeStarDict('Tiny', [['Haus', 'house']], { sametypesequence: 'm', lang: 'de-en' });
    const [fromZip] = await dictionaries.add([{ name: 'tiny.zip', data: await zip(starDictFiles('tiny', made)) }]);
    expect(fromZip).toMatchObject({ name: 'Tiny', origin: 'user', from: 'de', to: 'en', entries: 1 });
    const [fromTar] = await dictionaries.add([{ name: 'tiny.tar.gz', data: await tarGz(starDictFiles('dir/tiny', made)) }]);
    expect(fromTar!.id).not.toBe(fromZip!.id);
    expect((await dictionaries.lookup('Haus', 'de')).entries).toHaveLength(2);

    await dictionaries.update(fromZip!.id, { enabled: false });
    expect((await dictionaries.lookup('Haus', 'de')).entries).toHaveLength(1);
    await dictionaries.remove(fromTar!.id);
    expect(existsSync(fromTar!.location)).toBe(false);
    expect((await dictionaries.list()).map((d) => d.id)).toEqual([fromZip!.id]);
    await dictionaries.close();
  });

  it('is never seen half copied: a list or lookup while a dictionary is added does not mark it broken', async () => {
    const dictionaries = service([]);
    const made = makeStarDict('Tiny', [['Haus', 'house']], { sametypesequence: 'm', lang: 'de-en' });
    let adding = true;
    const adds = dictionaries.add(Object.entries(starDictFiles('tiny', made)).map(([name, data]) => ({ name, data }))).finally(() => (adding = false));
    // What the background aligner and the Dictionaries page do meanwhile.
    while (adding) {
      await dictionaries.list();
      await dictionaries.lookup('Haus', 'de');
    }
    const [added] = await adds;
    expect((await dictionaries.list()).map((d) => [d.id, d.problem])).toEqual([[added!.id, undefined]]);
    expect((await dictionaries.lookup('Haus', 'de')).entries).toHaveLength(1);
    await dictionaries.close();
  });

  it('removes what an add cut short by a crash left behind, and never lists it', async () => {
    const dataDir = temp();
    const leftover = join(dataDir, 'dictionaries', '.adding-0b9c');
    mkdirSync(leftover, { recursive: true });
    const made = makeStarDict('Tiny', [['Haus', 'house']], { sametypesequence: 'm', lang: 'de-en' });
    for (const [name, data] of Object.entries(starDictFiles('tiny', made))) writeFileSync(join(leftover, name), data);
    const dictionaries = createDictionaryService({ dataDir, systemDirs: [] });
    expect(await dictionaries.list()).toEqual([]);
    await dictionaries.add(Object.entries(starDictFiles('other', made)).map(([name, data]) => ({ name, data })));
    expect(existsSync(leftover)).toBe(false);
    expect(await dictionaries.list()).toHaveLength(1);
    await dictionaries.close();
  });

  it('stops unpacking a .tar.gz bomb at the limit, in the background', async () => {
    const dictionaries = service([]);
    const { ARCHIVE_LIMITS } = await import('./archive');
    const limit = ARCHIVE_LIMITS.totalBytes;
    ARCHIVE_LIMITS.totalBytes = 2 * 1024 * 1024;
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      await expect(dictionaries.add([{ name: 'bomb.tar.gz', data: gzipSync(Buffer.alloc(16 * 1024 * 1024)) }])).rejects.toThrow(/bomb\.tar\.gz expands to more than 2 MB, as archive bombs do/);
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      ARCHIVE_LIMITS.totalBytes = limit;
    }
    await dictionaries.close();
  });

  it('refuses a StarDict dictionary with a 30 MB entry when it is added, naming the file', async () => {
    const dictionaries = service([]);
    const made = makeStarDict('Huge', [['Haus', 'x'.repeat(300 * 1024)]], { sametypesequence: 'm', lang: 'de-en' });
    await expect(dictionaries.add([{ name: 'huge.ifo', data: made.ifo }, { name: 'huge.idx', data: made.idx }, { name: 'huge.dict.dz', data: made.dict }])).rejects.toThrow(/^huge\.idx lists a definition of 0\.3 MB for "Haus"; Facing reads definitions up to 256 KB/);
    expect(await dictionaries.list()).toEqual([]);
    await dictionaries.close();
  });

  it('refuses broken and hostile files with a message naming the file, and keeps the rest working', async () => {
    const dictionaries = service([]);
    const made = makeStarDict('Tiny', [['Haus', 'house']], { sametypesequence: 'm', lang: 'de-en' });
    await expect(dictionaries.add([{ name: 'evil.tar.gz', data: await tarGz({ '../evil.ifo': made.ifo }) }])).rejects.toThrow(/evil\.tar\.gz has an entry that points outside its folder/);
    await expect(dictionaries.add([{ name: 'bomb.zip', data: await zip({ 'bomb.dict': Buffer.alloc(4 * 1024 * 1024) }) }])).rejects.toThrow(/bomb\.zip.*archive bombs/);
    await expect(dictionaries.add([{ name: 'broken.ifo', data: made.ifo }, { name: 'broken.idx', data: made.idx.subarray(0, 4) }, { name: 'broken.dict.dz', data: made.dict }])).rejects.toThrow(/broken\.idx is \d+ bytes where/);
    await expect(dictionaries.add([{ name: 'notes.pdf', data: Buffer.from('%PDF') }])).rejects.toThrow(/notes\.pdf is not a dictionary file/);
    expect(await dictionaries.list()).toEqual([]);
    await dictionaries.add([{ name: 'tiny.ifo', data: made.ifo }, { name: 'tiny.idx', data: made.idx }, { name: 'tiny.dict.dz', data: made.dict }]);
    expect((await dictionaries.lookup('Haus', 'de')).entries).toHaveLength(1);
    await dictionaries.close();
  });

  it('gives the aligner a lexicon for a pair of languages whichever way round the dictionary goes', async () => {
    const system = temp();
    writeDictd(system, 'freedict-deu-eng', [['allianz', 'Allianz <fem>\nalliance, league'], ['gipfel', 'Gipfel <masc>\nsummit, peak']]);
    const dictionaries = service([system]);
    const german = { language: 'de', texts: () => ['Die Allianz erreichte den Gipfel.'] };
    const english = { language: 'en', texts: () => ['The alliance reached the summit.'] };
    const lexicon = await dictionaries.lexiconBetween(english, german);
    expect(lexicon).toMatchObject({ from: 'de', to: 'en', size: 2 });
    expect(lexicon!.targets('allianz')).toEqual(['allianc', 'leagu']);
    expect(await dictionaries.lexiconBetween({ language: 'fr', texts: () => [] }, english)).toBeUndefined();
    await dictionaries.close();
  });

  it('lists a dictionary whose files are damaged with its problem and leaves it out of lookups', async () => {
    const system = temp();
    mkdirSync(join(system, 'sub'));
    writeDictd(system, 'good-deu-eng', [['haus', 'Haus\nhouse']]);
    writeFileSync(join(system, 'bad-deu-eng.index'), 'haus\tA\tBA\n');
    writeFileSync(join(system, 'bad-deu-eng.dict'), 'x');
    const dictionaries = service([system]);
    expect((await dictionaries.lookup('Haus', 'de')).entries).toHaveLength(1);
    const bad = (await dictionaries.list()).find((d) => d.id === 'system:bad-deu-eng');
    expect(bad?.problem).toMatch(/^bad-deu-eng\.index names definitions past the end of bad-deu-eng\.dict/);
    await expect(dictionaries.remove('system:good-deu-eng')).rejects.toThrow(/belongs to the system/);
    await dictionaries.close();
  }, 60_000);
});

const freedict = '/usr/share/dictd/freedict-deu-eng.index';
describe.skipIf(!existsSync(freedict))('FreeDict German-English from Debian (dict-freedict-deu-eng)', () => {
  it('finds Veranstaltung, an inflected form and the parts of a compound it does not have', async () => {
    const dictionaries = service(['/usr/share/dictd']);
    const direct = await dictionaries.lookup('Veranstaltung', 'de');
    expect(direct.entries[0]).toMatchObject({ headword: 'veranstaltung', match: 'case' });
    expect(direct.entries.map((e) => e.definition).join('\n')).toMatch(/\bevent\b/);
    const inflected = await dictionaries.lookup('Veranstaltungen', 'de');
    expect(inflected.entries.some((e) => e.headword === 'veranstaltung' && e.match === 'inflection')).toBe(true);
    const compound = await dictionaries.lookup('Musikveranstaltung', 'de');
    expect(compound.entries.filter((e) => e.match === 'compound-part').map((e) => e.headword)).toEqual(expect.arrayContaining(['musik', 'veranstaltung']));
    await dictionaries.close();
  }, 60_000);
});
