import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/channels';
import { MARKER_FILE } from '../services/store/lock';
import { UPLOAD_PATH_CHANNEL } from './bridge';
import { tempDirs } from '../services/test-support';

const root = join(import.meta.dirname, '..', '..');
const mainBundle = join(root, 'dist-electron', 'main.cjs');
const temp = tempDirs('facing-smoke-');

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

// `npm test` builds before vitest runs; run alone (or after an edit), this test builds the bundles itself.
beforeAll(() => {
  const bundles = [mainBundle, join(root, 'dist-electron', 'preload.cjs')];
  const sources = Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared')));
  if (bundles.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return;
  const built = spawnSync(process.execPath, ['electron/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron/build.mjs failed:\n${built.stderr}`);
}, 120_000);

async function runBuiltMain() {
  const dir = temp();
  const fake = join(dir, 'electron.cjs');
  await build({
    stdin: { contents: "module.exports = require('./fake-electron').createFakeElectron();", resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: fake,
    logLevel: 'warning',
  });
  const corpus = temp();
  writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ documents: [] }));
  const file = join(temp(), 'Opened from the OS.txt');
  writeFileSync(file, 'A file handed to Facing on its command line. It has two sentences.');
  const dataDir = temp();
  const run = spawnSync(
    process.execPath,
    ['--require', join(import.meta.dirname, 'smoke-harness.cjs'), mainBundle, `--facing-data-dir=${dataDir}`, `--facing-corpus-dir=${corpus}`, file],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FACING_FAKE_ELECTRON: fake, NODE_OPTIONS: '' } },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('FACING_SMOKE '));
  if (!line) throw new Error(`main.cjs printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { status: run.status, dataDir, report: JSON.parse(line.slice('FACING_SMOKE '.length)) };
}

describe('the built dist-electron/main.cjs, run in Node with the fake electron', () => {
  it('registers every channel, creates one hardened window, guards it, imports argv files, exposes only invoke and upload from the preload and quits after closing the store', async () => {
    const { status, dataDir, report } = await runBuiltMain();
    expect(report.error).toBeUndefined();
    expect(status).toBe(0);
    // The contract's channels, and the one the preload's upload hands a picked file's path to.
    expect([...report.channels].sort()).toEqual([...channels, UPLOAD_PATH_CHANNEL].sort());
    expect(report.windows).toHaveLength(1);
    const [window] = report.windows;
    expect(window.loaded).toEqual(['app://facing/index.html']);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window.options.webPreferences.preload).toBe(join(root, 'dist-electron', 'preload.cjs'));
    expect(existsSync(window.options.webPreferences.preload)).toBe(true);
    expect(report.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(report.info).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(report.refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(report.documents.value.map((doc: { title: string }) => doc.title).join(' ')).toMatch(/command line/);
    expect(report.index).toBe(existsSync(join(root, 'dist', 'renderer', 'index.html')) ? 200 : 404);
    expect(report.traversal).toBe(404);
    expect(report.otherHost).toBe(404);
    expect(report.navigation).toEqual({ 'will-navigate': true, 'will-redirect': true, 'will-frame-navigate': true });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    // The link was asked about and, the fake dialog answering Cancel, not opened.
    expect(report.linkQuestion).toEqual(['https://example.org/']);
    expect(report.linkOpened).toEqual([]);
    expect(report.permissionRequest).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.menuRoles).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll', 'viewMenu', 'windowMenu']));
    expect(report.preload).toEqual({ exposed: ['facing'], keys: ['invoke', 'upload'], unknown: 'Unknown channel ELECTRON_BROWSER_REQUIRE', known: ['app:info'] });
    expect(report).toMatchObject({ beforeQuitListeners: 1, singleInstance: 1, openFile: 1, quitAfterClose: true });
    // The store was closed before the app quit: its running marker is gone, the import is on disk.
    expect(existsSync(join(dataDir, MARKER_FILE))).toBe(false);
    expect(readdirSync(dataDir).length).toBeGreaterThan(0);
  }, 90_000);
});
