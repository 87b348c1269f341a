import { z } from 'zod';

export const GlossaryEntrySchema = z.object({
  term: z.string().trim().min(1).max(300),
  translations: z.array(z.string().trim().min(1).max(300)).min(1).max(50),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

/** Terms of one language pair: a source term and the translations a reviewer accepts. */
export const GlossarySchema = z.object({
  source: z.string().min(2).max(35),
  target: z.string().min(2).max(35),
  entries: z.array(GlossaryEntrySchema).max(20_000),
});
export type Glossary = z.infer<typeof GlossarySchema>;

export function glossaryKey(source: string, target: string): string {
  return `glossary|${source.toLowerCase().split('-')[0]}|${target.toLowerCase().split('-')[0]}`;
}

/** Entries with the same term are merged; their translations kept once each. */
export function mergeEntries(entries: GlossaryEntry[]): GlossaryEntry[] {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    const key = e.term.toLowerCase();
    const known = byTerm.get(key);
    if (!known) byTerm.set(key, { term: e.term, translations: [...new Set(e.translations)] });
    else known.translations = [...new Set([...known.translations, ...e.translations])];
  }
  return [...byTerm.values()];
}
