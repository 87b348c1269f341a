import type { SyncConfig, SyncTest } from '../../../shared/sync/model';
import { databaseUrl, insecureUrl } from './config';
import { t } from '../../../shared/i18n/current';

type Target = Pick<SyncConfig, 'url' | 'database' | 'username'> & { password: string | null };

export function authHeader(target: Pick<Target, 'username' | 'password'>): Record<string, string> {
  if (!target.username) return {};
  return { authorization: `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}` };
}

async function json(response: Response): Promise<Record<string, unknown> | null> {
  const text = await response.text();
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Asks the server what it is and whether these credentials open the database, with one clear
 * answer. It only reads; creating a missing database is left to `createDatabase`.
 */
export async function testConnection(target: Target, timeoutMs = 8000): Promise<SyncTest> {
  const insecure = insecureUrl(target.url);
  if (insecure) return { ok: false, kind: 'insecure', message: insecure };
  const headers = { accept: 'application/json', ...authHeader(target) };
  const base = target.url.replace(/\/+$/, '');
  const ask = (url: string, method = 'GET') => fetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });

  let root: Response;
  try {
    root = await ask(`${base}/`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    if (/CERT|SSL|TLS|self[- ]signed/i.test(`${why} ${cause?.message ?? ''}`)) {
      return { ok: false, kind: 'unreachable', message: t('syncSvc.testCertificate', { reason: String(why) }) };
    }
    return { ok: false, kind: 'unreachable', message: t('syncSvc.testUnreachable', { url: base, reason: String(why) }) };
  }
  const welcome = await json(root);
  const speaksCouch = welcome && ('couchdb' in welcome || 'express-pouchdb' in welcome || 'vendor' in welcome);
  if (!speaksCouch && root.status !== 401) {
    const type = root.headers.get('content-type') ?? 'no content type';
    return { ok: false, kind: 'not-couchdb', message: t('syncSvc.testNotCouch', { url: base, status: String(root.status), type }) };
  }

  const db = await ask(databaseUrl(target)).catch(() => null);
  if (!db) return { ok: false, kind: 'unreachable', message: t('syncSvc.testStopped', { database: target.database }) };
  const info = await json(db);
  if (db.status === 401) return { ok: false, kind: 'unauthorized', message: t('syncSvc.testRefused') };
  if (db.status === 403) return { ok: false, kind: 'unauthorized', message: t('syncSvc.testForbidden', { user: target.username || '—', database: target.database }) };
  if (db.status === 404) {
    const session = await ask(`${base}/_session`).then(json, () => null);
    const roles = ((session?.userCtx as { roles?: unknown } | undefined)?.roles ?? []) as unknown[];
    const canCreate = Array.isArray(roles) && roles.includes('_admin');
    return {
      ok: false,
      kind: 'no-database',
      canCreate,
      message: canCreate ? t('syncSvc.testWillCreate', { database: target.database }) : t('syncSvc.testCannotCreate', { database: target.database }),
    };
  }
  if (!db.ok || !info || typeof info.db_name !== 'string') {
    return { ok: false, kind: 'not-couchdb', message: t('syncSvc.testOddDatabase', { status: String(db.status), database: target.database }) };
  }
  return { ok: true, kind: 'ok', message: t('syncSvc.testConnected', { database: target.database, count: typeof info.doc_count === 'number' ? info.doc_count : 0 }) };
}

/** Creates the database when the user may; the answer says why not otherwise. */
export async function createDatabase(target: Target): Promise<SyncTest> {
  const response = await fetch(databaseUrl(target), { method: 'PUT', headers: { accept: 'application/json', ...authHeader(target) }, signal: AbortSignal.timeout(8000), redirect: 'error' }).catch(() => null);
  if (response && (response.status === 201 || response.status === 202 || response.status === 412)) return { ok: true, kind: 'ok', message: t('syncSvc.created', { database: target.database }) };
  return { ok: false, kind: 'no-database', canCreate: false, message: t('syncSvc.notCreated', { database: target.database, reason: response ? `HTTP ${response.status}` : t('syncSvc.noAnswer') }) };
}
