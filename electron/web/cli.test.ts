import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'facing-web-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run web', () => {
  it('serves the renderer from FACING_RENDERER_DIR, as the e2e fixture does', async () => {
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>renderer from FACING_RENDERER_DIR</title>');
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'electron', 'web', 'cli.ts'), '--data-dir', join(dir, 'data')], {
      cwd: dir,
      env: { ...process.env, FACING_RENDERER_DIR: rendererDir },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
          if (found) resolve(found[0]);
        });
        child.stderr.on('data', (chunk) => (out += chunk));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const page = await fetch(url).then((res) => res.text());
      expect(page).toContain('renderer from FACING_RENDERER_DIR');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
