import { useEffect } from 'react';
import { Link } from 'wouter';
import type { SyncStatus } from '../../../shared/sync/model';
import { useSyncStatus, watchSync } from './syncStatus';
import './sync.css';
import { t, translator } from '../../../shared/i18n/current';

export function describeStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('sync.off');
    case 'syncing':
      return status.docs ? t('sync.syncingItems', { count: translator().number(status.docs), size: formatBytes(status.bytes) }) : t('sync.syncing');
    case 'up-to-date':
      return status.lastSynced ? t('sync.upToDateAt', { time: translator().date(status.lastSynced, { hour: '2-digit', minute: '2-digit' }) }) : t('sync.upToDate');
    case 'offline':
      return status.pending ? t('sync.offlineWaiting', { count: status.pending }) : t('sync.offline');
    case 'error':
      return t('sync.problem');
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** The sync state in the header; it links to Settings → Sync. Off, it is a quiet "Sync" link. */
export function SyncIndicator() {
  const status = useSyncStatus((s) => s.status);
  useEffect(watchSync, []);
  const state = status?.state ?? 'off';
  const label = status && state !== 'off' ? describeStatus(status) : t('sync.short');
  const title = status?.message ? [status.message, status.detail ? t('sync.detail', { detail: status.detail }) : null].filter(Boolean).join('\n') : state === 'off' ? t('sync.offTitle') : label;
  return (
    <Link href="/settings/sync" className={`button-quiet sync-indicator sync-${state}`} title={title} data-testid="sync-indicator" aria-label={t('sync.label', { state: label })}>
      <span className="sync-dot" aria-hidden="true" />
      {label}
      {status?.conflicts ? <span className="sync-badge">{status.conflicts}</span> : null}
    </Link>
  );
}
