import { z } from 'zod';
import { CheckGroupSchema, PairChecksPatchSchema, PairChecksSchema } from '../alignment/checks/settings';
import { GlossarySchema } from '../glossary/glossary';
import { DocumentIdSchema, DocumentSummarySchema, LanguageSchema } from '../model/document';
import { ExportedFileSchema, PairFormatSchema } from './formats';
import { t } from '../i18n/current';

const Pair = { left: DocumentIdSchema, right: DocumentIdSchema };

/** A 100,000-unit TMX is about 50 MB; files of pairs may be larger than single documents. */
export const MAX_PAIR_FILE_BYTES = 160 * 1024 * 1024;

/**
 * A file of pairs sent whole as base64 in the request (scripts, tests, a file not on disk): decoded
 * in memory beside its JSON, so kept small. Bigger files go as an upload, read from disk.
 */
export const MAX_PAIR_DATA_BYTES = 16 * 1024 * 1024;

/** A file handed over by path (Electron) or by a raw upload (the web host), named by this handle. */
export const UploadHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'not an upload handle');

/** The channels of pairs in and out, checks and glossaries; spread into the one contract. */
export const exchangeContract = {
  'pairs:export': {
    request: z.strictObject({
      ...Pair,
      format: PairFormatSchema,
      level: z.enum(['sentence', 'paragraph']).default('sentence'),
      singleLanguage: z.boolean().optional(),
      highlights: z.boolean().optional(),
    }),
    response: ExportedFileSchema,
  },
  /** The file as an upload handle, or (small files, scripts and tests) as base64 in `data`: one of the two. */
  'pairs:import': {
    request: z
      .strictObject({
        name: z.string().min(1).max(1000),
        data: z
          .base64()
          .max(
            Math.ceil(MAX_PAIR_DATA_BYTES / 3) * 4 + 4,
            { error: () => t('validation.pairDataTooLarge', { size: String(MAX_PAIR_DATA_BYTES / 1048576), upload: String(MAX_PAIR_FILE_BYTES / 1048576) }) },
          )
          .optional(),
        upload: UploadHandleSchema.optional(),
        source: LanguageSchema.or(z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/)).optional(),
        target: LanguageSchema.or(z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/)).optional(),
      })
      .refine((r) => (r.data === undefined) !== (r.upload === undefined), 'give the file either as data or as an upload'),
    response: z.union([
      z.object({ choose: z.array(z.string()) }),
      z.object({ left: DocumentSummarySchema, right: DocumentSummarySchema, rows: z.number().int(), skipped: z.number().int() }),
    ]),
  },
  /** How far the import of an upload is (0 to 1), for a progress bar; null when none is running. */
  'pairs:progress': { request: z.strictObject({ upload: UploadHandleSchema }), response: z.object({ done: z.number().min(0).max(1) }).nullable() },
  'checks:get': {
    request: z.strictObject(Pair),
    response: z.object({ checks: PairChecksSchema, glossary: GlossarySchema, origin: z.object({ file: z.string(), imported: z.string() }).optional() }),
  },
  'checks:set': { request: z.strictObject({ ...Pair, patch: PairChecksPatchSchema }), response: PairChecksSchema },
  'glossary:set': { request: z.strictObject({ glossary: GlossarySchema }), response: GlossarySchema },
  'glossary:import': {
    request: z.strictObject({ source: LanguageSchema, target: LanguageSchema, name: z.string().min(1).max(1000), content: z.string().max(20 * 1024 * 1024) }),
    response: GlossarySchema,
  },
  'glossary:export': {
    request: z.strictObject({ source: LanguageSchema, target: LanguageSchema, format: z.enum(['csv', 'tbx']) }),
    response: z.object({ name: z.string(), mime: z.string(), text: z.string() }),
  },
} as const;

export { CheckGroupSchema };
