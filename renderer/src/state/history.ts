import { create } from 'zustand';
import { t } from '../../../shared/i18n/current';

/** What a change touched: the alignment toolbar's Undo reaches alignment edits only. */
export type HistoryScope = 'alignment' | 'annotation';

/** One undoable change, whatever it touched (alignment rows, annotations, tags). */
export interface HistoryEntry {
  label: string;
  scope: HistoryScope;
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
  /** Undoes the last change, or with a scope the last change of that kind (others made since stay). */
  undo(scope?: HistoryScope): Promise<void>;
  redo(scope?: HistoryScope): Promise<void>;
  can(command: 'undo' | 'redo', scope?: HistoryScope): boolean;
  clearMessage(): void;
}

const lastOf = (entries: HistoryEntry[], scope?: HistoryScope) => entries.findLastIndex((e) => !scope || e.scope === scope);
const without = (entries: HistoryEntry[], at: number) => [...entries.slice(0, at), ...entries.slice(at + 1)];

/**
 * The renderer's one undo history: Ctrl+Z undoes the last change, wherever it was made; the
 * alignment toolbar undoes alignment edits only. Alignment edits and annotations never depend on
 * each other, so one kind can be undone past the other.
 */
export const useHistory = create<HistoryState>((set, get) => ({
  past: [],
  future: [],
  message: null,
  push(entry) {
    set({
      past: [...get().past, entry].slice(-LIMIT),
      future: get().future.filter((e) => e.scope !== entry.scope),
      message: entry.announce ? `${entry.label[0]!.toUpperCase()}${entry.label.slice(1)}` : get().message,
    });
  },
  async undo(scope) {
    const at = lastOf(get().past, scope);
    const entry = get().past[at];
    if (!entry) return;
    set({ past: without(get().past, at), future: [...get().future, entry], message: t('history.undone', { label: entry.label }) });
    await entry.undo();
  },
  async redo(scope) {
    const at = lastOf(get().future, scope);
    const entry = get().future[at];
    if (!entry) return;
    set({ future: without(get().future, at), past: [...get().past, entry], message: t('history.redone', { label: entry.label }) });
    await entry.redo();
  },
  can(command, scope) {
    return lastOf(command === 'undo' ? get().past : get().future, scope) >= 0;
  },
  clearMessage() {
    set({ message: null });
  },
}));
