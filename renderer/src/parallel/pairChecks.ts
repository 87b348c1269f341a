import { useEffect } from 'react';
import { create } from 'zustand';
import type { CheckOptions } from '../../../shared/alignment/checks';
import type { CheckGroup, PairChecks } from '../../../shared/alignment/checks/settings';
import type { Glossary } from '../../../shared/glossary/glossary';
import { api } from '../api';

interface PairChecksState {
  pair: string | null;
  checks: PairChecks;
  glossary: Glossary | undefined;
  /** What checkRows needs; a new object only when something changed. */
  options: CheckOptions;
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
    async load(left, right) {
      const pair = `${left}|${right}`;
      if (get().pair !== pair) set({ pair, checks: empty, glossary: undefined, options: {} });
      const loaded = await api.invoke('checks:get', { left, right });
      if (get().pair === pair) apply(loaded.checks, loaded.glossary);
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

/** Loads a pair's check settings and returns the options for checkRows. */
export function usePairChecks(left: string | null, right: string | null): CheckOptions {
  const load = usePairChecksStore((s) => s.load);
  useEffect(() => {
    if (left && right) void load(left, right).catch(() => {});
  }, [left, right, load]);
  return usePairChecksStore((s) => s.options);
}
