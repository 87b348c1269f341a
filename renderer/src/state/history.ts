import { create } from 'zustand';
import { t } from '../../../shared/i18n/current';

/** One undoable change, whatever it touched (alignment rows, annotations, tags). */
export interface HistoryEntry {
  label: string;
  /** Worth a confirmation with an Undo button (deletions, bulk tag changes). */
  announce?: boolean;
  undo: () => Promise<void> | void;
  redo: () => Promise<void> | void;
}

const LIMIT = 200;

interface HistoryState {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The last thing undone or redone, for a short confirmation. */
  message: string | null;
  push(entry: HistoryEntry): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  clearMessage(): void;
}

/** The renderer's one undo history: Ctrl+Z undoes the last change, wherever it was made. */
export const useHistory = create<HistoryState>((set, get) => ({
  past: [],
  future: [],
  message: null,
  push(entry) {
    set({ past: [...get().past, entry].slice(-LIMIT), future: [], message: entry.announce ? `${entry.label[0]!.toUpperCase()}${entry.label.slice(1)}` : get().message });
  },
  async undo() {
    const entry = get().past.at(-1);
    if (!entry) return;
    set({ past: get().past.slice(0, -1), future: [...get().future, entry], message: t('history.undone', { label: entry.label }) });
    await entry.undo();
  },
  async redo() {
    const entry = get().future.at(-1);
    if (!entry) return;
    set({ future: get().future.slice(0, -1), past: [...get().past, entry], message: t('history.redone', { label: entry.label }) });
    await entry.redo();
  },
  clearMessage() {
    set({ message: null });
  },
}));
