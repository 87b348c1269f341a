import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export function sameSecret(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A percent-decoded path, or null when its escapes are malformed (a URIError is the client's fault, not ours). */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

const ORIGIN_FORM = 'http://facing.invalid';
/** The request target as a URL, or null for anything but a plain path ("//host/x", "http://host/x", garbage). */
export function requestTarget(raw: string | undefined): URL | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, ORIGIN_FORM);
  } catch {
    return null;
  }
}
