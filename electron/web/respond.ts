import type { ServerResponse } from 'node:http';
import type { Result } from '../../shared/ipc/errors';

export function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
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

export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json');
}
