import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreparedImport } from './prepare';
import { createImportPool } from './pool';

/**
 * A stand-in import worker that answers as the real one does ('read', then the outcome) and notes what
 * it did, in order: "slow" files take 300 ms to write, "crash" files stop the worker while being read,
 * "dies" files while being written.
 */
const fakeWorker = () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     const events = [];
     parentPort.on('message', ({ job, name }) => {
       events.push('read ' + name);
       if (name.startsWith('crash')) process.exit(3);
       parentPort.postMessage({ job, stage: 'read' });
       if (name.startsWith('dies')) return setTimeout(() => process.exit(4), 50);
       setTimeout(() => {
         events.push('written ' + name);
         parentPort.postMessage({ job, ok: true, prepared: { name, events: [...events] } });
       }, name.startsWith('slow') ? 300 : 10);
     });`,
    { eval: true },
  );

const eventsOf = (prepared: PreparedImport) => (prepared as unknown as { events: string[] }).events;
const bytes = new Uint8Array([1, 2, 3]);

describe('the import pool', () => {
  it('gives a worker the next file while the one it read is being written, one such file at a time', async () => {
    const pool = createImportPool(1, fakeWorker);
    const [slow, quick, third] = await Promise.all(['slow.txt', 'quick.txt', 'third.txt'].map((name) => pool.importInto(name, bytes, `/nowhere/${name}`)));
    // quick.txt and then third.txt were read while slow.txt was still being written, third.txt only once quick.txt was written.
    expect(eventsOf(slow!)).toEqual(['read slow.txt', 'read quick.txt', 'written quick.txt', 'read third.txt', 'written third.txt', 'written slow.txt']);
    expect(eventsOf(quick!)).toEqual(['read slow.txt', 'read quick.txt', 'written quick.txt']);
    expect(eventsOf(third!)).toEqual(eventsOf(slow!).slice(0, 5));
    expect(pool.threads).toBe(1);
    await pool.close();
  });

  it('when a worker stops while reading a file: that file is refused with the reason, the one being written as stopped for another, and the next file gets a new worker', async () => {
    const pool = createImportPool(1, fakeWorker);
    const slow = pool.importInto('slow.txt', bytes, '/nowhere/slow');
    const crash = pool.importInto('crash.txt', bytes, '/nowhere/crash');
    await expect(crash).rejects.toThrow(/“crash\.txt” cannot be read as a \.txt file: the reader stopped \(3\)/);
    await expect(slow).rejects.toThrow(/“slow\.txt” was not imported: the import stopped while another file was being read/);
    expect(eventsOf(await pool.importInto('after.txt', bytes, '/nowhere/after'))).toEqual(['read after.txt', 'written after.txt']);
    await pool.close();
  });

  it('when a worker stops while only writing files: each is refused with the reason (no file being read to blame)', async () => {
    const pool = createImportPool(1, fakeWorker);
    const slow = pool.importInto('slow.txt', bytes, '/nowhere/slow');
    const dies = pool.importInto('dies.txt', bytes, '/nowhere/dies');
    await expect(dies).rejects.toThrow(/“dies\.txt” cannot be read as a \.txt file: the reader stopped \(4\)/);
    await expect(slow).rejects.toThrow(/“slow\.txt” cannot be read as a \.txt file: the reader stopped \(4\)/);
    await pool.close();
  });

  it('gives a file read its own time to be written: a file read slowly (within the limit) is not refused as too slow while the worker reads the next (outside review)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pool = createImportPool(1, drivenWorker);
    const a = pool.importInto('a.txt', bytes, '/nowhere/a').then(() => 'written', (e: Error) => e.message);
    await told('a.txt');
    vi.advanceTimersByTime(100_000); // a.txt is read for 100 s, within the 135 s a worker has
    const readingB = told('b.txt');
    const b = pool.importInto('b.txt', bytes, '/nowhere/b').then(() => 'written', (e: Error) => e.message);
    tell('read', 'a.txt');
    await readingB;
    vi.advanceTimersByTime(36_000); // b.txt is read for 36 s while a.txt waits to be written
    for (let k = 0; k < 20; k++) await new Promise((resolve) => setImmediate(resolve));
    tell('done', 'a.txt');
    tell('read', 'b.txt');
    tell('done', 'b.txt');
    expect(await Promise.all([a, b])).toEqual(['written', 'written']);
    await pool.close();
  });

  it('refuses what it was writing only once its worker has stopped, when closed (the caller then removes the folder; outside review)', async () => {
    const pool = createImportPool(1, drivenWorker);
    const a = pool.importInto('a.txt', bytes, '/nowhere/a');
    await told('a.txt');
    tell('read', 'a.txt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    let aliveWhenRefused: boolean | null = null;
    const refused = a.catch((error: Error) => ((aliveWhenRefused = driven.threadId !== -1), error.message));
    const waiting = pool.importInto('queued.txt', bytes, '/nowhere/queued').catch((error: Error) => error.message);
    await pool.close();
    expect(await refused).toMatch(/the import was stopped/);
    expect(await waiting).toMatch(/“queued\.txt”.*the import was stopped/);
    expect(aliveWhenRefused).toBe(false);
  });
});

afterEach(() => vi.useRealTimers());

/** A stand-in worker the test drives: it says it has a file, then answers 'read' and the outcome when told to. */
let driven: Worker;
const drivenWorker = () =>
  (driven = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const jobs = {};
     parentPort.on('message', (m) => {
       if (m.control) return parentPort.postMessage(m.control === 'read' ? { job: jobs[m.name], stage: 'read' } : { job: jobs[m.name], ok: true, prepared: { name: m.name } });
       jobs[m.name] = m.job;
       parentPort.postMessage({ got: m.name });
     });`,
    { eval: true },
  ));
const tell = (control: 'read' | 'done', name: string) => driven.postMessage({ control, name });
const told = (name: string) =>
  new Promise<void>((resolve) => {
    const on = (m: { got?: string }) => m.got === name && (driven.off('message', on), resolve());
    driven.on('message', on);
  });
