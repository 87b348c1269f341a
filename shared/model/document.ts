import { z } from 'zod';
import { fold } from '../text/fold';
import { t } from '../i18n/current';

/** Ids of bundled documents are short slugs; imported ones are UUIDs. Never a path. */
export const DocumentIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: () => t('validation.documentId') });
export type DocumentId = z.infer<typeof DocumentIdSchema>;

/** BCP 47 language tag, e.g. "en", "de", "pt-BR". */
export const LanguageSchema = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: () => t('validation.language') });

/** A full date, a month or a year: "2025-12-22", "2025-12", "2025". */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: () => t('validation.date') });

export const DocumentMetaSchema = z.object({
  id: DocumentIdSchema,
  title: z.string().min(1).max(500),
  language: LanguageSchema,
  date: PartialDateSchema.optional(),
  source: z.string().max(500).optional(),
  /** The document this one translates, if any. */
  translationOf: DocumentIdSchema.optional(),
  origin: z.enum(['bundled', 'imported']),
  /** For imported documents: when, from which file name and format. */
  added: z.string().optional(),
  originalName: z.string().max(300).optional(),
  format: z.enum(['txt', 'md', 'html', 'docx', 'epub', 'pdf']).optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** Where the reader was in a document, and when it was last opened. */
export const ReadingStateSchema = z.object({
  /** Index of the first paragraph on screen in the reader. */
  paragraph: z.number().int().nonnegative().max(1_000_000).optional(),
  /** Pixels of that paragraph scrolled past the top of the reading area (negative: the gap above it). */
  offset: z.number().int().min(-10_000).max(1_000_000).optional(),
  /** Active row in the parallel view. */
  row: z.number().int().nonnegative().max(1_000_000).optional(),
  opened: z.string().optional(),
});
export type ReadingState = z.infer<typeof ReadingStateSchema>;

export const DocumentSummarySchema = DocumentMetaSchema.extend({
  wordCount: z.number().int().nonnegative(),
  reading: ReadingStateSchema.optional(),
  /** Set when the file could not be read; the document is listed but cannot be opened. */
  problem: z.string().optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const BlockKindSchema = z.enum(['heading', 'paragraph', 'list-item', 'quote', 'meta', 'boilerplate']);
export type BlockKind = z.infer<typeof BlockKindSchema>;

/** Offsets are UTF-16 code units into `Document.text`, end exclusive. */
export const SentenceSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

/** Emphasis kept from imported formats, as offsets into `Document.text`. */
export const InlineStyleSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  style: z.enum(['em', 'strong']),
});
export type InlineStyle = z.infer<typeof InlineStyleSchema>;

export const ParagraphSchema = z.object({
  id: z.string(),
  kind: BlockKindSchema,
  inline: z.array(InlineStyleSchema).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentences: z.array(SentenceSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const DocumentSchema = z.object({
  meta: DocumentMetaSchema,
  /** The normalised text: paragraphs joined by a blank line. Selectors and offsets refer to it. */
  text: z.string(),
  paragraphs: z.array(ParagraphSchema),
  wordCount: z.number().int().nonnegative(),
});
export type Document = z.infer<typeof DocumentSchema>;

/** Paragraphs served per request: a long document travels in pages, never as one huge message. */
export const PAGE_PARAGRAPHS = 1500;
/** Characters of text per page, whatever the paragraph count. */
export const PAGE_CHARACTERS = 1_500_000;

/**
 * A run of a document's paragraphs, with the text they cover (from `start`), offsets as in
 * `Document`. The first page also says what the rest looks like: each paragraph's kind (one letter:
 * h, p, l, q, m, b) and start, and the headings, so the reader can lay out and list contents before
 * the text arrives. When `from` is 0 and `paragraphs` holds all `total`, it is the whole document.
 */
export const DocumentPageSchema = z.object({
  meta: DocumentMetaSchema,
  wordCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  textLength: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  text: z.string(),
  paragraphs: z.array(ParagraphSchema),
  outline: z.object({ kinds: z.string(), starts: z.array(z.number().int().nonnegative()) }).optional(),
  headings: z.array(z.object({ index: z.number().int().nonnegative(), text: z.string() })).optional(),
});
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

export const DocumentPatchSchema = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  language: LanguageSchema.optional(),
  date: PartialDateSchema.nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  /** null unpairs. */
  translationOf: DocumentIdSchema.nullable().optional(),
});
export type DocumentPatch = z.infer<typeof DocumentPatchSchema>;

export const PairSuggestionSchema = z.object({
  id: DocumentIdSchema,
  title: z.string(),
  language: z.string(),
  /** 0..1 */
  score: z.number(),
  reasons: z.array(z.string()),
});
export type PairSuggestion = z.infer<typeof PairSuggestionSchema>;

export function sliceOf(doc: Pick<Document, 'text'>, span: { start: number; end: number }): string {
  return doc.text.slice(span.start, span.end);
}

/**
 * The paragraph that repeats the document's title as its first heading (the app shows the title
 * above the text already), or null. Compared folded, punctuation and spacing aside.
 */
export function titleRepeatedAt(doc: Pick<Document, 'meta' | 'text' | 'paragraphs'>): number | null {
  const first = doc.paragraphs.findIndex((p) => p.kind !== 'boilerplate' && p.kind !== 'meta');
  const p = doc.paragraphs[first];
  if (!p || p.kind !== 'heading') return null;
  const key = (s: string) => (fold(s).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return key(sliceOf(doc, p)) === key(doc.meta.title) ? first : null;
}
