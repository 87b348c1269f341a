import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const build = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).build;

describe('the installers’ Electron fuses (package.json "build")', () => {
  it('turn off Node entry points and load only the integrity-checked app.asar', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The asar fuses mean nothing without an asar.
    expect(build.asar).not.toBe(false);
  });

  it('uses only fuse names electron-builder knows (a misspelt one would be ignored silently)', () => {
    const require = createRequire(join(root, 'package.json'));
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(known.length).toBeGreaterThan(5);
    for (const name of Object.keys(build.electronFuses)) expect(known, name).toContain(name);
  });
});
