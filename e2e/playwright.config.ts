import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium';
import type { ShellOptions } from './fixtures';

export default defineConfig<ShellOptions>({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    trace: 'retain-on-failure',
    viewport: { width: 1200, height: 860 },
  },
  projects: [
    { name: 'web', use: { shell: 'web' } },
    { name: 'electron', use: { shell: 'electron' } },
  ],
});
