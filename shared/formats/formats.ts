import { z } from 'zod';

export const PairFormatSchema = z.enum(['tmx', 'xliff', 'tsv', 'csv', 'xlsx', 'html', 'epub', 'docx', 'json']);
export type PairFormat = z.infer<typeof PairFormatSchema>;

export const formatInfo: Record<PairFormat, { extension: string; mime: string; label: string; binary: boolean }> = {
  tmx: { extension: 'tmx', mime: 'application/x-tmx+xml', label: 'TMX 1.4b translation memory', binary: false },
  xliff: { extension: 'xlf', mime: 'application/x-xliff+xml', label: 'XLIFF 1.2', binary: false },
  tsv: { extension: 'tsv', mime: 'text/tab-separated-values', label: 'Tab-separated text', binary: false },
  csv: { extension: 'csv', mime: 'text/csv', label: 'Comma-separated values', binary: false },
  xlsx: { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel spreadsheet', binary: true },
  html: { extension: 'html', mime: 'text/html', label: 'Side-by-side web page', binary: false },
  epub: { extension: 'epub', mime: 'application/epub+zip', label: 'EPUB 3 bilingual book', binary: true },
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document, two columns', binary: true },
  json: { extension: 'json', mime: 'application/json', label: 'JSON rows', binary: false },
};

/** File name endings Facing reads as an aligned pair. */
export const pairFileExtensions = ['tmx', 'xlf', 'xliff', 'tsv', 'csv', 'xlsx'] as const;

export function isPairFile(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return (pairFileExtensions as readonly string[]).includes(ext);
}

export function formatFromName(name: string): PairFormat | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlf' || ext === 'xliff') return 'xliff';
  if (ext === 'htm') return 'html';
  return (PairFormatSchema.options as readonly string[]).includes(ext) ? (ext as PairFormat) : null;
}

export const ExportRequestSchema = z.strictObject({
  left: z.string().min(1).max(64),
  right: z.string().min(1).max(64),
  format: PairFormatSchema,
  level: z.enum(['sentence', 'paragraph']).default('sentence'),
  /** Rows with one side empty as single-language units (TMX), instead of leaving them out. */
  singleLanguage: z.boolean().optional(),
  /** Highlights as marks and notes as footnotes (HTML, EPUB, DOCX). */
  highlights: z.boolean().optional(),
});
export type ExportRequest = z.input<typeof ExportRequestSchema>;

export const ExportedFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  /** Text formats as text, binary ones as base64. */
  text: z.string().optional(),
  base64: z.string().optional(),
  units: z.number().int(),
  /** Rows left out, with why. */
  skipped: z.number().int(),
  notice: z.string().optional(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;
