import { create } from 'zustand';
import type { AppInfo, Notice } from '../../../shared/model/app';
import type { DocumentSummary } from '../../../shared/model/document';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/model/settings';
import { api } from '../api';

export interface AppState {
  info: AppInfo | null;
  settings: Settings;
  /** Whether `settings` are this person's yet (the interface language among them), not the defaults. */
  settingsRead: boolean;
  documents: DocumentSummary[] | null;
  /** A failure to reach the backend at start; the app shows it instead of an empty library. */
  startupError: string | null;
  /** The messages of the notices dismissed: a notice arriving later shows on its own. */
  dismissedNotices: readonly string[];
  start(): Promise<void>;
  /** Reloads the document list after an import, an edit or a removal. */
  refreshDocuments(): Promise<void>;
  /** Reloads the backend's notices: the store reports some only when it reads a document's annotations. */
  refreshNotices(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  dismissNotices(): void;
}

/** Only the newest list asked for is shown: an answer to an earlier request may come after it. */
let listsAsked = 0;
const listDocuments = async (): Promise<DocumentSummary[] | null> => {
  const asked = ++listsAsked;
  const documents = await api.invoke('documents:list', {});
  return asked === listsAsked ? documents : null;
};

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  settings: defaultSettings,
  settingsRead: false,
  documents: null,
  startupError: null,
  dismissedNotices: [],
  async start() {
    try {
      // Settings first, on their own: the interface waits for its language, not for the document list.
      const settingsRead = api.invoke('settings:get', {}).then((settings) => set({ settings, settingsRead: true }));
      const [info, documents] = await Promise.all([api.invoke('app:info', {}), listDocuments(), settingsRead]);
      set({ info, startupError: null, ...(documents ? { documents } : {}) });
    } catch (error) {
      set({ startupError: (error as Error).message });
    }
  },
  async refreshDocuments() {
    try {
      const [documents] = await Promise.all([listDocuments(), get().refreshNotices()]);
      if (documents) set({ documents });
    } catch (error) {
      set({ startupError: (error as Error).message });
    }
  },
  async refreshNotices() {
    const known = get().info;
    if (!known) return;
    try {
      const { notices } = await api.invoke('app:info', {});
      const current = get().info ?? known;
      if (notices.length !== current.notices.length) set({ info: { ...current, notices } });
    } catch {
      // Notices are a courtesy; the request that prompted this one has its own error handling.
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
    set({ dismissedNotices: [...get().dismissedNotices, ...(get().info?.notices ?? []).map((n) => n.message)] });
  },
}));

const noNotices: Notice[] = [];

/** The notices to show: those not dismissed (a notice arriving after a dismissal shows on its own). */
export function visibleNotices(state: Pick<AppState, 'info' | 'dismissedNotices'>): Notice[] {
  const all = state.info?.notices ?? noNotices;
  if (!state.dismissedNotices.length) return all;
  const shown = all.filter((n) => !state.dismissedNotices.includes(n.message));
  return shown.length ? shown : noNotices;
}
