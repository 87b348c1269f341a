import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'pouchdb-server');

/** A port nobody listens on right now: the OS picks it for a moment's listener on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface CouchServer {
  url: string;
  port: number;
  /** Stops the server (its whole process group) and waits for it to go. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port; in memory, so the data is gone unless `dir` was given. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

// Servers run in process groups of their own (so stop() reaches pouchdb-server's children too), which
// outlive the test process when a timed-out hook skips stop(): the last thing the process does is end them.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A real pouchdb-server on 127.0.0.1, in memory (or in `dir`), speaking CouchDB's HTTP API. */
export async function startCouch(options: { port?: number; dir?: string } = {}): Promise<CouchServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  // pouchdb-server writes config.json and log.txt where it runs: somewhere of its own.
  const home = mkdtempSync(join(tmpdir(), 'facing-couch-'));

  async function start(): Promise<void> {
    const args = ['--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', '--config', join(home, 'config.json'), ...(options.dir ? ['--dir', options.dir] : ['--in-memory'])];
    const started = spawn(bin, args, { detached: true, stdio: 'ignore', cwd: home });
    child = started;
    running.add(started);
    started.once('exit', () => running.delete(started));
    for (let i = 0; i < 150; i++) {
      const ok = await fetch(`${url}/`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`pouchdb-server did not start on ${url}`);
  }

  async function stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    try {
      process.kill(-running.pid!, signal);
    } catch {
      running.kill(signal);
    }
    await gone;
  }

  await start();
  return {
    url,
    port,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
