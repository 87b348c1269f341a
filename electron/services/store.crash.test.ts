import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from './store';

const dir = mkdtempSync(join(tmpdir(), 'facing-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the burst writer, kills it with SIGKILL after `ms`, and returns the ids it saw acknowledged. */
function burstThenKill(prefix: string, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), so SIGKILL stops the writer itself rather than a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-burst.fixture.ts'), dir, prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!started) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), ms);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out.split('\n').slice(0, -1)));
  });
}

describe('the store under SIGKILL', () => {
  it('always parses and holds every acknowledged write, kill after kill', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 12; round++) {
      acknowledged.push(...(await burstThenKill(`r${round}`, 20 + ((round * 37) % 120))));
      const store = await openStore(dir);
      // Each kill is an unclean exit, which the store reports (level info) after checking itself.
      expect(store.notices.filter((n) => n.level !== 'info')).toEqual([]);
      expect(store.notices[0]?.message).toMatch(/did not close properly/);
      const missing = acknowledged.filter((id) => !(id in store.data.annotations));
      expect(missing).toEqual([]);
      await store.close();
    }
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(() => JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'))).not.toThrow();
  }, 120_000);
});
