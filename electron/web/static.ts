import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { send } from './respond';

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

/** Answers with a file of the built renderer at `path` (already decoded), never one outside `staticRoot`. */
export async function serveFile(res: ServerResponse, staticRoot: string, path: string, extraHeaders: Record<string, string> = {}): Promise<void> {
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
  const headers: Record<string, string> = { ...extraHeaders, 'content-security-policy': CONTENT_SECURITY_POLICY };
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
