import fc from 'fast-check';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { makeDictd } from './dictionaries/dictionary-files.fixture';
import { openServices, type Services } from './handlers';

const root = resolve(import.meta.dirname, '..', '..');
let sandbox: string;
let dataDir: string;
let corpusDir: string;
let handlers: Handlers;
let services: Services;
const touched: string[] = [];

// Every path the services open, read, write, rename or delete through node:fs is recorded, so the
// test can prove nothing outside the data folder and the corpus is ever touched.
const watched = ['open', 'readFile', 'writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'mkdir', 'copyFile', 'readdir', 'stat'] as const;
const originals = new Map<string, unknown>();
function watchFs() {
  for (const name of watched) {
    for (const [label, target] of [
      ['p', fsp],
      ['s', fs],
    ] as const) {
      const original = (target as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
      if (typeof original !== 'function') continue;
      originals.set(`${label}:${name}`, original);
      (target as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        for (const arg of args.slice(0, name === 'rename' || name === 'copyFile' ? 2 : 1)) if (typeof arg === 'string') touched.push(resolve(arg));
        return original.apply(this, args);
      };
    }
  }
  syncBuiltinESMExports();
}
function unwatchFs() {
  for (const name of watched) {
    for (const [label, target] of [
      ['p', fsp],
      ['s', fs],
    ] as const) {
      const original = originals.get(`${label}:${name}`);
      if (original) (target as unknown as Record<string, unknown>)[name] = original;
    }
  }
  syncBuiltinESMExports();
}

function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${join(e.parentPath, e.name)}:${readFileSync(join(e.parentPath, e.name)).length}:${readFileSync(join(e.parentPath, e.name), 'latin1').slice(-64)}`)
    .sort()
    .join('\n');
}

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'facing-fuzz-'));
  dataDir = join(sandbox, 'data');
  corpusDir = join(sandbox, 'corpus');
  cpSync(join(root, 'corpus'), corpusDir, { recursive: true });
  // A system dictionary inside the sandbox, so the dictionary channels have something real to read.
  const dictionaryDir = join(sandbox, 'system-dictionaries');
  mkdirSync(dictionaryDir);
  const made = makeDictd('fuzz-deu-eng', [['haus', 'Haus\nhouse'], ['allianz', 'Allianz\nalliance']]);
  writeFileSync(join(dictionaryDir, 'fuzz-deu-eng.index'), made.index);
  writeFileSync(join(dictionaryDir, `fuzz-deu-eng.${made.dictName}`), made.dict);
  watchFs();
  services = await openServices({ dataDir, corpusDir, shell: 'web', version: 'fuzz', dictionaryDirs: [dictionaryDir] });
  ({ handlers } = services);
  await handlers['settings:set']({ patch: { fontSize: 20 } });
});
afterAll(async () => {
  await services.close();
  unwatchFs();
  rmSync(sandbox, { recursive: true, force: true });
});

const hostileStrings = fc.oneof(
  fc.constantFrom('../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '000/../../x', '%2e%2e%2f', '__proto__', 'constructor', 'prototype', '', ' ', '\u0000', 'p0s0', '000', '001', 'NaN'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 10_000, maxLength: 20_000 }),
);
const hostileValues = fc.oneof(
  hostileStrings,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, 2 ** 53, null, true, [], {}, '2026-13-45T99:99:99Z'),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 4 }),
);
/** Objects with plausible keys of the contract, hostile values, and prototype-pollution keys. */
const payloads = fc.oneof(
  fc.anything({ maxDepth: 6, withNullPrototype: true }),
  fc.dictionary(
    fc.constantFrom('id', 'ids', 'documentId', 'left', 'right', 'rows', 'patch', 'query', 'name', 'data', 'content', 'format', 'annotations', 'state', 'tag', 'from', 'to', 'target', 'colour', '__proto__', 'constructor'),
    fc.oneof(hostileValues, fc.array(hostileValues, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 12 }), hostileValues, { maxKeys: 4 })),
    { maxKeys: 6 },
  ),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "id": "000"}')),
  fc.constant(JSON.parse('{"patch": {"__proto__": {"polluted": true}}}')),
);

/** Requests of the right shape with hostile contents, so they get past validation into the handlers. */
const ids = fc.oneof(fc.constantFrom('000', '001', '002', 'nope', 'a-b_c'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/));
const shaped = fc.oneof(
  fc.record({ channel: fc.constant('documents:get'), payload: fc.record({ id: ids }) }),
  fc.record({ channel: fc.constant('alignment:get'), payload: fc.record({ left: ids, right: ids }) }),
  fc.record({ channel: fc.constant('search:query'), payload: fc.record({ query: fc.string({ maxLength: 60 }) }) }),
  fc.record({ channel: fc.constant('reading:save'), payload: fc.record({ documentId: ids, state: fc.record({ paragraph: fc.nat(2_000_000) }) }) }),
  fc.record({ channel: fc.constant('annotations:list'), payload: fc.record({ documentId: ids }) }),
  fc.record({ channel: fc.constant('annotations:update'), payload: fc.record({ id: fc.uuid(), patch: fc.record({ note: fc.string({ maxLength: 50 }) }) }) }),
  fc.record({ channel: fc.constant('annotations:delete'), payload: fc.record({ ids: fc.array(fc.uuid(), { minLength: 1, maxLength: 3 }) }) }),
  fc.record({ channel: fc.constant('tags:rename'), payload: fc.record({ from: fc.string({ minLength: 1, maxLength: 20 }), to: fc.string({ minLength: 1, maxLength: 20 }) }) }),
  fc.record({ channel: fc.constant('annotations:import'), payload: fc.record({ content: fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })) }) }),
  fc.record({
    channel: fc.constant('documents:import'),
    payload: fc.record({
      name: fc.oneof(fc.constantFrom('../../x.txt', 'a\u0000b.md', 'C:\\evil.html', 'x.epub', 'y.pdf', 'z.docx'), fc.string({ minLength: 1, maxLength: 30 })),
      data: fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    }),
  }),
  fc.record({
    channel: fc.constant('documents:update'),
    payload: fc.record({ id: ids, patch: fc.record({ title: fc.string({ minLength: 1, maxLength: 20 }), translationOf: fc.option(ids) }, { requiredKeys: [] }) }),
  }),
);

describe('every channel under random and hostile payloads', () => {
  it('answers each with a result or a validation error, changes nothing when it refuses, and stays in its folders', async () => {
    const allowedErrors = new Set(['invalid-request', 'not-found', 'unreadable', 'not-alignable']);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), payloads, async (channel, payload) => {
        const before = snapshot(dataDir);
        const result = await dispatch(handlers, channel, payload);
        if (!result.ok) {
          expect(allowedErrors.has(result.error.code), `${channel} answered ${JSON.stringify(result.error)}`).toBe(true);
          expect(snapshot(dataDir)).toBe(before);
        }
      }),
      { numRuns: 2500 },
    );
    await fc.assert(
      fc.asyncProperty(shaped, async ({ channel, payload }) => {
        const result = await dispatch(handlers, channel, payload);
        if (!result.ok) expect(allowedErrors.has(result.error.code), `${channel} ${JSON.stringify(payload).slice(0, 200)} answered ${JSON.stringify(result.error)}`).toBe(true);
      }),
      { numRuns: 800 },
    );
    await expect(dispatch(handlers, 'no:such', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    const outside = [...new Set(touched)].filter((path) => !path.startsWith(sandbox) && !path.startsWith(join(root, 'node_modules')));
    expect(outside).toEqual([]);
    expect(touched.length).toBeGreaterThan(5);
  }, 120_000);
});
