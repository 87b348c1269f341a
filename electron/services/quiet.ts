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
  let inFlight = 0;
  let lastAnswer = Number.NEGATIVE_INFINITY;
  return {
    async track(answer) {
      inFlight++;
      try {
        return await answer();
      } finally {
        inFlight--;
        lastAnswer = performance.now();
      }
    },
    async wait() {
      const since = performance.now();
      for (;;) {
        const now = performance.now();
        const quietFor = now - lastAnswer;
        if ((inFlight === 0 && quietFor >= quietMs) || now - since >= longestMs) return;
        const ms = inFlight === 0 ? quietMs - quietFor : quietMs;
        await new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, longestMs - (now - since))).unref?.());
      }
    },
  };
}
