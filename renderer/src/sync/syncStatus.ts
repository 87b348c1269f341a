import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/sync/model';
import { api } from '../api';
import { useAnnotations } from '../state/annotations';
import { useParallelStore } from '../state/parallel';
import { useAppStore } from '../state/store';

interface SyncStatusState {
  status: SyncStatus | null;
  refresh(): Promise<void>;
}

/** The sync status, polled; when `revision` moves, other computers' changes arrived: reload what is on screen. */
export const useSyncStatus = create<SyncStatusState>((set, get) => ({
  status: null,
  async refresh() {
    const status = await api.invoke('sync:status', {}).catch(() => null);
    if (!status) return;
    const before = get().status;
    set({ status });
    if (before && status.revision !== before.revision) await reloadShown();
  },
}));

async function reloadShown(): Promise<void> {
  const annotations = useAnnotations.getState();
  await Promise.all(Object.keys(annotations.byDocument).map((id) => annotations.load(id)));
  if (annotations.all) await annotations.loadAll();
  await useAppStore.getState().refreshDocuments();
  await useParallelStore.getState().refresh();
  // Settings synced from this person's other computer (when they chose so).
  const settings = await api.invoke('settings:get', {}).catch(() => null);
  if (settings) useAppStore.setState({ settings });
}

const POLL_MS = 2000;
let polling: ReturnType<typeof setInterval> | null = null;

/** Starts polling once for the whole app (called by the header's indicator). */
export function watchSync(): void {
  if (polling) return;
  void useSyncStatus.getState().refresh();
  polling = setInterval(() => {
    if (document.visibilityState !== 'hidden') void useSyncStatus.getState().refresh();
  }, POLL_MS);
}
