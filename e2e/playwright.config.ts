import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium';
import type { ShellOptions } from './fixtures';

export default defineConfig<ShellOptions>({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  // One retry absorbs a rare timing hiccup on a loaded 2-core machine; a retried pass is reported as flaky.
  retries: 1,
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    // A trace of the retry only: recording every test cost about a fifth of the suite's CPU.
    trace: 'on-first-retry',
    viewport: { width: 1200, height: 860 },
  },
  projects: [
    { name: 'web', use: { shell: 'web' } },
    { name: 'electron', use: { shell: 'electron' } },
  ],
});
