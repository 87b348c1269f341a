import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../services/handlers';
import { MAX_PAIR_DATA_BYTES, MAX_PAIR_FILE_BYTES } from '../../shared/formats/contract';
import { bodyLimit } from './body';
import { MAX_BODY_BYTES, startWebHost, TOKEN_HEADER, type WebHost } from './host';

let host: WebHost;
let dir: string;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'facing-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Facing</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const services = await openServices({ dataDir: join(dir, 'data'), corpusDir: join(import.meta.dirname, '..', '..', 'corpus'), shell: 'web', version: 'test' });
  host = await startWebHost({ handlers: services.handlers, uploads: services.uploads, staticDir, headersTimeout: 400, onInternalError: (error) => internalErrors.push(error) });
});
afterAll(async () => {
  expect(internalErrors).toEqual([]);
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so tests can send headers a browser would not (Host, no Origin, huge bodies). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin, ...headers },
    body: JSON.stringify(payload),
  });

describe('the web host', () => {
  it('listens on 127.0.0.1 with a random port and prints a URL holding the token', () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{20,}$`));
  });

  it('answers a valid API call with the handler table', async () => {
    const res = await api('documents:list', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).value).toHaveLength(5);
  });

  it('refuses an API call without the token or with a wrong one', async () => {
    expect((await api('documents:list', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('documents:list', {}, { [TOKEN_HEADER]: 'x'.repeat(host.token.length) })).status).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host header', async () => {
    expect((await api('documents:list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('documents:list', {}, { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('answers malformed payloads with a validation error and a bad body with 400', async () => {
    const invalid = JSON.parse((await api('documents:get', { id: '../../etc/passwd' })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const res = await send('/api/documents:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin },
      body: '{nope',
    });
    expect(res.status).toBe(400);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await send('/api/documents:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 32),
    });
    expect(res.status).toBe(413);
  });

  it('serves pages only with the token, then by cookie, and never outside its folder', async () => {
    expect((await send('/')).status).toBe(401);
    const first = await send(`/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const cookie = String((first.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    expect((await send('/assets/app.js', { headers: { cookie } })).status).toBe(200);
    expect((await send('/../secret.txt', { headers: { cookie } })).status).toBe(404);
    expect((await send('/%2e%2e/secret.txt', { headers: { cookie } })).status).toBe(404);
  });
});

/** Writes raw bytes to the host and returns whatever comes back before the connection closes. */
function raw(bytes: string, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), waitMs);
  });
}

describe('the web host against malformed and slow clients', () => {
  it('answers garbage with 400 and keeps serving', async () => {
    expect(await raw('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await api('documents:list', {})).status).toBe(200);
  });

  it('drops a client that sends its headers too slowly', async () => {
    const started = Date.now();
    const answer = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `, 5000);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
  });

  it('refuses a non-JSON content type and a GET on the API', async () => {
    const form = await send('/api/documents:list', { method: 'POST', headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: host.token, origin: host.origin }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await send('/api/documents:list', { headers: { [TOKEN_HEADER]: host.token, origin: host.origin } })).status).toBe(405);
  });
});

/** Streams `total` bytes as a chunked body, as a client that does not announce its length would. */
function upload(path: string, total: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin, 'transfer-encoding': 'chunked' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    // Once the answer is in, a refused upload may end with EPIPE: only an error before it fails the test.
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 32);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the web host against huge and deeply nested bodies (issue 13, item 4)', () => {
  it('refuses JSON nested 5,000,000 deep with a message, without parsing it', async () => {
    const res = await send('/api/documents:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin },
      body: '['.repeat(5_000_000) + ']'.repeat(5_000_000),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/nested more than 64 levels deep/) } });
    expect((await api('documents:list', {})).status).toBe(200);
  });

  it('refuses JSON of millions of tiny values but reads brackets inside strings as text', async () => {
    const wide = await send('/api/documents:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.origin },
      body: `[${'0,'.repeat(5_000_000)}0]`,
    });
    expect(wide.status).toBe(400);
    expect(JSON.parse(wide.body).error.message).toMatch(/more than 4,000,000 values/);
    const quoted = JSON.parse((await api('search:query', { query: `${'[{'.repeat(200)}"\\` })).body);
    expect(quoted.ok).toBe(true);
  });

  it('takes a body on pairs:import as large as a 16 MB file in base64 (bigger ones go as uploads) while other channels refuse it', async () => {
    const res = await upload('/api/pairs:import', 60 * 1024 * 1024);
    // Read whole and handed to the JSON parser, which finds only spaces: not refused for its size.
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/not valid JSON/);
    expect(bodyLimit('pairs:import')).toBeGreaterThanOrEqual(Math.ceil(MAX_PAIR_DATA_BYTES / 3) * 4);
    expect(bodyLimit('pairs:import')).toBeLessThan(Math.ceil(MAX_PAIR_FILE_BYTES / 3) * 4);
    expect(bodyLimit('documents:import')).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
    expect(bodyLimit('documents:list')).toBe(MAX_BODY_BYTES);
  });

  it('takes a file as a raw upload (token and Origin as for the API) and imports it as a pair by its handle', async () => {
    const tmx = '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>The river is long.</seg></tuv><tuv xml:lang="de"><seg>Der Fluss ist lang.</seg></tuv></tu></body></tmx>';
    const raw = (headers: Record<string, string>) => send('/api/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: tmx });
    expect((await raw({ origin: host.origin })).status).toBe(401);
    expect((await raw({ [TOKEN_HEADER]: host.token })).status).toBe(403);
    expect((await raw({ [TOKEN_HEADER]: host.token, origin: host.origin, 'content-type': 'text/plain' })).status).toBe(415);
    const res = await raw({ [TOKEN_HEADER]: host.token, origin: host.origin });
    expect(res.status).toBe(200);
    const { upload: handle } = JSON.parse(res.body).value as { upload: string };
    expect(handle).toMatch(/^[\w-]{32}$/);
    const imported = JSON.parse((await api('pairs:import', { name: 'river.tmx', upload: handle })).body);
    expect(imported.ok).toBe(true);
    expect(imported.value.rows).toBe(1);
    // Declared too large: refused before a byte is stored.
    const big = await send('/api/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token, origin: host.origin, 'content-length': String(MAX_PAIR_FILE_BYTES + 1) } });
    expect(big.status).toBe(413);
  });

  it('lets a client cancel an upload: the partial file is removed and nothing is reported as an internal error', async () => {
    const before = internalErrors.length;
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/upload', method: 'POST', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', [TOKEN_HEADER]: host.token, origin: host.origin } });
    req.on('error', () => {});
    req.write(Buffer.alloc(1024 * 1024, 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(internalErrors.slice(before)).toEqual([]);
    expect(readdirSync(join(dir, 'data', 'uploads'))).toEqual([]);
    expect((await api('documents:list', {})).status).toBe(200);
  });

  it('answers a 70 MB chunked body with the 413 message, not a reset connection', async () => {
    const res = await upload('/api/documents:list', 70 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/limited to 64 MB/);
    // A big pair file goes as an upload: its JSON body is held to the same limit.
    expect((await upload('/api/pairs:import', 70 * 1024 * 1024)).status).toBe(413);
    expect((await api('documents:list', {})).status).toBe(200);
  });
});

function pageCookie(setCookie: unknown): { name: string; value: string; header: string } {
  const header = String((setCookie as string[])[0]).split(';')[0]!;
  const [name, value] = header.split('=') as [string, string];
  return { name, value, header };
}

describe('the web host keeps the API token out of cookies (issue 13, item 5)', () => {
  it('sets a page cookie named for its port whose value is not the token and opens no API call', async () => {
    const page = await send(`/?token=${host.token}`);
    const cookie = pageCookie(page.headers['set-cookie']);
    expect(cookie.name).toBe(`facing_page_${host.port}`);
    expect(cookie.value).not.toContain(host.token);
    expect(page.headers['set-cookie']).toEqual([expect.stringMatching(/HttpOnly; SameSite=Strict; Path=\//)]);
    // What another server on 127.0.0.1 would receive from the browser gets it nowhere in the API.
    expect((await api('documents:list', {}, { [TOKEN_HEADER]: cookie.value })).status).toBe(401);
    expect((await api('documents:list', {}, { [TOKEN_HEADER]: '', cookie: cookie.header })).status).toBe(401);
    expect((await api('documents:list', {}, { [TOKEN_HEADER]: cookie.value, cookie: cookie.header })).status).toBe(401);
    expect((await send('/', { headers: { cookie: cookie.header } })).status).toBe(200);
  });

  it('refuses an API call without an Origin header, as no browser sends a POST without one', async () => {
    const res = await send('/api/documents:list', { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/Origin/);
  });
});

describe('the web host on both loopback names (issue 13, item 6)', () => {
  it('accepts http://localhost:PORT as well as http://127.0.0.1:PORT, each with its own Host', async () => {
    const local = await api('documents:list', {}, { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` });
    expect(local.status).toBe(200);
    expect(JSON.parse(local.body).ok).toBe(true);
    expect((await api('documents:list', {}, { host: `localhost:${host.port}`, origin: host.origin })).status).toBe(403);
    expect((await api('documents:list', {}, { origin: `http://localhost:${host.port + 1}` })).status).toBe(403);
    expect((await send(`/?token=${host.token}`, { headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });
});

describe('the web host against malformed percent-escapes (issue 13, item 7)', () => {
  it('answers 401 before the token and 404 after it, never 500, and logs nothing', async () => {
    const before = internalErrors.length;
    const bare = await send('/api/%E0%A4%A', { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin }, body: '{}' });
    expect(bare.status).toBe(401);
    const authed = await api('%E0%A4%A', {});
    expect(authed.status).toBe(404);
    expect(JSON.parse(authed.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect((await send('/%E0%A4%A')).status).toBe(401);
    expect((await send(`/%E0%A4%A?token=${host.token}`)).status).toBe(404);
    expect((await send(`/assets/%ZZ.js?token=${host.token}`)).status).toBe(404);
    expect(await raw(`GET //evil.example/index.html HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`, 500)).toMatch(/^HTTP\/1\.1 400/);
    expect(internalErrors.length).toBe(before);
  });
});
