// `npm run audit:electron`: Doyensec's Electronegativity over the main process, the preload and the
// built renderer. Every finding must be fixed or explained in the README ("Electron security scan");
// the explained ones are listed here, and anything else fails the run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const explained = new Map([
  ['PRELOAD_JS_CHECK', 'the preload exposes one function, invoke(channel, payload), for known channels only'],
  ['OPEN_EXTERNAL_JS_CHECK', 'only https: links, and only after the user confirms in a dialog'],
  ['CSP_GLOBAL_CHECK', 'the policy is injected into the built index.html and sent as a header; see shared/security.ts'],
]);

const scanner = join('node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'facing-audit-'));
let failed = 0;
let findings = 0;
try {
  // One tree with the shell's sources and the built page, so global checks see both at once.
  const tree = join(dir, 'app');
  // Tests and their fake electron are not shipped, so they are not scanned.
  const testOnly = (source) => /\.test\.ts$|fake-electron\.ts$|smoke-harness\.cjs$/.test(source);
  cpSync('electron', join(tree, 'electron'), { recursive: true, filter: (source) => !testOnly(source) });
  cpSync(join('dist', 'renderer', 'index.html'), join(tree, 'renderer', 'index.html'));
  for (const input of [tree]) {
    const out = join(dir, 'findings.csv');
    // The releases check fetches from the internet, which Facing never does.
    const run = spawnSync(process.execPath, ['-r', './.ci/typescript5.cjs', scanner, '-i', input, '-e', '45.4.1', '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(run.stdout, run.stderr);
      process.exit(1);
    }
    const rows = readFileSync(out, 'utf8').split('\n').slice(1).filter((line) => /^[A-Z_]+,/.test(line));
    for (const row of rows) {
      findings++;
      const [id, severity, , file, location] = row.split(',').map((c) => c.replace(/^"|"$/g, ''));
      const why = explained.get(id);
      if (why) console.log(`  explained  ${id} (${severity}) ${file}:${location}: ${why}`);
      else {
        failed++;
        console.log(`  UNEXPLAINED ${id} (${severity}) ${file}:${location}`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Electronegativity: ${findings} findings, ${failed} not explained in the README.`);
process.exit(failed ? 1 : 0);
