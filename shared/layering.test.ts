import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// shared/ is VS Code's "common": it runs in the main process and the renderer alike.
// shared/tsconfig.json type-checks it without DOM or Node types; this test catches the imports.
const root = new URL('.', import.meta.url).pathname;
const forbidden = /^(electron|react|react-dom|node:.*|fs|path|os|child_process|crypto|http|net|url|lowdb)(\/.*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('shared/ layering', () => {
  it('imports no Electron, Node, React or DOM-only module', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (forbidden.test(match[1]!)) offenders.push(`${relative(root, file)} imports ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(sourceFiles(root).length).toBeGreaterThan(5);
  });
});
