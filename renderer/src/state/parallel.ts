import { create } from 'zustand';
import { t } from '../../../shared/i18n/current';
import { FacingError } from '../../../shared/ipc/errors';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import { api } from '../api';
import { useHistory } from './history';
import { useAppStore } from './store';

interface ParallelState {
  key: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: FacingError | null;
  left: Document | null;
  right: Document | null;
  rows: AlignmentRow[];
  edited: boolean;
  /** Why stored edits were set aside, shown until dismissed. */
  notice: string | null;
  saveError: string | null;
  active: number;
  hovered: number | null;
  swapped: boolean;
  /** Whether the Differences panel is open: where there is room it starts open, on narrow windows as a badge. */
  panelOpen: boolean;
  /** Reviewing: only the rows not yet marked checked are listed. */
  onlyUnchecked: boolean;
  finding: boolean;

  open(left: string, right: string): Promise<void>;
  /** Reads the open pair's alignment again (changed in the hub, or by another computer through sync). */
  refresh(): Promise<void>;
  /** Applies an edit to the rows; it is saved at once and can be undone. */
  apply(label: string, edit: (rows: readonly AlignmentRow[]) => AlignmentRow[]): void;
  reset(): Promise<void>;
  setActive(index: number): void;
  setHovered(index: number | null): void;
  toggleSwap(): void;
  /** Scrolling together or apart, remembered in the settings. */
  toggleSync(): void;
  togglePanel(): void;
  setPanelOpen(open: boolean): void;
  toggleOnlyUnchecked(): void;
  /** The next row after the active one (wrapping round) not yet marked checked. */
  nextUnchecked(): number | null;
  setFinding(finding: boolean): void;
  dismissNotice(): void;
}

/** Below this window width the Differences panel is a badge, so the two columns keep the room. */
export const NARROW_BELOW = 1200;

/** Whether the rows scroll together (the default) or each text scrolls on its own. */
export const useSynced = () => useAppStore((s) => s.settings.parallelScrolling !== 'apart');

export const useParallelStore = create<ParallelState>((set, get) => {
  let saving: Promise<unknown> = Promise.resolve();
  /** The notice as last read, so a refresh brings back only a new one, not one the reader dismissed. */
  let readNotice: string | null = null;

  /** Saves are chained so the store always ends with the latest rows. */
  const save = (rows: AlignmentRow[]) => {
    const { left, right } = get();
    if (!left || !right) return;
    saving = saving
      .catch(() => {})
      .then(() => api.invoke('alignment:save', { left: left.meta.id, right: right.meta.id, rows }))
      .then(
        () => set({ edited: true, saveError: null }),
        (error: unknown) => set({ saveError: t('parallel.saveFailed', { reason: (error as Error).message }) }),
      );
  };

  /** Sets the rows of a pair and saves them, if that pair is still the one open. */
  const replaceRows = (key: string | null, rows: AlignmentRow[]) => {
    if (get().key !== key) return;
    set({ rows, active: Math.min(get().active, rows.length - 1) });
    save(rows);
  };

  return {
    key: null,
    status: 'loading',
    error: null,
    left: null,
    right: null,
    rows: [],
    edited: false,
    notice: null,
    saveError: null,
    active: 0,
    hovered: null,
    swapped: false,
    panelOpen: true,
    onlyUnchecked: false,
    finding: false,

    async open(left, right) {
      const key = `${left}|${right}`;
      if (get().key === key && get().status !== 'failed') return get().refresh();
      set({ key, status: 'loading', error: null, rows: [], active: 0, hovered: null, notice: null, saveError: null, onlyUnchecked: false, finding: false, panelOpen: window.innerWidth >= NARROW_BELOW });
      try {
        const [a, b, alignment] = await Promise.all([
          api.invoke('documents:get', { id: left }),
          api.invoke('documents:get', { id: right }),
          api.invoke('alignment:get', { left, right }),
        ]);
        if (get().key !== key) return;
        // Back to the row the reader was on last time in this document's parallel view.
        const row = useAppStore.getState().documents?.find((d) => d.id === left)?.reading?.row ?? 0;
        readNotice = alignment.notice ?? null;
        set({ status: 'ready', left: a, right: b, rows: alignment.rows, edited: alignment.edited, notice: alignment.notice ?? null, active: Math.min(row, Math.max(0, alignment.rows.length - 1)) });
      } catch (error) {
        if (get().key !== key) return;
        set({ status: 'failed', error: error instanceof FacingError ? error : new FacingError('internal', String(error)) });
      }
    },

    async refresh() {
      const { key, left, right, status } = get();
      if (!key || status !== 'ready' || !left || !right) return;
      // A save on its way would be read back as if it came from elsewhere.
      await saving.catch(() => {});
      const alignment = await api.invoke('alignment:get', { left: left.meta.id, right: right.meta.id }).catch(() => null);
      if (!alignment || get().key !== key) return;
      const notice = alignment.notice ?? null;
      const changedNotice = notice !== readNotice;
      readNotice = notice;
      const sameRows = JSON.stringify(alignment.rows) === JSON.stringify(get().rows);
      set({
        edited: alignment.edited,
        ...(changedNotice ? { notice } : {}),
        ...(sameRows ? {} : { rows: alignment.rows, active: Math.min(get().active, Math.max(0, alignment.rows.length - 1)) }),
      });
    },

    apply(label, edit) {
      const { rows, key } = get();
      const next = edit(rows);
      replaceRows(key, next);
      useHistory.getState().push({ label, scope: 'alignment', undo: () => replaceRows(key, rows), redo: () => replaceRows(key, next) });
    },

    async reset() {
      const { left, right, rows, key } = get();
      if (!left || !right) return;
      try {
        await saving.catch(() => {});
        const fresh = await api.invoke('alignment:reset', { left: left.meta.id, right: right.meta.id });
        set({ rows: fresh.rows, edited: false, active: 0 });
        useHistory.getState().push({ label: t('history.resetAlignment'), scope: 'alignment', undo: () => replaceRows(key, rows), redo: () => replaceRows(key, fresh.rows) });
      } catch (error) {
        set({ saveError: t('parallel.resetFailed', { reason: (error as Error).message }) });
      }
    },

    setActive(index) {
      const { rows } = get();
      if (rows.length) set({ active: Math.max(0, Math.min(rows.length - 1, index)) });
    },
    setHovered(index) {
      if (get().hovered !== index) set({ hovered: index });
    },
    toggleSwap() {
      set({ swapped: !get().swapped });
    },
    toggleSync() {
      const { settings, updateSettings } = useAppStore.getState();
      void updateSettings({ parallelScrolling: settings.parallelScrolling === 'apart' ? 'together' : 'apart' });
    },
    togglePanel() {
      set({ panelOpen: !get().panelOpen });
    },
    setPanelOpen(panelOpen) {
      set({ panelOpen });
    },
    toggleOnlyUnchecked() {
      const onlyUnchecked = !get().onlyUnchecked;
      set({ onlyUnchecked });
      const { rows, active } = get();
      if (onlyUnchecked && rows[active]?.checked) set({ active: get().nextUnchecked() ?? active });
    },
    nextUnchecked() {
      const { rows, active } = get();
      for (let k = 1; k <= rows.length; k++) {
        const index = (active + k) % rows.length;
        if (!rows[index]!.checked) return index === active ? null : index;
      }
      return null;
    },
    setFinding(finding) {
      set({ finding });
    },
    dismissNotice() {
      set({ notice: null });
    },
  };
});
