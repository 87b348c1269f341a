// Test support: the real tools that read Facing's exports back (translate-toolkit, epubcheck).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = '/usr/bin/python3';

/** Why a real reader cannot run here, or null when it can. */
export function translateToolkitMissing(): string | null {
  if (!existsSync(python)) return `${python} is not installed`;
  const probe = spawnSync(python, ['-c', 'import translate.storage.tmx, translate.storage.xliff'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'translate-toolkit is not installed for /usr/bin/python3 (Debian package translate-toolkit)';
}

/** Units of a TMX or XLIFF file as translate-toolkit reads them: [source, target] texts. */
export function readWithTranslateToolkit(path: string, kind: 'tmx' | 'xliff'): Array<[string, string]> {
  const script = `
import json, sys
from translate.storage import ${kind}
store = ${kind}.${kind === 'tmx' ? 'tmxfile' : 'xlifffile'}.parsefile(sys.argv[1])
print(json.dumps([[u.source or '', u.target or ''] for u in store.units if not u.isheader()]))
`;
  const run = spawnSync(python, ['-c', script, path], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (run.status !== 0) throw new Error(`translate-toolkit could not read ${path}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<[string, string]>;
}

const epubcheckJar = ['/usr/share/java/epubcheck.jar', '/usr/share/java/epubcheck-4.2.6.jar'].find((p) => existsSync(p));

export function epubcheckMissing(): string | null {
  if (!epubcheckJar) return 'epubcheck is not installed (Debian package epubcheck)';
  if (spawnSync('java', ['-version']).status !== 0) return 'java is not installed, which epubcheck needs';
  return null;
}

/** epubcheck's verdict: the number of errors and its messages. */
export function epubcheck(path: string): { errors: number; output: string } {
  const run = spawnSync('java', ['-jar', epubcheckJar!, path], { encoding: 'utf8' });
  const output = `${run.stdout}\n${run.stderr}`;
  const errors = Number(/(\d+) errors?/i.exec(output)?.[1] ?? (run.status === 0 ? 0 : 1));
  return { errors: run.status === 0 ? 0 : Math.max(errors, 1), output };
}
