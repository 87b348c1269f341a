import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuiet } from './quiet';

describe('background work steps aside for requests', () => {
  afterEach(() => void vi.useRealTimers());

  const settledFlag = (promise: Promise<void>) => {
    const flag = { done: false };
    void promise.then(() => (flag.done = true));
    return flag;
  };

  it('waits while a request is answered and for a pause after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const quiet = createQuiet(100, 1000);
    let answer = () => {};
    const request = quiet.track(() => new Promise<void>((resolve) => (answer = resolve)));
    const waited = settledFlag(quiet.wait());
    await vi.advanceTimersByTimeAsync(500);
    expect(waited.done).toBe(false);
    answer();
    await request;
    await vi.advanceTimersByTimeAsync(99);
    expect(waited.done).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(waited.done).toBe(true);
  });

  it('goes at once when nothing has been asked lately, and is never held longer than its limit by a stream of requests', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const quiet = createQuiet(100, 1000);
    await vi.advanceTimersByTimeAsync(150);
    const first = settledFlag(quiet.wait());
    await vi.advanceTimersByTimeAsync(0);
    expect(first.done).toBe(true);

    await quiet.track(async () => {});
    const waited = settledFlag(quiet.wait());
    for (let n = 0; n < 30 && !waited.done; n++) {
      await vi.advanceTimersByTimeAsync(50);
      await quiet.track(async () => {});
    }
    expect(waited.done).toBe(true);
    expect(performance.now()).toBeGreaterThanOrEqual(1150);
    expect(performance.now()).toBeLessThan(1300);
  });

  it('hands the event loop back before each step, even when nothing has been asked', async () => {
    const quiet = createQuiet(100, 1000);
    let turned = false;
    setImmediate(() => (turned = true));
    await quiet.wait();
    expect(turned).toBe(true);
  });

  it('does not hold every step for its limit while one long request runs (an import of minutes)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const quiet = createQuiet(100, 1000);
    void quiet.track(() => new Promise<never>(() => {}));
    let steps = 0;
    void (async () => {
      for (let k = 0; k < 50; k++) (await quiet.wait(), steps++);
    })();
    await vi.advanceTimersByTimeAsync(3000);
    // The first step waited its second; the request has been running longer than that since.
    expect(steps).toBe(50);
  });

  it('passes on answers and failures unchanged', async () => {
    const quiet = createQuiet();
    await expect(quiet.track(async () => 42)).resolves.toBe(42);
    await expect(quiet.track(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });
});
