import { useEffect } from 'react';
import { Link } from 'wouter';
import type { SyncStatus } from '../../../shared/sync/model';
import { useSyncStatus, watchSync } from './syncStatus';
import './sync.css';

export function describeStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'Sync off';
    case 'syncing':
      return status.docs ? `Syncing… ${status.docs.toLocaleString()} items, ${formatBytes(status.bytes)}` : 'Syncing…';
    case 'up-to-date':
      return status.lastSynced ? `Up to date · ${new Date(status.lastSynced).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : 'Up to date';
    case 'offline':
      return status.pending ? `Offline · ${status.pending.toLocaleString()} ${status.pending === 1 ? 'change' : 'changes'} waiting` : 'Offline';
    case 'error':
      return 'Sync problem';
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
  const label = status && state !== 'off' ? describeStatus(status) : 'Sync';
  const title = status?.message ?? (state === 'off' ? 'Share highlights, notes and reading positions with your other computers or a reading group' : label);
  return (
    <Link href="/settings/sync" className={`button-quiet sync-indicator sync-${state}`} title={title} data-testid="sync-indicator" aria-label={`Sync: ${label}`}>
      <span className="sync-dot" aria-hidden="true" />
      {label}
      {status?.conflicts ? <span className="sync-badge">{status.conflicts}</span> : null}
    </Link>
  );
}
