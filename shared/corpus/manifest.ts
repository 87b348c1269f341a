import { z } from 'zod';
import { DocumentMetaSchema } from '../model/document';

/** A plain file name inside the corpus folder: no separators, no leading dot. */
export const CorpusFileNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_. -]*$/, 'a corpus file is a plain file name inside corpus/');

export const ManifestEntrySchema = DocumentMetaSchema.omit({ origin: true }).extend({ file: CorpusFileNameSchema });
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const ManifestSchema = z.object({
  version: z.literal(1),
  documents: z.array(z.unknown()),
});

export interface ManifestReading {
  entries: ManifestEntry[];
  problems: string[];
}

/**
 * Reads a manifest leniently: one bad entry is reported and skipped, the rest still load.
 * Duplicate ids and translations of unknown documents are problems too.
 */
export function readManifest(json: unknown): ManifestReading {
  const outer = ManifestSchema.safeParse(json);
  if (!outer.success) {
    return { entries: [], problems: [`The corpus manifest is malformed: ${outer.error.issues[0]?.message ?? 'unknown shape'}.`] };
  }
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  outer.data.documents.forEach((raw, index) => {
    const entry = ManifestEntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      problems.push(`Manifest entry ${index + 1} was skipped: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}.`);
      return;
    }
    if (seen.has(entry.data.id)) {
      problems.push(`Manifest entry ${index + 1} was skipped: the id "${entry.data.id}" is used twice.`);
      return;
    }
    seen.add(entry.data.id);
    entries.push(entry.data);
  });
  for (const entry of entries) {
    if (entry.translationOf && !seen.has(entry.translationOf)) {
      problems.push(`"${entry.title}" is marked as a translation of "${entry.translationOf}", which is not in the corpus.`);
      delete entry.translationOf;
    }
  }
  return { entries, problems };
}
