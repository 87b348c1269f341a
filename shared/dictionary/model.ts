import { z } from 'zod';
import { LanguageSchema } from '../model/document';

/** A dictionary id is derived from where it lives ("system:freedict-deu-eng", "user:<uuid>"); never a path. */
export const DictionaryIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^(system|user):[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a dictionary id is "system:" or "user:" followed by letters, digits, ".", "-" and "_"');
export type DictionaryId = z.infer<typeof DictionaryIdSchema>;

export const DictionaryFormatSchema = z.enum(['dictd', 'stardict']);
export type DictionaryFormat = z.infer<typeof DictionaryFormatSchema>;

export const DictionaryInfoSchema = z.object({
  id: DictionaryIdSchema,
  name: z.string().max(300),
  format: DictionaryFormatSchema,
  /** Language of the headwords and of the definitions; absent when neither the files nor the user said. */
  from: LanguageSchema.optional(),
  to: LanguageSchema.optional(),
  entries: z.number().int().nonnegative(),
  /** "system": found in a folder the operating system's packages fill; "user": added to the data folder. */
  origin: z.enum(['system', 'user']),
  /** Where the files are, for the user to recognise (shown, never used as a request parameter). */
  location: z.string().max(1000),
  enabled: z.boolean(),
  /** Set when the files could not be read; the dictionary is listed with this message and not used. */
  problem: z.string().optional(),
});
export type DictionaryInfo = z.infer<typeof DictionaryInfoSchema>;

/** How a headword was reached from the word the user looked up. */
export const MatchKindSchema = z.enum(['exact', 'case', 'inflection', 'compound-part', 'synonym']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

export const DictionaryEntrySchema = z.object({
  dictionaryId: DictionaryIdSchema,
  dictionaryName: z.string(),
  headword: z.string(),
  match: MatchKindSchema,
  /** Plain text with line breaks; markup in the source was reduced to text when it was read. */
  definition: z.string(),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntrySchema>;

export const LookupResultSchema = z.object({
  word: z.string(),
  language: LanguageSchema,
  entries: z.array(DictionaryEntrySchema),
  /** Enabled dictionaries whose source language is the word's: none means "install one". */
  searched: z.number().int().nonnegative(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

/** The largest definition Facing reads; a longer one is a damaged or hostile file. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
