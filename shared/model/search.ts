import { z } from 'zod';

export const SearchHitSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  language: z.string(),
  /** Index of the paragraph in the document. */
  paragraph: z.number().int().nonnegative(),
  parts: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  score: z.number(),
  /** The passage holds only some of the words: its document holds the rest in other passages, shown beside it. */
  partial: z.boolean().optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** Matching paragraphs counted (all of them unless `more`). */
  total: z.number().int(),
  /** True when the search stopped counting once it had enough hits to show. */
  more: z.boolean().optional(),
  /** Documents that contain every word (hits come from the best of them). */
  documents: z.number().int().optional(),
  ms: z.number(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
