import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/annotations/anchoring';
import { openServices } from './handlers';
import { tempDirs } from './test-support';
import { openStore, STORE_FILE, type StoreOptions } from './store';

const dataDir = tempDirs('facing-recovery-');
const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');

const journals = (dir: string) => readdirSync(dir).filter((f) => /^facing-store\.journal-\d+\.jsonl$/.test(f)).sort();
const backups = (dir: string) => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.json')).sort() : []);
const put = (k: string, v: unknown = { k }) => ({ c: 'annotations' as const, k, v });
const keys = (data: { annotations: Record<string, unknown> }) => Object.keys(data.annotations).sort();

/** A store with a backup (after `base` commits and a clean stop) and then `since` more acknowledged commits in its journal. */
async function backupThenJournal(dir: string, base: string[], since: string[], options?: StoreOptions) {
  const first = await openStore(dir, options);
  await first.commit(base.map((k) => put(k)));
  await first.close();
  const second = await openStore(dir, options);
  await second.commit(since.map((k) => put(k)));
  await second.close();
}

describe('issue 13 item 9: journal records are validated like the snapshot', () => {
  it.each([
    ['an unknown collection', '{"c":"annotationr","k":"x","v":{"k":"x"}}'],
    ['null', 'null'],
    ['a number', '42'],
    ['a record without a key', '{"c":"annotations","v":{}}'],
    ['settings that are not settings', '{"c":"settings","v":"dark"}'],
  ])('a line that is valid JSON but %s does not stop the start; the rest is applied and the line kept aside', async (_label, line) => {
    const dir = dataDir();
    const store = await openStore(dir);
    await store.commit([put('a')]);
    const file = join(dir, journals(dir)[0]!);
    appendFileSync(file, `${line}\n${JSON.stringify(put('b'))}\n`);
    const again = await openStore(dir);
    expect(keys(again.data)).toEqual(['a', 'b']);
    const notice = again.notices.find((n) => n.level === 'error');
    expect(notice?.message).toMatch(/1 change .*could not be read/);
    const aside = readdirSync(dir).find((f) => /^facing-store\.unreadable-.*journal/.test(f));
    expect(notice?.message).toContain(aside!);
    expect(readFileSync(join(dir, aside!), 'utf8')).toContain(line);
  });
});

describe('issue 13 item 10: no append after a torn tail; every intact record applied', () => {
  it.each([
    ['a partial record', '{"c":"annotations","k":"3f0c'],
    ['4,096 NUL bytes', '\0'.repeat(4096)],
  ])('the issue scenario with %s: start, create, stop, start/stop, tear, start, create 5, stop, start => 6', async (_label, tear) => {
    const dir = dataDir();
    const doc = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')).documents[0];
    const text = readFileSync(join(corpusDir, doc.file), 'utf8');
    const create = async (services: Awaited<ReturnType<typeof openServices>>, i: number) => {
      const { handlers } = services;
      const full = (await handlers['documents:get']({ id: doc.id })).text;
      await handlers['annotations:create']({ documentId: doc.id, target: describeRange(full, i * 10, i * 10 + 8), colour: 'yellow', tags: [], note: `n${i}` });
    };
    expect(text.length).toBeGreaterThan(100);
    const run = async (fn?: (s: Awaited<ReturnType<typeof openServices>>) => Promise<void>) => {
      const services = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'test', warmAfterMs: 1e9 });
      await fn?.(services);
      const count = (await services.handlers['annotations:list']({})).length;
      await services.close();
      return { count, notices: (await services.handlers['app:info']({})).notices };
    };
    await run((s) => create(s, 0));
    await run();
    // The journal the snapshot names, as the tester found it (not yet created: nothing was written since).
    const named = JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')).journal;
    appendFileSync(join(dir, `facing-store.journal-${named}.jsonl`), tear);
    await run(async (s) => {
      for (let i = 1; i <= 5; i++) await create(s, i);
    });
    const after = await run();
    expect(after.count).toBe(6);
    expect(after.notices.filter((n) => n.level !== 'info')).toEqual([]);
    // and again: nothing is glued to the fragment the next time either
    await run((s) => create(s, 7));
    expect((await run()).count).toBe(7);
  });

  it('a torn tail is never appended to: the next start writes to a new journal', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    await store.commit([put('a')]);
    await store.close();
    await (await openStore(dir)).close();
    const torn = `facing-store.journal-${JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')).journal}.jsonl`;
    appendFileSync(join(dir, torn), '{"c":"annotations","k":"3f0c');
    const tornText = readFileSync(join(dir, torn), 'utf8');
    const again = await openStore(dir);
    await again.commit([put('b')]);
    // The torn file may be kept for an older backup, but nothing more is written to it.
    if (existsSync(join(dir, torn))) expect(readFileSync(join(dir, torn), 'utf8')).toBe(tornText);
    expect(journals(dir).some((j) => j !== torn && readFileSync(join(dir, j), 'utf8').includes('"k":"b"'))).toBe(true);
    await again.close();
    const notice = (await openStore(dir)).notices;
    expect(notice).toEqual([]);
  });

  it('a garbled middle line: every intact record after it is applied, and the notice says what could not be read', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    for (const k of ['a', 'b', 'c', 'd']) await store.commit([put(k)]);
    const file = join(dir, journals(dir).at(-1)!);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 12) + '\u0000garbled';
    writeFileSync(file, lines.join('\n'));
    const again = await openStore(dir);
    expect(keys(again.data)).toEqual(['a', 'c', 'd']);
    const messages = again.notices.map((n) => n.message).join(' ');
    expect(messages).not.toMatch(/nothing was lost/);
    expect(messages).toMatch(/1 change .*could not be read/);
    const aside = readdirSync(dir).find((f) => /^facing-store\.unreadable-.*journal/.test(f))!;
    expect(messages).toContain(join(dir, aside));
  });

  it('a journal cut short is not reported as "nothing was lost"', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    for (const k of ['a', 'b', 'c']) await store.commit([put(k)]);
    const file = join(dir, journals(dir).at(-1)!);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 10));
    const again = await openStore(dir);
    expect(keys(again.data)).toEqual(['a', 'b']);
    const message = again.notices.map((n) => n.message).join(' ');
    expect(message).toMatch(/did not close properly/);
    expect(message).not.toMatch(/nothing was lost/);
    expect(message).toMatch(/cut short/);
  });
});

describe('issue 13 item 11: the running marker, unreadable and missing snapshots', () => {
  it('a stale marker whose PID belongs to another live process that is not Facing does not refuse the start', async () => {
    const dir = dataDir();
    await openStore(dir);
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      // The form the previous version wrote (a bare PID), and the current form with another process's start.
      writeFileSync(join(dir, 'facing.running'), String(other.pid));
      expect((await openStore(dir)).notices[0]?.message).toMatch(/did not close properly/);
      writeFileSync(join(dir, 'facing.running'), JSON.stringify({ pid: other.pid, started: 1000, run: 'x' }));
      expect((await openStore(dir)).notices[0]?.message).toMatch(/did not close properly/);
    } finally {
      other.kill();
    }
  });

  it('a data folder a live Facing has open is refused with a message that says how to recover', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-burst.fixture.ts'), dir, 'held'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const refusal = await openStore(dir).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refusal).toMatch(/already running on this data folder/);
      expect(refusal).toMatch(/Close that one first.*or start this one with another data folder/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('a fresh data folder has a snapshot and a backup after its first start', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    expect(existsSync(join(dir, STORE_FILE))).toBe(true);
    expect(backups(dir)).toHaveLength(1);
    await store.close();
  });

  it('a deleted snapshot is noticed and the store rebuilt from the backup and the journal', async () => {
    const dir = dataDir();
    await backupThenJournal(dir, ['a', 'b'], ['c']);
    const crashed = await openStore(dir);
    await crashed.commit([put('d')]);
    unlinkSync(join(dir, STORE_FILE));
    const store = await openStore(dir);
    expect(keys(store.data)).toEqual(['a', 'b', 'c', 'd']);
    expect(store.notices.find((n) => n.level !== 'info')?.message).toMatch(/missing.*Recovered 3 annotations from the backup of .* and 1 change made since/);
  });
});

describe('issue 13 item 12: temporary files', () => {
  it('removes leftover temporary snapshot files at start', async () => {
    const dir = dataDir();
    await (await openStore(dir)).close();
    writeFileSync(join(dir, `.${STORE_FILE}.4242.tmp`), '{"half":');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', `.facing-store-2026-01-01T00-00-00-000Z.j1.n0.json.4242.tmp`), '{"half":');
    await (await openStore(dir)).close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('issue 12 item 2: recovery without the user', () => {
  it.each([
    ['garbage', () => 'garbage \u0001\u0002'],
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
  ])('a %s snapshot: kept aside, the store rebuilt from the newest backup plus the journal after it', async (_label, damage) => {
    const dir = dataDir();
    await backupThenJournal(dir, ['a', 'b', 'c'], []);
    const live = await openStore(dir);
    await live.commit([put('d'), put('e')]);
    await live.commit([{ c: 'annotations', k: 'a', v: null }]);
    const snapshotText = readFileSync(join(dir, STORE_FILE), 'utf8');
    const damaged = damage(snapshotText);
    writeFileSync(join(dir, STORE_FILE), damaged);
    const store = await openStore(dir);
    expect(keys(store.data)).toEqual(['b', 'c', 'd', 'e']);
    const notice = store.notices.find((n) => n.level !== 'info')!;
    expect(notice.message).toMatch(/Recovered 3 annotations from the backup of \S+ and 3 changes made since; the damaged file is kept at /);
    const aside = readdirSync(dir).find((f) => f.startsWith('facing-store.unreadable-') && !f.includes('journal'))!;
    expect(notice.message).toContain(join(dir, aside));
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(damaged);
    // The readable journal is not taken aside with the snapshot, and the next start needs no notice.
    expect(readdirSync(dir).some((f) => /unreadable.*journal/.test(f))).toBe(false);
    await store.close();
    const next = await openStore(dir);
    expect(next.notices).toEqual([]);
    expect(keys(next.data)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('a damaged newest backup falls back to the one before, and journals are kept until a backup covers them', async () => {
    let clock = Date.parse('2026-03-01T08:00:00Z');
    const options: StoreOptions = { now: () => new Date(clock) };
    const dir = dataDir();
    const first = await openStore(dir, options);
    await first.commit([put('a')]);
    await first.close();
    clock += 3_600_000;
    // Each start folds the journal it replayed into a snapshot and a backup: a while after it, here at once.
    const second = await openStore(dir, options);
    await second.settled();
    await second.commit([put('b')]);
    await second.close();
    clock += 3_600_000;
    const third = await openStore(dir, options);
    await third.settled();
    await third.commit([put('c')]);
    const newest = backups(dir).at(-1)!;
    writeFileSync(join(dir, 'backups', newest), '{"schemaVersion":2,"annot');
    writeFileSync(join(dir, STORE_FILE), 'x');
    const store = await openStore(dir, options);
    expect(keys(store.data)).toEqual(['a', 'b', 'c']);
    expect(store.notices.find((n) => n.level !== 'info')?.message).toMatch(/Recovered 1 annotation from the backup of .* and 2 changes made since/);
    // The damaged backup is set aside in its folder, not overwritten or removed.
    expect(readFileSync(join(dir, 'backups', `${newest}.unreadable`), 'utf8')).toBe('{"schemaVersion":2,"annot');
    expect(store.notices.find((n) => n.level !== 'info')?.message).toContain(`${newest}.unreadable`);
  });

  it('disk full while writing a backup loses nothing and overwrites no damaged file', async () => {
    const dir = dataDir();
    let full = false;
    const options: StoreOptions = {
      writeFile: async (path, contents) => {
        if (full && path.includes('backups')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        const { writeFileDurably } = await import('./durable-file');
        return writeFileDurably(path, contents);
      },
    };
    await backupThenJournal(dir, ['a'], ['b'], options);
    const before = backups(dir).map((f) => [f, readFileSync(join(dir, 'backups', f), 'utf8')]);
    full = true;
    const store = await openStore(dir, options);
    await store.commit([put('c')]);
    await store.compact();
    await store.commit([put('d')]);
    await store.close();
    expect(backups(dir).map((f) => [f, readFileSync(join(dir, 'backups', f), 'utf8')])).toEqual(before);
    // Journals the last good backup does not cover are still there, so a damaged snapshot now loses nothing.
    full = false;
    writeFileSync(join(dir, STORE_FILE), 'garbage');
    const recovered = await openStore(dir, options);
    expect(keys(recovered.data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('backs up at least hourly while changes happen, keeps 24 hourly and 7 daily (settable), each verified', async () => {
    let clock = Date.parse('2026-03-01T00:30:00Z');
    const options: StoreOptions = { now: () => new Date(clock) };
    const dir = dataDir();
    const store = await openStore(dir, options);
    for (let hour = 0; hour < 24 * 10; hour++) {
      clock += 3_600_000;
      await store.commit([put(`h${hour}`)]);
      await store.settled();
    }
    const kept = backups(dir);
    const days = new Set(kept.map((f) => f.slice('facing-store-'.length, 'facing-store-'.length + 10)));
    expect(kept.length).toBeGreaterThanOrEqual(24);
    expect(kept.length).toBeLessThanOrEqual(24 + 7 + 1);
    expect(days.size).toBeGreaterThanOrEqual(7);
    for (const f of kept) expect(() => JSON.parse(readFileSync(join(dir, 'backups', f), 'utf8'))).not.toThrow();
    await store.commit([{ c: 'settings', v: { ...store.data.settings, backupsHourly: 3, backupsDaily: 2 } }]);
    clock += 3_600_000;
    await store.commit([put('last')]);
    await store.settled();
    expect(backups(dir).length).toBeLessThanOrEqual(3 + 2 + 1);
    const listed = await store.backups();
    expect(listed[0]).toMatchObject({ annotations: 24 * 10 + 1 });
    expect(listed[0]!.size).toBe(statSync(join(dir, 'backups', listed[0]!.id)).size);
  }, 180_000);

  it('restores a backup after keeping the current store aside, so the restore can be undone', async () => {
    let clock = Date.parse('2026-03-01T08:00:00Z');
    const options: StoreOptions = { now: () => new Date(clock) };
    const dir = dataDir();
    await backupThenJournal(dir, ['a'], [], options);
    clock += 3_600_000;
    const store = await openStore(dir, options);
    await store.commit([put('b'), put('c')]);
    await store.settled();
    const withA = (await store.backups()).find((b) => b.annotations === 1);
    const outcome = await store.restoreBackup(withA!.id);
    expect(keys(store.data)).toEqual(['a']);
    await store.commit([put('z')]);
    await store.close();
    const reopened = await openStore(dir, options);
    expect(keys(reopened.data)).toEqual(['a', 'z']);
    await reopened.restoreBackup(outcome.keptAs);
    expect(keys(reopened.data)).toEqual(['a', 'b', 'c']);
    await expect(reopened.restoreBackup('../facing-store.json')).rejects.toThrow(/no backup/i);
  });
});
