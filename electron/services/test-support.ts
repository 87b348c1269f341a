import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openServices, type Services } from './handlers';

/** For tests: a maker of fresh temporary folders, all removed after each test. */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** For tests: opens services like the app does and closes each one after the test (a store left open leaks its file handles). */
export function servicesOpener(): (options: Parameters<typeof openServices>[0]) => Promise<Services> {
  const open: Services[] = [];
  afterEach(async () => {
    for (const services of open.splice(0)) await services.close();
  });
  return async (options) => {
    const services = await openServices(options);
    open.push(services);
    return services;
  };
}
