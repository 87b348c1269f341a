import { z } from 'zod';
import { DocumentIdSchema } from './document';
import { t } from '../i18n/current';

export const SentenceIdSchema = z.string().regex(/^p\d{1,6}s\d{1,5}$/, { error: () => t('validation.sentenceId') });

/** One row of the parallel view: the sentences of each side that translate each other. */
export const AlignmentRowSchema = z.object({
  a: z.array(SentenceIdSchema).max(64),
  b: z.array(SentenceIdSchema).max(64),
  /** 0..1, from the aligner; edited rows keep the value of the row they came from. */
  confidence: z.number().min(0).max(1),
  /** First row of an aligned group of paragraphs. */
  startsParagraph: z.boolean(),
  /** The user looked at this row and confirmed it. */
  checked: z.boolean(),
});
export type AlignmentRow = z.infer<typeof AlignmentRowSchema>;

export const AlignmentSchema = z.object({
  left: DocumentIdSchema,
  right: DocumentIdSchema,
  rows: z.array(AlignmentRowSchema),
  /** True when the rows come from the user's stored edits rather than the aligner. */
  edited: z.boolean(),
  /** Why stored edits were set aside, if they were. */
  notice: z.string().optional(),
});
export type Alignment = z.infer<typeof AlignmentSchema>;

/** What the store keeps per document pair: the edited rows and fingerprints of the texts they fit. */
export const StoredAlignmentSchema = z.object({
  left: DocumentIdSchema,
  right: DocumentIdSchema,
  leftFingerprint: z.string(),
  rightFingerprint: z.string(),
  rows: z.array(AlignmentRowSchema).max(200_000),
  modified: z.string(),
});
export type StoredAlignment = z.infer<typeof StoredAlignmentSchema>;

export function pairKey(left: string, right: string): string {
  return `${left}|${right}`;
}
