import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from './store';

const temps: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'facing-store-'));
  temps.push(dir);
  return dir;
}
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'));

describe('the store', () => {
  it('starts empty, and an acknowledged update is on disk', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    expect(store.data.settings.theme).toBe('system');
    expect(existsSync(join(dir, STORE_FILE))).toBe(false);
    await store.update((d) => (d.settings.theme = 'sepia'));
    expect(onDisk(dir).settings.theme).toBe('sepia');
    expect((await openStore(dir)).data.settings.theme).toBe('sepia');
  });

  it('coalesces a burst of updates into few writes and loses none', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    const sizes = Array.from({ length: 50 }, (_, i) => 12 + (i % 20));
    await Promise.all(sizes.map((size) => store.update((d) => (d.settings.fontSize = size))));
    expect(onDisk(dir).settings.fontSize).toBe(sizes[sizes.length - 1]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "settings": '],
    ['the wrong shape', '{"hello": "world"}'],
    ['from a newer version', '{"schemaVersion": 99, "settings": {}}'],
  ])('moves a store that is %s aside, reports it and never overwrites it', async (_label, contents) => {
    const dir = dataDir();
    writeFileSync(join(dir, STORE_FILE), contents);
    const store = await openStore(dir);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.level).toBe('error');
    const aside = readdirSync(dir).find((f) => f.startsWith('facing-store.unreadable-'));
    expect(aside).toBeDefined();
    expect(store.notices[0]!.message).toContain(aside!);
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(contents);
    await store.update((d) => (d.settings.fontSize = 20));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(contents);
    expect(onDisk(dir).settings.fontSize).toBe(20);
  });

  it('falls back to default settings for a bad settings block without setting the store aside', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, STORE_FILE), JSON.stringify({ schemaVersion: 1, settings: { theme: 'neon' } }));
    const store = await openStore(dir);
    expect(store.notices).toEqual([]);
    expect(store.data.settings.theme).toBe('system');
  });
});
