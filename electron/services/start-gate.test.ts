import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openServices } from './handlers';
import { createStartGate } from './start-gate';
import { tempDirs } from './test-support';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-start-gate-');

describe('the start gate', () => {
  afterEach(() => void vi.useRealTimers());

  it('holds work until it opens, then runs it once after its delay', () => {
    vi.useFakeTimers();
    const gate = createStartGate();
    const ran: string[] = [];
    gate.after(500, 30_000, () => ran.push('read-ahead'));
    gate.after(1000, 30_000, () => ran.push('warm'));
    vi.advanceTimersByTime(20_000);
    expect(ran).toEqual([]);
    gate.open();
    vi.advanceTimersByTime(499);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['read-ahead']);
    gate.open();
    vi.advanceTimersByTime(60_000);
    expect(ran).toEqual(['read-ahead', 'warm']);
  });

  it('runs the work at the fallback when it never opens, and not again when it opens later', () => {
    vi.useFakeTimers();
    const gate = createStartGate();
    let runs = 0;
    gate.after(1000, 30_000, () => runs++);
    vi.advanceTimersByTime(29_999);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    gate.open();
    vi.advanceTimersByTime(60_000);
    expect(runs).toBe(1);
  });

  it('work added after it opened waits only its delay; closing cancels what has not started; a delay past the timer limit still waits', () => {
    vi.useFakeTimers();
    const gate = createStartGate();
    const ran: string[] = [];
    gate.open();
    gate.after(100, 1e9, () => ran.push('late'));
    gate.after(1e9, 1e9, () => ran.push('never'));
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['late']);
    gate.after(100, 200, () => ran.push('closed'));
    gate.close();
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual(['late']);
  });
});

describe('background work after the start', () => {
  it('waits for the first document list, not a fixed delay, and starts once', async () => {
    const started: string[] = [];
    const services = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 100, startWorkFallbackMs: 60_000, onStartWork: (work) => started.push(work) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(started).toEqual([]);
      await services.handlers['app:info']({});
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(started).toEqual([]);
      await services.handlers['documents:list']({});
      await vi.waitFor(() => expect(started).toEqual(['warm', 'read-ahead']), { timeout: 3000 });
      await services.handlers['documents:list']({});
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(started).toEqual(['warm', 'read-ahead']);
    } finally {
      await services.close();
    }
  });

  it('starts anyway by the fallback when no list is asked for', async () => {
    const started: string[] = [];
    const services = await openServices({ dataDir: temp(), corpusDir: bundled, shell: 'web', version: 'test', startWorkFallbackMs: 300, onStartWork: (work) => started.push(work) });
    try {
      await vi.waitFor(() => expect(started.sort()).toEqual(['read-ahead', 'warm']), { timeout: 3000 });
    } finally {
      await services.close();
    }
  });
});
