import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** Bytes of the request's body: what the client sent to the server. */
  sent: number;
}

export interface CountingProxy {
  url: string;
  port: number;
  requests: ProxiedRequest[];
  /** Bytes clients sent through the proxy since it started (or since `reset`). */
  sent(): number;
  reset(): void;
  /** Connections the proxy itself opened to the server it fronts. */
  upstreamConnections(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a test server that writes down every request passing through
 * it and how many bytes each sent: what a Facing talking to it uploads can be measured and checked.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const upstreamSockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', sent: 0 };
    requests.push(entry);
    req.on('data', (chunk: Buffer) => (entry.sent += chunk.length));
    const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('socket', (socket: Socket) => upstreamSockets.add(socket));
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sent: () => requests.reduce((sum, r) => sum + r.sent, 0),
    reset: () => void requests.splice(0),
    upstreamConnections: () => upstreamSockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
