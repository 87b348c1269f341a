import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileDurably } from '../durable-file';

export const MARKER_FILE = 'facing.running';

/** Two processes writing one store would interleave their journals: the second one is refused. */
export class StoreInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What tells one process from a later one that reuses its PID: its start time. Null where the
 * system cannot say (Windows), and then a live PID is taken to be Facing.
 */
async function processStart(pid: number): Promise<string | null> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    const boot = await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '');
    // Field 22, counted after the command name, which may itself contain spaces and parentheses.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields?.[19] ? `${boot.trim()}:${fields[19]}` : null;
  }
  if (process.platform === 'win32') return null;
  const { stdout } = await promisify(execFile)('ps', ['-o', 'lstart=', '-p', String(pid)]).catch(() => ({ stdout: '' }));
  return stdout.trim() || null;
}

/** A marker from before start times were recorded holds a bare PID: judge by the command line where it can be read. */
async function looksLikeFacing(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null || /facing|electron|node/i.test(cmdline);
}

interface Marker {
  pid: number;
  started: unknown;
}

function parseMarker(text: string): Marker | null {
  try {
    const json = JSON.parse(text);
    if (typeof json === 'number' && Number.isInteger(json) && json > 0) return { pid: json, started: undefined };
    if (json && typeof json === 'object' && Number.isInteger(json.pid) && json.pid > 0) return { pid: json.pid, started: json.started };
  } catch {
    // An unreadable marker belongs to no one.
  }
  return null;
}

export interface Lock {
  /** A marker was found from a run that did not end cleanly. */
  unclean: boolean;
  release(): Promise<void>;
}

/**
 * A marker that exists while the store is open: found at start, it means the last run did not end
 * cleanly — unless the process it names is still running Facing, when this start is refused.
 */
export async function acquireLock(dataDir: string): Promise<Lock> {
  const path = join(dataDir, MARKER_FILE);
  const text = await readFile(path, 'utf8').catch(() => null);
  const owner = text === null ? null : parseMarker(text);
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    const start = await processStart(owner.pid);
    const running = owner.started !== undefined && start !== null ? owner.started === start : await looksLikeFacing(owner.pid);
    if (running) {
      throw new StoreInUseError(
        `Facing is already running on this data folder (${dataDir}, process ${owner.pid}). Close it first, or start this one with another data folder. If no Facing is running, delete ${path} and start again.`,
      );
    }
  }
  await writeFileDurably(path, JSON.stringify({ pid: process.pid, started: await processStart(process.pid), run: randomUUID() }));
  return { unclean: text !== null, release: () => unlink(path).catch(() => {}) };
}
