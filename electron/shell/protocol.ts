import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeTypeOf } from '../mime-types';

export { mimeTypeOf };

export const SCHEME = 'app';
export const HOST = 'facing';
export const APP_ORIGIN = `${SCHEME}://${HOST}`;


/** Whether a URL is Facing's own page. (Node gives custom schemes an opaque origin, so no `.origin`.) */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${SCHEME}:` && parsed.host === HOST;
  } catch {
    return false;
  }
}


/**
 * The file under `root` that an app:// URL names, or null: another scheme or host, a malformed
 * escape, an absolute or `..` path, or anything whose real path (symlinks followed) leaves `root`.
 */
export async function resolveAppFile(root: string, url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${SCHEME}:` || parsed.host !== HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  // The real path, symlinks followed, must stay inside the build; `..`, `%2f..` and absolute paths end up outside.
  try {
    const realRoot = await realpath(root);
    const file = await realpath(join(realRoot, relative));
    if (!file.startsWith(realRoot + sep)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The app:// handler: the built renderer's files with their types and the Content Security Policy. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = await resolveAppFile(rendererDir, request.url);
    if (!file) return notFound();
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  };
}

export interface ProtocolApi {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean } }>): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * Before `ready`: app:// behaves like https (a real origin, fetch allowed), and its scripts' compiled
 * code is cached between starts as Chromium does for https (by default not for other schemes): the
 * first screen's half a megabyte of script is then not parsed and compiled again at every start.
 */
export function registerAppScheme(protocol: Pick<ProtocolApi, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveRenderer(protocol: Pick<ProtocolApi, 'handle'>, rendererDir: string): void {
  protocol.handle(SCHEME, appProtocolHandler(rendererDir));
}
