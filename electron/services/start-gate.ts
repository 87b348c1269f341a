/** The longest a Node timer can wait; longer delays fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface StartGate {
  /** The renderer's first document list has been answered: work waiting for it is scheduled from now. */
  open(): void;
  /** Runs `work` once, `afterOpenMs` after the gate opens, or `fallbackMs` after now if that comes first. */
  after(afterOpenMs: number, fallbackMs: number, work: () => void): void;
  /** Cancels every run not started yet. */
  close(): void;
}

/**
 * Background work after a start (reading annotations ahead, aligning known pairs, loading the search
 * index) waits for the first painted library, not a fixed delay that lands in the middle of it; the
 * fallback covers a window that never asks for the list.
 */
export function createStartGate(): StartGate {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const waiting: Array<{ afterOpenMs: number; run: () => void }> = [];
  let opened = false;
  let closed = false;
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, Math.min(Math.max(ms, 0), LONGEST_TIMER_MS));
    timer.unref?.();
    timers.add(timer);
    return timer;
  };
  return {
    open() {
      if (opened || closed) return;
      opened = true;
      for (const { afterOpenMs, run } of waiting.splice(0)) later(afterOpenMs, run);
    },
    after(afterOpenMs, fallbackMs, work) {
      if (closed) return;
      let done = false;
      const run = () => {
        if (done || closed) return;
        done = true;
        work();
      };
      later(fallbackMs, run);
      if (opened) later(afterOpenMs, run);
      else waiting.push({ afterOpenMs, run });
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
