import { describe, expect, it, vi } from 'vitest';
import type { Document } from '../model/document';
import { defaultSettings } from '../model/settings';
import { createApi } from './client';
import { channels, contract, type Handlers } from './contract';
import { dispatch } from './dispatch';
import { FacingError } from './errors';

const doc: Document = {
  meta: { id: '000', title: 'T', language: 'en', origin: 'bundled' },
  text: 'Hello.',
  paragraphs: [{ id: 'p0', kind: 'paragraph', start: 0, end: 6, sentences: [{ id: 'p0s0', start: 0, end: 6 }] }],
  wordCount: 1,
};

const unused = async (): Promise<never> => {
  throw new Error('not used in these tests');
};

function fakeHandlers(): Handlers {
  // Channels these tests do not call answer "not used", so a new channel needs no line here.
  const rest = Object.fromEntries(channels.map((channel) => [channel, unused])) as unknown as Handlers;
  return {
    ...rest,
    'app:info': async () => ({ version: '0', dataDir: '/d', shell: 'web', notices: [] }),
    'documents:list': async () => [],
    'documents:get': vi.fn(async ({ id }: { id: string }) => {
      if (id !== '000') throw new FacingError('not-found', `There is no document with the id "${id}".`);
      return doc;
    }),
    'documents:import': unused,
    'documents:update': unused,
    'documents:remove': async () => ({ removedAnnotations: 0 }),
    'documents:suggestPairs': async () => [],
    'reading:save': async () => ({}),
    'search:query': async () => ({ hits: [], total: 0, ms: 0 }),
    'settings:get': async () => defaultSettings,
    'settings:set': async ({ patch }) => ({ ...defaultSettings, ...patch }),
    'backups:list': async () => [],
    'backups:restore': unused,
    'alignment:get': async ({ left, right }) => ({ left, right, rows: [], edited: false }),
    'alignment:save': async ({ left, right, rows }) => ({ left, right, rows, edited: true }),
    'alignment:reset': async ({ left, right }) => ({ left, right, rows: [], edited: false }),
    'annotations:list': async () => [],
    'annotations:create': unused,
    'annotations:update': unused,
    'annotations:delete': async () => [],
    'annotations:restore': async () => [],
    'annotations:export': async () => ({ filename: 'x.md', mimeType: 'text/markdown', content: '' }),
    'annotations:import': async () => ({ added: 0, updated: 0, unchanged: 0, skipped: 0 }),
    'tags:rename': async () => [],
    'tags:delete': async () => [],
  };
}

describe('the contract', () => {
  it('defines exactly the channels the preload knows', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
  });

  it('accepts well-formed requests', () => {
    expect(contract['documents:get'].request.safeParse({ id: '000' }).success).toBe(true);
    expect(contract['settings:set'].request.safeParse({ patch: { theme: 'sepia', fontSize: 20 } }).success).toBe(true);
    expect(contract['documents:list'].request.safeParse({}).success).toBe(true);
  });

  it.each([
    ['documents:get', { id: '../../etc/passwd' }],
    ['documents:get', { id: '' }],
    ['documents:get', { id: 42 }],
    ['documents:get', { id: '000', extra: true }],
    ['documents:get', null],
    ['documents:list', { __proto__: { polluted: true }, x: 1 }],
    ['settings:set', { patch: { theme: 'neon' } }],
    ['settings:set', { patch: { fontSize: Number.NaN } }],
    ['settings:set', { patch: { fontSize: 1e9 } }],
    ['settings:set', { patch: { unknownSetting: 1 } }],
    ['alignment:get', { left: '000' }],
    ['annotations:delete', { ids: ['not-a-uuid'] }],
    ['annotations:update', { id: crypto.randomUUID(), patch: { colour: 'rainbow' } }],
    ['annotations:update', { id: crypto.randomUUID(), patch: { tags: [''] } }],
    ['annotations:import', { content: 'x'.repeat(20 * 1024 * 1024 + 1) }],
    ['tags:rename', { from: 'a', to: '   ' }],
    ['documents:import', { name: 'a.txt', data: 'not base64!' }],
    ['documents:import', { name: '', data: 'aGk=' }],
    ['documents:update', { id: '000', patch: { title: '' } }],
    ['documents:update', { id: '000', patch: { translationOf: '../x' } }],
    ['documents:remove', { id: '000', annotations: 'maybe' }],
    ['reading:save', { documentId: '000', state: { paragraph: -1 } }],
    ['search:query', { query: 'x'.repeat(501) }],
    ['alignment:save', { left: '000', right: '001', rows: [{ a: ['../x'], b: [], confidence: 1, startsParagraph: true, checked: false }] }],
    ['alignment:save', { left: '000', right: '001', rows: [{ a: ['p0s0'], b: [], confidence: 7, startsParagraph: true, checked: false }] }],
  ] as const)('refuses %s with %j', (channel, payload) => {
    expect(contract[channel].request.safeParse(payload).success).toBe(false);
  });
});

describe('dispatch', () => {
  it('passes parsed requests to the handler and wraps the answer', async () => {
    const handlers = fakeHandlers();
    expect(await dispatch(handlers, 'documents:get', { id: '000' })).toEqual({ ok: true, value: doc });
  });

  it('answers a malformed payload with a validation error and never calls the handler', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, 'documents:get', { id: '../secret' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!result.ok && result.error.issues?.[0]).toMatch(/^id: /);
    expect(handlers['documents:get']).not.toHaveBeenCalled();
  });

  it('refuses unknown channels, including inherited property names', async () => {
    for (const channel of ['nope', 'toString', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(fakeHandlers(), channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('passes FacingErrors through and hides other errors behind a generic message', async () => {
    const handlers = fakeHandlers();
    expect(await dispatch(handlers, 'documents:get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    handlers['settings:get'] = async () => {
      throw new Error('EACCES /secret/path');
    };
    const logged: unknown[] = [];
    const result = await dispatch(handlers, 'settings:get', {}, (e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
  });
});

describe('createApi', () => {
  it('returns values and throws FacingError for failures', async () => {
    const handlers = fakeHandlers();
    const api = createApi({ invoke: (channel, payload) => dispatch(handlers, channel, payload) });
    expect(await api.invoke('documents:get', { id: '000' })).toEqual(doc);
    await expect(api.invoke('documents:get', { id: 'zzz' })).rejects.toMatchObject({ name: 'FacingError', code: 'not-found' });
  });

  it('treats an answer of the wrong shape as an internal error', async () => {
    const api = createApi({ invoke: async () => 'garbage' });
    await expect(api.invoke('documents:list', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
