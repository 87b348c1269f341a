import { z } from 'zod';
import { DocumentMetaSchema } from '../model/document';
import { t } from '../i18n/current';

/** A plain file name inside the corpus folder: no separators, no leading dot. */
export const CorpusFileNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_. -]*$/, { error: () => t('validation.corpusFile') });

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
    return { entries: [], problems: [t('manifest.malformed', { reason: outer.error.issues[0]?.message ?? t('manifest.unknownShape') })] };
  }
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  outer.data.documents.forEach((raw, index) => {
    const entry = ManifestEntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      problems.push(t('manifest.skipped', { index: String(index + 1), field: issue?.path.join('.') || t('manifest.entry'), reason: issue?.message ?? t('manifest.invalid') }));
      return;
    }
    if (seen.has(entry.data.id)) {
      problems.push(t('manifest.duplicateId', { index: String(index + 1), id: entry.data.id }));
      return;
    }
    seen.add(entry.data.id);
    entries.push(entry.data);
  });
  for (const entry of entries) {
    if (entry.translationOf && !seen.has(entry.translationOf)) {
      problems.push(t('manifest.missingOriginal', { title: entry.title, original: entry.translationOf }));
      delete entry.translationOf;
    }
  }
  return { entries, problems };
}
