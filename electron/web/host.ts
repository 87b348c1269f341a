import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { isChannel, type Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { BodyTooLarge, jsonTooComplex, readBody } from './body';

export { MAX_BODY_BYTES } from './body';
export const TOKEN_HEADER = 'x-facing-token';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (vite's output folder). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Milliseconds a client may take to send its headers (slow-loris defence). */
  headersTimeout?: number;
  onInternalError?: (error: unknown) => void;
}

export interface WebHost {
  /** The address it listens on: always 127.0.0.1. */
  address: string;
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A percent-decoded path, or null when its escapes are malformed (a URIError is the client's fault, not ours). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

const ORIGIN_FORM = 'http://facing.invalid';
/** The request target as a URL, or null for anything but a plain path ("//host/x", "http://host/x", garbage). */
function requestTarget(raw: string | undefined): URL | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, ORIGIN_FORM);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...headers,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json');
}

const NEEDS_TOKEN = 'Facing: this page has no valid access token for this run. Open the full address that `npm run web` printed.';

/**
 * Serves the renderer and the contract's handler table over HTTP on 127.0.0.1, for running Facing
 * in a browser. Every request needs a loopback Host header (against DNS rebinding). Pages need the
 * per-run token in the address once, then a page cookie; the cookie opens pages only, since browsers
 * send it to every port of 127.0.0.1. The API needs the token in a header and the page's own Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const pageSession = randomBytes(24).toString('base64url');
  const staticRoot = await realpath(options.staticDir);
  let allowedHosts: Set<string> = new Set();
  let cookieName = '';
  let origin = '';

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const byQuery = sameSecret(url.searchParams.get('token'), token);
    if (!byQuery && !sameSecret(cookieValue(req, cookieName), pageSession)) return send(res, 401, NEEDS_TOKEN);
    const cookie = byQuery ? { 'set-cookie': `${cookieName}=${pageSession}; HttpOnly; SameSite=Strict; Path=/` } : undefined;
    const path = decodePath(url.pathname);
    if (path === null) return send(res, 404, 'Not found');
    const relative = path.replace(/^\/+/, '') || 'index.html';
    let file: string;
    try {
      file = await realpath(join(staticRoot, relative));
    } catch {
      return send(res, 404, 'Not found');
    }
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return send(res, 404, 'Not found');
    if (!(await stat(file)).isFile()) return send(res, 404, 'Not found');
    const type = mimeTypes[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { ...cookie, 'content-security-policy': CONTENT_SECURITY_POLICY };
    if (relative.startsWith('assets/')) headers['cache-control'] = 'private, max-age=3600';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...headers,
    });
    res.end(await readFile(file));
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, rawChannel: string, host: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Facing’s API takes POST requests only.', 'text/plain; charset=utf-8', { allow: 'POST' });
    // Browsers send Origin with every POST; a request without one is not from Facing's page.
    const from = req.headers.origin;
    if (from !== `http://${host}`) {
      const who = from === undefined ? 'a request without an Origin header' : `a request from ${from.slice(0, 100)}`;
      return send(res, 403, `Facing refused ${who}: only its own page, http://${host}, may call it.`);
    }
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, NEEDS_TOKEN);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Facing’s API takes application/json only.');
    const channel = decodePath(rawChannel);
    if (!isChannel(channel)) {
      return sendResult(res, 404, { ok: false, error: { code: 'unknown-channel', message: `There is no channel named ${JSON.stringify(channel ?? rawChannel).slice(0, 80)}.` } });
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(res, 413, error.message);
      throw error;
    }
    const refusal = jsonTooComplex(body);
    if (refusal) return sendResult(res, 400, { ok: false, error: { code: 'invalid-request', message: refusal } });
    let payload: unknown;
    try {
      payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(res, 400, { ok: false, error: { code: 'invalid-request', message: 'The request body is not valid JSON.' } });
    }
    sendResult(res, 200, await dispatch(options.handlers, channel, payload, options.onInternalError));
  }

  const headersTimeout = options.headersTimeout ?? 10_000;
  const server = createServer({ headersTimeout, requestTimeout: 60_000, connectionsCheckingInterval: Math.min(1000, headersTimeout / 2) }, (req, res) => {
    const handle = async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts.has(host)) return send(res, 421, 'Facing answers only on its loopback address.');
      const url = requestTarget(req.url);
      if (!url) return send(res, 400, 'Facing answers only plain paths.');
      if (url.pathname.startsWith('/api/')) return serveApi(req, res, url.pathname.slice('/api/'.length), host);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      return serveStatic(req, res, url);
    };
    handle().catch((error) => {
      options.onInternalError?.(error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // Cookies are not scoped by port: naming it per port keeps two runs from overwriting each other's.
  cookieName = `facing_page_${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    address: (server.address() as AddressInfo).address,
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
