import type { SyncStatus } from '../../../shared/sync/model';
import { statusOf } from './pouch';
import { t } from '../../../shared/i18n/current';

/** The sync status the header shows, and the revision open screens watch for remote changes. */
export function createStatus() {
  const status: SyncStatus = { state: 'off', revision: 0, pending: 0, docs: 0, bytes: 0, lastSynced: null, message: null, detail: null, quarantined: 0, conflicts: 0 };
  let server: string | null = null;

  return {
    get: (): SyncStatus => ({ ...status }),
    /** The server the messages name: its host and port, as the address gave them. */
    serverIs(url: string) {
      server = URL.canParse(url) ? new URL(url).host : null;
    },
    off() {
      Object.assign(status, { state: 'off', pending: 0, docs: 0, bytes: 0, message: null, detail: null });
    },
    syncing() {
      if (status.state !== 'syncing') Object.assign(status, { state: 'syncing', docs: 0, bytes: 0, message: null, detail: null });
    },
    progress(docs: number, bytes: number) {
      status.state = 'syncing';
      status.docs += docs;
      status.bytes += bytes;
    },
    upToDate(when = new Date()) {
      Object.assign(status, { state: 'up-to-date', pending: 0, lastSynced: when.toISOString(), message: null, detail: null });
    },
    offline(pending: number, error: unknown) {
      const message = server ? t('syncSvc.offline', { server }) : t('syncSvc.offlineNoServer');
      Object.assign(status, { state: 'offline', pending, message, detail: describe(error) });
    },
    error(message: string) {
      Object.assign(status, { state: 'error', message, detail: null });
    },
    pending(count: number) {
      status.pending = count;
    },
    remoteApplied() {
      status.revision++;
    },
    counts(quarantined: number, conflicts: number) {
      status.quarantined = quarantined;
      status.conflicts = conflicts;
    },
  };
}
export type StatusTracker = ReturnType<typeof createStatus>;

/** A problem with the server that waiting will not fix, put as what to do; null for a network failure worth retrying. */
export function lastingProblem(error: unknown): string | null {
  const code = statusOf(error);
  if (code === 401) return t('syncSvc.refused');
  if (code === 403) return t('syncSvc.forbidden');
  if (code === 404) return t('syncSvc.noDatabase');
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(message)) return t('syncSvc.certificate', { reason: message.slice(0, 200) });
  return null;
}

function describe(error: unknown): string {
  const code = statusOf(error);
  const message = String((error as { message?: unknown; reason?: unknown } | null)?.message ?? (error as { reason?: unknown } | null)?.reason ?? t('syncSvc.noAnswer'));
  return code ? `${code} ${message}`.slice(0, 200) : message.slice(0, 200);
}
