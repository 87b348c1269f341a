import { z } from 'zod';

/** The checks a reviewer can turn off one by one for a pair. */
export const CheckGroupSchema = z.enum(['counterpart', 'numbers', 'length', 'terminology', 'consistency', 'form']);
export type CheckGroup = z.infer<typeof CheckGroupSchema>;
export const checkGroups = CheckGroupSchema.options;

export const checkGroupLabel: Record<CheckGroup, string> = {
  counterpart: 'No counterpart',
  numbers: 'Numbers',
  length: 'Length',
  terminology: 'Terminology',
  consistency: 'Consistency',
  form: 'Form',
};

/** Per pair: checks turned off, and flags marked "not an error" (by key, so they stay marked after edits elsewhere). */
export const PairChecksSchema = z.object({
  disabled: z.array(CheckGroupSchema).max(16).default([]),
  dismissed: z.array(z.string().max(200)).max(100_000).default([]),
});
export type PairChecks = z.infer<typeof PairChecksSchema>;

export const PairChecksPatchSchema = z.strictObject({
  disabled: z.array(CheckGroupSchema).max(16).optional(),
  /** Flag keys to mark "not an error", or to unmark. */
  dismiss: z.array(z.string().max(200)).max(10_000).optional(),
  restore: z.array(z.string().max(200)).max(10_000).optional(),
});
export type PairChecksPatch = z.infer<typeof PairChecksPatchSchema>;

export function applyChecksPatch(current: PairChecks, patch: PairChecksPatch): PairChecks {
  const dismissed = new Set(current.dismissed);
  for (const key of patch.dismiss ?? []) dismissed.add(key);
  for (const key of patch.restore ?? []) dismissed.delete(key);
  return { disabled: patch.disabled ?? current.disabled, dismissed: [...dismissed] };
}

export function checksKey(left: string, right: string): string {
  return `${left}|${right}|checks`;
}
