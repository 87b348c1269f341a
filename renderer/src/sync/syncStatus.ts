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
    pollWhileOn(status);
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
let watching = false;
let polling: ReturnType<typeof setInterval> | null = null;

/** Asks the status every few seconds while sync is on; off, nothing asks until Settings → Sync saves (it refreshes). */
function pollWhileOn(status: SyncStatus): void {
  if (status.state === 'off') {
    if (polling) clearInterval(polling);
    polling = null;
  } else if (!polling) {
    polling = setInterval(() => {
      if (document.visibilityState !== 'hidden') void useSyncStatus.getState().refresh();
    }, POLL_MS);
  }
}

/** Reads the status once for the whole app (called by the header's indicator); polling follows from it. */
export function watchSync(): void {
  if (watching) return;
  watching = true;
  void useSyncStatus.getState().refresh();
}
