import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/ipc/client';
import { openServices } from '../../electron/services/handlers';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { httpBridge, readAnswer } from './httpBridge';

let host: WebHost;
let dir: string;
let closeServices: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'facing-bridge-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Facing</title>');
  const services = await openServices({ dataDir: join(dir, 'data'), corpusDir: join(import.meta.dirname, '..', '..', 'corpus'), shell: 'web', version: 'test' });
  closeServices = services.close;
  host = await startWebHost({ handlers: services.handlers, staticDir: dir });
});
afterAll(async () => {
  await host.close();
  await closeServices();
  rmSync(dir, { recursive: true, force: true });
});

/** A POST as the page makes it, against the real host; `headers` says how this one differs. */
const post = (channel: string, headers: Record<string, string>, body = '{}') =>
  fetch(`${host.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin, 'x-facing-token': host.token, ...headers }, body });

describe('the renderer’s HTTP bridge (issue 13, item 6)', () => {
  it('passes the host’s results through', async () => {
    await expect(readAnswer(await post('documents:list', {}))).resolves.toMatchObject({ ok: true });
    await expect(readAnswer(await post('documents:get', {}, '{"id":"nope"}'))).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('shows the server’s own message for a refusal in plain text, whatever the status', async () => {
    const foreign = await post('documents:list', { origin: `http://localhost:${host.port}` });
    expect([foreign.status, foreign.headers.get('content-type')]).toEqual([403, 'text/plain; charset=utf-8']);
    await expect(readAnswer(foreign)).resolves.toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Facing refused a request from http:\/\/localhost:\d+: only its own page/) } });
    await expect(readAnswer(await post('documents:list', { 'x-facing-token': 'stale' }))).resolves.toMatchObject({ error: { message: expect.stringMatching(/Open the full address that `npm run web` printed/) } });
    await expect(readAnswer(await post('documents:list', { 'content-type': 'text/plain' }))).resolves.toMatchObject({ error: { message: 'Facing’s API takes application/json only.' } });
  });

  it('turns a refusal into an error that names it, through the typed API', async () => {
    // Node's fetch sends no Origin, as no browser page would: the host refuses and says why.
    const api = createApi(httpBridge(host.token, `${host.origin}/`));
    await expect(api.invoke('documents:list', {})).rejects.toThrow(/Facing refused a request without an Origin header/);
    const down = createApi(httpBridge(host.token, 'http://127.0.0.1:9/'));
    await expect(down.invoke('documents:list', {})).rejects.toThrow(/not answering/);
  });
});
