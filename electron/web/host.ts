import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel, type Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { t } from '../../shared/i18n/current';
import { bodyLimit, BodyTooLarge, jsonTooComplex, readBody } from './body';
import { cookieValue, decodePath, requestTarget, sameSecret } from './request';
import { send, sendResult } from './respond';
import { serveFile } from './static';
import { serveUpload, UPLOAD_PATH } from './upload';
import type { Uploads } from '../services/exchange/uploads';

export { MAX_BODY_BYTES } from './body';
export const TOKEN_HEADER = 'x-facing-token';

export interface WebHostOptions {
  handlers: Handlers;
  /** Where `POST /api/upload` puts files (the services' uploads); without it there is no upload. */
  uploads?: Pick<Uploads, 'receive'>;
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

const needsToken = () => t('webHost.needsToken');

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
    if (!byQuery && !sameSecret(cookieValue(req, cookieName), pageSession)) return send(res, 401, needsToken());
    const cookie: Record<string, string> = byQuery ? { 'set-cookie': `${cookieName}=${pageSession}; HttpOnly; SameSite=Strict; Path=/` } : {};
    const path = decodePath(url.pathname);
    if (path === null) return send(res, 404, 'Not found');
    return serveFile(res, staticRoot, path, cookie);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, rawChannel: string, host: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Facing’s API takes POST requests only.', 'text/plain; charset=utf-8', { allow: 'POST' });
    // Browsers send Origin with every POST; a request without one is not from Facing's page.
    const from = req.headers.origin;
    if (from !== `http://${host}`) {
      const who = from === undefined ? 'a request without an Origin header' : `a request from ${from.slice(0, 100)}`;
      return send(res, 403, `Facing refused ${who}: only its own page, http://${host}, may call it.`);
    }
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, needsToken());
    if (rawChannel === UPLOAD_PATH && options.uploads) return serveUpload(req, res, options.uploads);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Facing’s API takes application/json only.');
    const channel = decodePath(rawChannel);
    if (!isChannel(channel)) {
      return sendResult(res, 404, { ok: false, error: { code: 'unknown-channel', message: `There is no channel named ${JSON.stringify(channel ?? rawChannel).slice(0, 80)}.` } });
    }
    let body: Buffer;
    try {
      body = await readBody(req, bodyLimit(channel));
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
      return sendResult(res, 400, { ok: false, error: { code: 'invalid-request', message: t('webHost.notJson') } });
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
