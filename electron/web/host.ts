import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

// A document import (40 MB) as base64 in JSON, with room to spare.
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const TOKEN_HEADER = 'x-facing-token';
const COOKIE = 'facing_token';

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

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
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

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the renderer and the contract's handler table over HTTP on 127.0.0.1, for running Facing
 * in a browser. Every request needs the per-run token (query or cookie for pages, header for the
 * API), a loopback Host header (against DNS rebinding) and, for the API, our own Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = await realpath(options.staticDir);
  let allowedHosts: Set<string> = new Set();
  let origin = '';

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const queryToken = url.searchParams.get('token');
    if (!sameSecret(queryToken, token) && !sameSecret(cookieToken(req), token)) {
      return send(res, 401, 'Facing: this address needs the token. Open the full address that `npm run web` printed.');
    }
    const cookie = sameSecret(queryToken, token) ? { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : undefined;
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
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

  async function serveApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Use POST', 'text/plain; charset=utf-8', { allow: 'POST' });
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'Foreign origin refused');
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, 'Missing or wrong token');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send application/json');
    let payload: unknown;
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      payload = body === '' ? undefined : JSON.parse(body);
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(res, 413, `Request bodies are limited to ${MAX_BODY_BYTES / 1048576} MB`);
      const result = { ok: false, error: { code: 'invalid-request', message: 'The request body is not valid JSON.' } };
      return send(res, 400, JSON.stringify(result), 'application/json');
    }
    const result = await dispatch(options.handlers, channel, payload, options.onInternalError);
    send(res, 200, JSON.stringify(result), 'application/json');
  }

  const headersTimeout = options.headersTimeout ?? 10_000;
  const server = createServer({ headersTimeout, requestTimeout: 60_000, connectionsCheckingInterval: Math.min(1000, headersTimeout / 2) }, (req, res) => {
    const handle = async () => {
      if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Facing answers only on its loopback address');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) return serveApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
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
