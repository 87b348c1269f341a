import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeTypeOf } from '../mime-types';
import { send } from './respond';


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
  const type = mimeTypeOf(file);
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
