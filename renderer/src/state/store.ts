import { create } from 'zustand';
import type { AppInfo } from '../../../shared/model/app';
import type { DocumentSummary } from '../../../shared/model/document';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import { api } from '../api';

interface AppState {
  info: AppInfo | null;
  settings: Settings;
  documents: DocumentSummary[] | null;
  /** A failure to reach the backend at start; the app shows it instead of an empty library. */
  startupError: string | null;
  dismissedNotices: number;
  start(): Promise<void>;
  /** Reloads the document list after an import, an edit or a removal. */
  refreshDocuments(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  dismissNotices(): void;
}

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  settings: defaultSettings,
  documents: null,
  startupError: null,
  dismissedNotices: 0,
  async start() {
    try {
      const [info, settings, documents] = await Promise.all([
        api.invoke('app:info', {}),
        api.invoke('settings:get', {}),
        api.invoke('documents:list', {}),
      ]);
      set({ info, settings, documents, startupError: null });
    } catch (error) {
      set({ startupError: (error as Error).message });
    }
  },
  async refreshDocuments() {
    try {
      set({ documents: await api.invoke('documents:list', {}) });
    } catch (error) {
      set({ startupError: (error as Error).message });
    }
  },
  async updateSettings(patch) {
    const previous = get().settings;
    set({ settings: { ...previous, ...patch } });
    try {
      set({ settings: await api.invoke('settings:set', { patch }) });
    } catch {
      set({ settings: previous });
    }
  },
  dismissNotices() {
    set({ dismissedNotices: get().info?.notices.length ?? 0 });
  },
}));
