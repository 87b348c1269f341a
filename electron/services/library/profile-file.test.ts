import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../../shared/corpus/pairing';
import { tempDirs } from '../test-support';
import { openProfileFile, PROFILES_FILE } from './profile-file';

const temp = tempDirs('facing-profiles-');
const profile = (text: string) => profileOf([{ kind: 'paragraph', text }]);
const bonn = profile('Die Allianz traf sich am 12. Mai 2024 in Bonn mit 3.500 Gästen aus Berlin und Paris.');
const lyon = profile('La réunion du 3 juin 1999 à Lyon réunit 250 délégués de Genève et de Turin.');
const linesOf = (dir: string) => readFileSync(join(dir, PROFILES_FILE), 'utf8').split('\n').filter(Boolean);

describe('the pairing profile file', () => {
  it('keeps profiles across runs, the last one written for a document winning', async () => {
    const dir = temp();
    const file = openProfileFile(dir);
    expect(await file.get('a')).toBeUndefined();
    await Promise.all([file.add([['a', bonn]]), file.add([['b', lyon]])]);
    await file.add([['a', lyon]]);
    const again = openProfileFile(dir);
    expect(await again.get('a')).toEqual(lyon);
    expect(await again.get('b')).toEqual(lyon);
    expect(linesOf(dir)).toHaveLength(3);
  });

  it('skips damaged lines and starts a new line after one cut short', async () => {
    const dir = temp();
    writeFileSync(join(dir, PROFILES_FILE), `${JSON.stringify({ id: 'a', profile: { numbers: 7 } })}\nnot json\n{"id":"b","profile":{"num`);
    const file = openProfileFile(dir);
    expect(await file.get('a')).toBeUndefined();
    expect(await file.get('b')).toBeUndefined();
    await file.add([['c', bonn]]);
    expect(await openProfileFile(dir).get('c')).toEqual(bonn);
    expect(linesOf(dir).at(-1)).toContain('"id":"c"');
  });

  it('takes a file it cannot read for no profiles, and fails only the writes it cannot make', async () => {
    const dir = temp();
    mkdirSync(join(dir, PROFILES_FILE));
    const file = openProfileFile(dir);
    expect(await file.get('a')).toBeUndefined();
    await expect(file.add([['a', bonn]])).rejects.toThrow();
    expect(await file.get('a')).toEqual(bonn);
  });

  it('starts a new line after an append the disk cut short', async () => {
    const dir = temp();
    let full = false;
    const file = openProfileFile(dir, {
      append: async (path, text) => {
        if (!full) return appendFileSync(path, text);
        appendFileSync(path, text.slice(0, 20));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    await file.add([['a', bonn]]);
    full = true;
    await expect(file.add([['b', lyon]])).rejects.toThrow(/no space/);
    full = false;
    await file.add([['c', lyon]]);
    const again = openProfileFile(dir);
    expect(await again.get('a')).toEqual(bonn);
    expect(await again.get('c')).toEqual(lyon);
  });

  it('writes the profiles added while a write is under way together', async () => {
    const dir = temp();
    let appends = 0;
    const file = openProfileFile(dir, {
      append: async (path, text) => {
        appends++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        appendFileSync(path, text);
      },
    });
    await Promise.all(Array.from({ length: 50 }, (_, n) => file.add([[`d${n}`, n % 2 ? bonn : lyon]])));
    expect(appends).toBeLessThanOrEqual(2);
    const again = openProfileFile(dir);
    for (let n = 0; n < 50; n++) expect(await again.get(`d${n}`)).toEqual(n % 2 ? bonn : lyon);
    expect(linesOf(dir)).toHaveLength(50);
  });

  it('is rewritten with live documents only once enough lines are stale', async () => {
    const dir = temp();
    const file = openProfileFile(dir);
    await file.add(Array.from({ length: 300 }, (_, n) => [`d${n}`, bonn] as const));
    expect(await file.prune((id) => id !== 'd0')).toBe(false);
    expect(linesOf(dir)).toHaveLength(300);
    expect(await file.prune((id) => Number(id.slice(1)) < 50)).toBe(true);
    // d0 went at the first call, which only found too few stale lines to rewrite for.
    expect(linesOf(dir)).toHaveLength(49);
    await file.add([['new', lyon]]);
    const again = openProfileFile(dir);
    expect(await again.get('d49')).toEqual(bonn);
    expect(await again.get('d0')).toBeUndefined();
    expect(await again.get('d50')).toBeUndefined();
    expect(await again.get('new')).toEqual(lyon);
  });
});
