import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../services/test-support';

const temp = tempDirs('facing-launch-');
const launcher = join(import.meta.dirname, '..', 'launch.mjs');

/** A project folder with electron/launch.mjs and, if given, an electron package whose install.js is `install`. */
function project(install?: string) {
  const dir = temp();
  mkdirSync(join(dir, 'electron'));
  copyFileSync(launcher, join(dir, 'electron', 'launch.mjs'));
  if (install !== undefined) {
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }));
    // Like the real package: requiring it tries to download and throws.
    writeFileSync(join(pkg, 'index.js'), "require('child_process').spawnSync(process.execPath, [__dirname + '/install.js'], { stdio: 'inherit' }); throw new Error('Electron failed to install correctly.');");
    writeFileSync(join(pkg, 'install.js'), install);
  }
  return dir;
}

function start(dir: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [join(dir, 'electron', 'launch.mjs'), ...args], { cwd: dir, encoding: 'utf8', env, timeout: 30_000 });
}

const offline = `console.log('Downloading Electron binary...');
setTimeout(() => { const e = new TypeError('fetch failed'); e.stack = 'TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)'; console.error(e.stack); process.exit(1); }, 10);`;

describe('npm start (electron/launch.mjs)', () => {
  it('without a binary that can be downloaded, prints one clear message naming npm run web and no stack trace', () => {
    const run = start(project(offline));
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toContain('npm run web');
    expect(output).toContain('could not be downloaded (TypeError: fetch failed)');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Downloading Electron binary');
  }, 30_000);

  it('says so when the electron package itself is missing', () => {
    const run = start(project());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the electron package is not installed');
    expect(run.stderr).toContain('npm run web');
  }, 30_000);

  it('downloads once if needed, then runs the binary on the app with the arguments and passes its exit code on', () => {
    // This install.js "downloads" a binary that records its arguments.
    const install = `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); const bin = __dirname + '/dist/electron';
fs.writeFileSync(bin, '#!/usr/bin/env node\\nrequire("fs").writeFileSync(process.cwd() + "/args.json", JSON.stringify(process.argv.slice(2))); process.exit(7);\\n');
fs.chmodSync(bin, 0o755); fs.writeFileSync(__dirname + '/path.txt', 'electron');`;
    const dir = project(install);
    const run = start(dir, '--facing-data-dir=/tmp/x');
    expect(run.stderr).not.toContain('npm run web');
    expect(run.status).toBe(7);
    expect(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))).toEqual(['.', '--facing-data-dir=/tmp/x']);
    // Installed now: no second download.
    writeFileSync(join(dir, 'node_modules', 'electron', 'install.js'), "require('fs').writeFileSync(process.cwd() + '/downloaded-again', ''); process.exit(1);");
    expect(start(dir).status).toBe(7);
    expect(existsSync(join(dir, 'node_modules', 'electron', 'downloaded-again'))).toBe(false);
  }, 60_000);
});
