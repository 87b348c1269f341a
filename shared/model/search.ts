import { z } from 'zod';

export const SearchHitSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  language: z.string(),
  /** Index of the paragraph in the document. */
  paragraph: z.number().int().nonnegative(),
  parts: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({ hits: z.array(SearchHitSchema), total: z.number().int(), ms: z.number() });
export type SearchResult = z.infer<typeof SearchResultSchema>;
