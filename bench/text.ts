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
