import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { checkRows, type CheckOptions, type RowFlag } from '../../../shared/alignment/checks';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import type { CheckGroup, PairChecks } from '../../../shared/alignment/checks/settings';
import type { Glossary } from '../../../shared/glossary/glossary';
import { api } from '../api';

interface PairChecksState {
  pair: string | null;
  checks: PairChecks;
  glossary: Glossary | undefined;
  /** What checkRows needs; a new object only when something changed. */
  options: CheckOptions;
  /** The pair whose settings the store has answered for (or failed to): checking before that would check twice. */
  answered: string | null;
  load(left: string, right: string): Promise<void>;
  toggle(group: CheckGroup, on: boolean): Promise<void>;
  dismiss(key: string, notAnError: boolean): Promise<void>;
  /** Whether the Glossary dialog is open. */
  glossaryOpen: boolean;
  showGlossary(open: boolean): void;
  /** Saves the glossary (as the dialog edited it, or as the store answers an import) and checks with it at once. */
  applyGlossary(glossary: Glossary): void;
}

const empty: PairChecks = { disabled: [], dismissed: [] };

/** The pair's check switches, "not an error" marks and glossary, loaded from and saved to the store. */
export const usePairChecksStore = create<PairChecksState>((set, get) => {
  const apply = (checks: PairChecks, glossary = get().glossary) => set({ checks, glossary, options: { disabled: checks.disabled, dismissed: checks.dismissed, glossary } });
  const patch = async (change: { disabled?: CheckGroup[]; dismiss?: string[]; restore?: string[] }) => {
    const pair = get().pair;
    if (!pair) return;
    const [left, right] = pair.split('|') as [string, string];
    apply(await api.invoke('checks:set', { left, right, patch: change }));
  };
  return {
    pair: null,
    checks: empty,
    glossary: undefined,
    options: {},
    answered: null,
    async load(left, right) {
      const pair = `${left}|${right}`;
      set(get().pair === pair ? { answered: null } : { pair, checks: empty, glossary: undefined, options: {}, answered: null });
      try {
        const loaded = await api.invoke('checks:get', { left, right });
        if (get().pair === pair) apply(loaded.checks, loaded.glossary);
      } finally {
        if (get().pair === pair) set({ answered: pair });
      }
    },
    toggle: (group, on) => {
      const others = get().checks.disabled.filter((g) => g !== group);
      const disabled = on ? others : [...others, group];
      // The box changes at once; the store's answer follows.
      apply({ ...get().checks, disabled });
      return patch({ disabled });
    },
    dismiss: (key, notAnError) => patch(notAnError ? { dismiss: [key] } : { restore: [key] }),
    glossaryOpen: false,
    showGlossary: (glossaryOpen) => set({ glossaryOpen }),
    applyGlossary: (glossary) => apply(get().checks, glossary),
  };
});

const QUIET_MS = 800;
const IDLE_WAIT_MS = 2000;

/**
 * The pair's flags from the translation checks, or null while they are pending. The first check of a
 * pair waits until its rows have painted, its settings have loaded and the page has been left alone
 * for a moment: on a 5,000-row pair it takes hundreds of milliseconds, which neither the first paint
 * nor the first click or key press should wait for. Later changes (an edit, a switch, a glossary)
 * check again at once.
 */
export function usePairFlags(left: string, right: string, pair: { rows: readonly AlignmentRow[]; a: Document; b: Document } | null): RowFlag[] | null {
  const load = usePairChecksStore((s) => s.load);
  useEffect(() => void load(left, right).catch(() => {}), [left, right, load]);
  const options = usePairChecksStore((s) => s.options);
  const key = `${left}|${right}`;
  const answered = usePairChecksStore((s) => s.answered) === key;
  const [painted, setPainted] = useState<string | null>(null);
  const shown = pair !== null;
  useEffect(() => {
    if (!shown) return;
    // After a quiet second with the page idle: a click or key press meanwhile waits for nothing.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const wait = () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      timer = setTimeout(() => (idle = requestIdleCallback(() => setPainted(key), { timeout: IDLE_WAIT_MS })), QUIET_MS);
    };
    const frame = requestAnimationFrame(wait);
    window.addEventListener('pointerdown', wait, true);
    window.addEventListener('keydown', wait, true);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      window.removeEventListener('pointerdown', wait, true);
      window.removeEventListener('keydown', wait, true);
    };
  }, [shown, key]);
  const due = pair !== null && answered && painted === key;
  const { rows, a, b } = pair ?? {};
  return useMemo(() => (due && rows && a && b ? checkRows(rows, a, b, options) : null), [due, rows, a, b, options]);
}
