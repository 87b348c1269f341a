import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { PreparedImport } from './prepare';
import { createImportPool } from './pool';

/**
 * A stand-in import worker that answers as the real one does ('read', then the outcome) and notes what
 * it did, in order: "slow" files take 300 ms to write, "crash" files stop the worker while being read.
 */
const fakeWorker = () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     const events = [];
     parentPort.on('message', ({ job, name }) => {
       events.push('read ' + name);
       if (name.startsWith('crash')) process.exit(3);
       parentPort.postMessage({ job, stage: 'read' });
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
});
