import { createHash, randomUUID } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileDurably } from '../durable-file';
import { t } from '../../../shared/i18n/current';

export const MARKER_FILE = 'facing.running';
const SOCKET_FILE = 'facing.lock';

/** Two processes writing one store would interleave their journals: the second one is refused. */
export class StoreInUseError extends Error {}

/**
 * Where the lock listens: a socket in the data folder (a named pipe on Windows). A path too long for
 * a Unix socket goes to the temporary folder under a name derived from the data folder.
 */
function socketPaths(dataDir: string): string[] {
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 24);
  if (process.platform === 'win32') return [`\\\\.\\pipe\\facing-${hash}`];
  const inFolder = join(dataDir, SOCKET_FILE);
  const inTemp = join(tmpdir(), `facing-${hash}.lock`);
  return Buffer.byteLength(inFolder) < 100 ? [inFolder, inTemp] : [inTemp];
}

const listen = (server: Server, path: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** Whether a process answers on the socket: a socket file nobody listens on was left by a process that died. */
const answers = (path: string) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * A lock the operating system releases with the process: a listening socket. No PID is trusted, so
 * a PID reused by another program after a crash never refuses a start.
 */
async function holdSocket(dataDir: string): Promise<Server | null> {
  for (const path of socketPaths(dataDir)) {
    const server = createServer((socket) => socket.destroy());
    try {
      await listen(server, path);
      server.unref();
      return server;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') continue;
      if (process.platform === 'win32' || (await answers(path))) throw new StoreInUseError(path);
      await unlink(path).catch(() => {});
      await listen(server, path);
      server.unref();
      return server;
    }
  }
  // A file system without sockets (some network drives): carry on unlocked rather than not at all.
  return null;
}

export interface Lock {
  /** A marker was found from a run that did not end cleanly. */
  unclean: boolean;
  release(): Promise<void>;
}

/** Locks this process holds, by data folder: opening a store twice in one process (tests do) shares the lock. */
const held = new Map<string, { server: Server | null; users: number }>();

/**
 * Refuses a data folder another Facing has open, and leaves a marker while the store is open: found
 * at start, it means the last run did not end cleanly.
 */
export async function acquireLock(dataDir: string): Promise<Lock> {
  const marker = join(dataDir, MARKER_FILE);
  let lock = held.get(dataDir);
  if (!lock) {
    try {
      lock = { server: await holdSocket(dataDir), users: 0 };
    } catch (error) {
      if (!(error instanceof StoreInUseError)) throw error;
      throw new StoreInUseError(t('store.inUse', { folder: dataDir, other: error.message }));
    }
    held.set(dataDir, lock);
  }
  lock.users++;
  const previous = await readFile(marker, 'utf8').catch(() => null);
  await writeFileDurably(marker, JSON.stringify({ pid: process.pid, run: randomUUID() }));
  let released = false;
  return {
    unclean: previous !== null,
    async release() {
      if (released) return;
      released = true;
      await unlink(marker).catch(() => {});
      if (--lock.users > 0) return;
      held.delete(dataDir);
      await new Promise((resolve) => (lock.server ? lock.server.close(resolve) : resolve(undefined)));
    },
  };
}
