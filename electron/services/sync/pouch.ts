import type { CouchDoc } from '../../../shared/sync/documents';

/** The part of PouchDB's API the sync service uses. */
export interface Emitter {
  on(event: string, listener: (arg: any) => void): this;
  cancel(): void;
}

export interface BulkResult {
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string | boolean;
  status?: number;
}

export interface PouchDb {
  get(id: string, options?: Record<string, unknown>): Promise<CouchDoc & Record<string, unknown>>;
  put(doc: CouchDoc): Promise<{ id: string; rev: string }>;
  remove(id: string, rev: string): Promise<unknown>;
  bulkDocs(docs: CouchDoc[], options?: Record<string, unknown>): Promise<BulkResult[]>;
  allDocs(options: Record<string, unknown>): Promise<{ rows: Array<{ id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDoc; error?: string }> }>;
  changes(options: Record<string, unknown>): Emitter & PromiseLike<{ results: Array<{ id: string; seq: number | string; doc?: CouchDoc; deleted?: boolean }>; last_seq: number | string }>;
  sync(remote: PouchDb, options: Record<string, unknown>): Emitter;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
}

let loaded: Promise<new (name: string, options?: Record<string, unknown>) => PouchDb> | null = null;

/** Loaded on first use: with sync off, Facing never loads PouchDB at all. */
export function pouchDb(): Promise<new (name: string, options?: Record<string, unknown>) => PouchDb> {
  loaded ??= import('pouchdb').then((m) => m.default as new (name: string, options?: Record<string, unknown>) => PouchDb);
  return loaded;
}

/** PouchDB's errors carry an HTTP-like status; network failures carry none. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * PouchDB's replicator asks the source for `info()` after each batch only to report progress, and
 * leaves a failure of that request unhandled, which ends a Node process when the server drops a
 * connection. The remote's `info` answers a neutral value instead; real failures still surface
 * through the replication's own requests.
 */
export function tolerateInfoFailures(remote: PouchDb, database: string): PouchDb {
  const info = remote.info.bind(remote);
  remote.info = ((callback?: (error: null, result: unknown) => void) => {
    const answer = info().catch(() => ({ db_name: database, update_seq: 0, doc_count: 0 }));
    if (typeof callback === 'function') void answer.then((result) => callback(null, result));
    return answer;
  }) as PouchDb['info'];
  return remote;
}
