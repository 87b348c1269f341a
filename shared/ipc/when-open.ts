import { channels } from './channels';
import type { Handlers } from './contract';

/**
 * A handler table whose calls wait for the real one. The shells show the window (and serve the
 * renderer) while the services open, so that loading the page and reading a large store overlap; a
 * call that arrives meanwhile is answered once they are open, or fails as opening did.
 */
export function handlersWhenOpen(open: Promise<Handlers>): Handlers {
  // Opening's own failure is reported by the shell that awaits it; here it only fails the calls.
  open.catch(() => {});
  const table: Record<string, (request: never) => Promise<unknown>> = {};
  for (const channel of channels) table[channel] = async (request) => ((await open)[channel] as (request: never) => Promise<unknown>)(request);
  return table as unknown as Handlers;
}
