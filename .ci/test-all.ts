// `npm test`: type-check, build, unit tests, end-to-end tests; ends with one line
// "N passed, N failed, N skipped" summed over all of them, for CI to count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from '../e2e/electron-binary';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(title: string, command: string, args: string[]) {
  const ok = run(title, command, args);
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) console.log(`✗ ${title} failed`);
  return ok;
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

step('Type-check (main, preload, renderer, e2e; shared/ without DOM or Node)', npx, ['tsc', '-p', 'tsconfig.json']) &&
  step('Type-check shared/ alone', npx, ['tsc', '-p', 'shared/tsconfig.json']);
const built = step('Build renderer and Electron bundles', 'npm', ['run', '--silent', 'build']);
if (built) step('Electron security scan (Electronegativity; findings fixed or explained in the README)', 'node', ['.ci/audit-electron.mjs']);

// Service tests start real stores, servers and child processes: on a busy 2-core machine some take
// longer than vitest's 5 s default without anything being wrong. Vitest would use one worker on two
// cores; two keep both busy while one file waits on a child process (epubcheck, Python, a server).
run('Unit tests (vitest)', npx, ['vitest', 'run', '--maxWorkers=2', '--testTimeout=30000', '--hookTimeout=60000', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'unit.json')}`]);
const unit = readJson(join(out, 'unit.json'));
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else {
  console.log('✗ vitest wrote no report');
  totals.failed++;
}

if (built) {
  if (!findElectronBinary()) {
    console.log('\nElectron e2e: SKIPPED — no Electron binary on this machine (it cannot be downloaded here). The same specs run against the loopback web host in Chromium.');
  }
  run('End-to-end tests (Playwright, Debian Chromium)', npx, ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(process.cwd(), out, 'e2e.json'),
  });
  const e2e = readJson(join(process.cwd(), out, 'e2e.json'));
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    if (e2e.errors?.length) totals.failed += e2e.errors.length;
  } else {
    console.log('✗ Playwright wrote no report');
    totals.failed++;
  }
} else {
  console.log('✗ End-to-end tests not run: the build failed');
  totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
