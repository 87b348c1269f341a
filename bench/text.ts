import { seeded } from './harness';

const words = 'the of and a to in is was for on that with as by at from this innovation city science zone technology development research finance talent region enterprises industrial international platform growth capital network'.split(' ');

/** A book-like English text: paragraphs of 1-8 sentences of 5-40 words, with numbers and abbreviations. */
export function generateBook(targetBytes: number, seed = 1): string {
  const random = seeded(seed);
  const pick = () => words[Math.floor(random() * words.length)]!;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const sentences: string[] = [];
    const count = 1 + Math.floor(random() * 8);
    for (let s = 0; s < count; s++) {
      const length = 5 + Math.floor(random() * 36);
      const parts = Array.from({ length }, pick);
      if (random() < 0.2) parts.splice(2, 0, `${Math.floor(random() * 100)}.${Math.floor(random() * 1000)}`);
      if (random() < 0.1) parts.splice(1, 0, 'Dec.', String(1 + Math.floor(random() * 28)));
      const sentence = parts.join(' ');
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + '.');
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * Text with a realistic word distribution: a vocabulary of `size` made-up words drawn with Zipf's law,
 * so common words are everywhere and most words are rare, as in real prose.
 */
export function proseWord(rank: number): string {
  const syllables = ['ka', 'ro', 'mi', 'te', 'lu', 'sa', 'ne', 'vo', 'ri', 'da', 'po', 'gu', 'fe', 'zi', 'ba'];
  let word = '';
  for (let n = rank + 1; n > 0; n = Math.floor(n / 15)) word += syllables[n % 15];
  return word;
}

export function generateProse(targetBytes: number, seed = 1, size = 20_000): string {
  const random = seeded(seed);
  const vocabulary = Array.from({ length: size }, (_, k) => proseWord(k));
  // Inverse of the Zipf CDF, approximated: rank ~ size^u.
  const pick = () => vocabulary[Math.min(size - 1, Math.floor(Math.pow(size, random()) - 1))]!;
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
      const words = Array.from({ length: 6 + Math.floor(random() * 20) }, pick);
      if (random() < 0.2) words.splice(1, 0, String(Math.floor(random() * 5000)));
      const sentence = words.join(' ');
      return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
    });
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    bytes += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}
