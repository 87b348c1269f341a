// `npm start`: launches the built app in Electron, or explains why it cannot and what to run instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed Electron binary, or null. Unlike require('electron') this never downloads. */
function installedBinary(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const name = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron') : join(dir, 'dist', name);
  return existsSync(binary) ? binary : null;
}

/**
 * The Electron binary, fetched once if missing, or the reason it cannot be had. The download's own
 * output (a stack trace when offline) is kept back: the user gets one clear message instead.
 */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const found = installedBinary(dir);
  if (found) return { binary: found };
  console.log('Fetching the Electron binary (once, about 100 MB)…');
  const download = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, encoding: 'utf8' });
  const installed = download.status === 0 ? installedBinary(dir) : null;
  if (installed) return { binary: installed };
  const output = `${download.stderr ?? ''}\n${download.stdout ?? ''}`;
  const cause = output.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('at ')) ?? download.error?.message;
  return { reason: `the Electron binary is not installed and could not be downloaded${cause ? ` (${cause.slice(0, 200)})` : ''}` };
}

const { binary, reason } = electronBinary();
if (!binary) {
  console.error(`
Facing could not start Electron: ${reason}.

Run Facing in your browser instead, with the same features and data:

    npm run web
`);
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
