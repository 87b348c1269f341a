import { foldForSearch } from '../../../shared/corpus/library';

/** How well one query word fits a label: a whole word beats the start of a word beats the inside of one. */
function wordScore(label: string, word: string): number {
  const words = label.split(/[^\p{L}\p{N}]+/u);
  if (words.includes(word)) return 3;
  if (words.some((w) => w.startsWith(word))) return 2;
  return label.includes(word) ? 1 : 0;
}

/**
 * The items whose label holds every word of the query, best fit first ("light" puts "Theme: light"
 * above "Highlights and notes"); equal fits keep their order.
 */
export function rankByLabel<T extends { label: string }>(items: readonly T[], query: string): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items
    .map((item, index) => {
      const label = foldForSearch(item.label);
      const scores = words.map((w) => wordScore(label, w));
      return { item, index, score: scores.includes(0) ? 0 : scores.reduce((a, b) => a + b, 0) };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
