import { tick } from './library/slices';

/** A pause this long in the renderer's requests lets background work take its next step. */
export const QUIET_MS = 100;
/** Background work waiting longer than this takes a step anyway: a stream of requests never starves it. */
export const LONGEST_WAIT_MS = 1000;

export interface Quiet {
  /** Counts a request from its start to its answer. */
  track<T>(answer: () => Promise<T>): Promise<T>;
  /** Resolves once no request has been in flight for QUIET_MS, or after LONGEST_WAIT_MS. */
  wait(): Promise<void>;
}

/**
 * Background work after a start (reading annotations ahead, aligning known pairs) steps aside while
 * the renderer asks for things: a search typed right after start is not slowed by it, nor by the
 * garbage collections that copy what it has just read.
 */
export function createQuiet(quietMs = QUIET_MS, longestMs = LONGEST_WAIT_MS): Quiet {
  /** When each request in flight began. */
  const begun = new Set<{ at: number }>();
  let lastAnswer = Number.NEGATIVE_INFINITY;
  /** Whether a request began less than longestMs ago and is still answered: one running longer (an import of minutes) is waited for once, not before every step. */
  const asking = (now: number) => {
    for (const request of begun) if (now - request.at < longestMs) return true;
    return false;
  };
  return {
    async track(answer) {
      const request = { at: performance.now() };
      begun.add(request);
      try {
        return await answer();
      } finally {
        begun.delete(request);
        lastAnswer = performance.now();
      }
    },
    async wait() {
      const since = performance.now();
      for (;;) {
        const now = performance.now();
        const quietFor = now - lastAnswer;
        const busy = asking(now);
        // Even when quiet, the next step waits for the next turn of the event loop: resolved at once,
        // a read-ahead of every document would run as one task and no request could arrive meanwhile.
        if ((!busy && quietFor >= quietMs) || now - since >= longestMs) return tick();
        const ms = busy ? quietMs : quietMs - quietFor;
        await new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, longestMs - (now - since))).unref?.());
      }
    },
  };
}
