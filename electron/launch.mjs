// `npm start`: launches the built app in Electron, or explains why it cannot and what to run instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // Resolving 'electron' downloads the binary on first use; here that may be impossible.
    return require('electron');
  } catch (error) {
    return { error };
  }
}

const binary = electronBinary();
if (typeof binary !== 'string') {
  console.error(`
Facing could not start Electron: the Electron binary is not installed and could not be downloaded
(${String(binary.error?.message ?? binary.error).split('\n')[0]}).

Run Facing in your browser instead, with the same features and data:

    npm run web

`);
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
