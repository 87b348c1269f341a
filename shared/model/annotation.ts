import { z } from 'zod';
import { DocumentIdSchema } from './document';
import { t } from '../i18n/current';

/** Highlight colours, each with a name people can say and filter by. */
export const colours = [
  { id: 'yellow', name: 'Yellow', hex: '#fde68a' },
  { id: 'green', name: 'Green', hex: '#bbf7d0' },
  { id: 'blue', name: 'Blue', hex: '#bfdbfe' },
  { id: 'pink', name: 'Pink', hex: '#fbcfe8' },
  { id: 'purple', name: 'Purple', hex: '#ddd6fe' },
  { id: 'orange', name: 'Orange', hex: '#fed7aa' },
] as const;

export const ColourSchema = z.enum(['yellow', 'green', 'blue', 'pink', 'purple', 'orange']);
export type Colour = z.infer<typeof ColourSchema>;

/** A tag: trimmed, no line breaks, at most 64 characters. Compared case-insensitively. */
export const TagSchema = z
  .string()
  .transform((tag) => tag.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, { error: () => t('validation.tagEmpty') }).max(64, { error: () => t('validation.tagLong') }));

export const TagsSchema = z
  .array(TagSchema)
  .max(50)
  .transform((tags) => tags.filter((tag, i) => tags.findIndex((t) => t.toLowerCase() === tag.toLowerCase()) === i));

export const NoteSchema = z.string().max(100_000, { error: () => t('validation.noteLong') });

/** W3C Web Annotation TextQuoteSelector: the quote with about 32 characters of context each side. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

/** W3C TextPositionSelector over the document's normalised text (UTF-16 offsets, end exclusive). */
export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end > s.start, 'a position selector ends after it starts');
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

export const AnnotationTargetSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

const IsoDate = z.iso.datetime({ offset: true });

export const AnnotationSchema = z.object({
  id: z.uuid(),
  documentId: DocumentIdSchema,
  target: AnnotationTargetSchema,
  colour: ColourSchema,
  tags: TagsSchema,
  note: NoteSchema,
  created: IsoDate,
  modified: IsoDate,
  /** The document's title, kept when the document is removed so its orphans can still name it. */
  documentTitle: z.string().max(500).optional(),
  /** Who made it, by the name they sync under (Settings → Sync); absent when made without sync. */
  creator: z.string().max(100).optional(),
  /**
   * Set on a reply: the annotation it answers (exported as a W3C annotation whose target is that
   * annotation, motivation "replying"). A reply carries its parent's document and target so it stays
   * with that passage, also after the parent is deleted.
   */
  replyTo: z.uuid().optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** Where an annotation sits in the document's current text, or null for an orphan. */
export const AnchorSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** How it was found: its stored position, the exact quote elsewhere, or a fuzzy match. */
  method: z.enum(['position', 'exact', 'fuzzy']),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const AnchoredAnnotationSchema = AnnotationSchema.extend({ anchor: AnchorSchema.nullable() });
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotationSchema>;

export const AnnotationDraftSchema = z.strictObject({
  documentId: DocumentIdSchema,
  target: AnnotationTargetSchema,
  colour: ColourSchema,
  tags: TagsSchema.default([]),
  note: NoteSchema.default(''),
});
export type AnnotationDraft = z.input<typeof AnnotationDraftSchema>;

/** A reply: its text, to the annotation it answers (a reply to a reply joins the same thread). */
export const ReplyDraftSchema = z.strictObject({
  to: z.uuid(),
  note: NoteSchema.refine((note) => note.trim() !== '', { error: () => t('validation.replyEmpty') }),
});
export type ReplyDraft = z.input<typeof ReplyDraftSchema>;

export const AnnotationPatchSchema = z.strictObject({
  colour: ColourSchema.optional(),
  tags: TagsSchema.optional(),
  note: NoteSchema.optional(),
});
export type AnnotationPatch = z.input<typeof AnnotationPatchSchema>;

export const ExportFormatSchema = z.enum(['markdown', 'csv', 'json', 'w3c']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportFileSchema = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Import files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** `skipped`: entries older than the copy already here (by `modified`), which were kept. */
export const ImportResultSchema = z.object({ added: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() });
export type ImportResult = z.infer<typeof ImportResultSchema>;
