import { segmentText } from '../shared/text/segmentation';
import type { Document } from '../shared/model/document';
import { seeded } from './harness';

/**
 * A deterministic synthetic translation pair: side B "translates" side A word by word into a made-up
 * language (so only names and numbers are shared, as between unrelated languages), runs 15% longer with
 * noise, joins some sentence pairs (2-1), splits some (1-2) and leaves some sentences out (1-0).
 */
export function generatePair(sentences: number, seed = 7): { a: string[][]; b: string[][] } {
  const random = seeded(seed);
  const letters = (k: number) => k.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!);
  const vocabulary = Array.from({ length: 400 }, (_, k) => `w${letters(k)}${'aeiou'[k % 5]}${'nrst'[k % 4]}`);
  const translate = (word: string) => `${word.split('').reverse().join('')}${word.length % 3 === 0 ? 'en' : 'e'}`;
  const names = Array.from({ length: 300 }, (_, k) => `Name${String.fromCharCode(65 + (k % 26))}${k}`);
  const paragraphsA: string[][] = [];
  const paragraphsB: string[][] = [];
  let made = 0;
  while (made < sentences) {
    const inParagraph = 1 + Math.floor(random() * 8);
    const pa: string[] = [];
    const pb: string[] = [];
    for (let s = 0; s < inParagraph && made < sentences; s++, made++) {
      const length = 5 + Math.floor(random() * 30);
      const words = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      if (random() < 0.3) words.splice(1, 0, names[Math.floor(random() * names.length)]!);
      if (random() < 0.25) words.splice(2, 0, String(Math.floor(random() * 10000)));
      const sentenceA = `${words.join(' ')}.`;
      const translated = words.map((w) => (/^(Name|\d)/.test(w) ? w : translate(w)));
      if (random() < 0.3) translated.push(translate(vocabulary[Math.floor(random() * 50)]!));
      const sentenceB = `${translated.join(' ')}.`;
      pa.push(sentenceA[0]!.toUpperCase() + sentenceA.slice(1));
      const roll = random();
      if (roll < 0.02) continue; // 1-0: left untranslated
      if (roll < 0.06 && pb.length > 0) pb[pb.length - 1] = `${pb[pb.length - 1]!.slice(0, -1)}, ${sentenceB}`; // 2-1
      else if (roll < 0.09 && translated.length > 8) {
        const cut = translated.length >> 1;
        pb.push(`${translated.slice(0, cut).join(' ')}.`, `${translated.slice(cut).join(' ')}.`); // 1-2
      } else pb.push(sentenceB[0]!.toUpperCase() + sentenceB.slice(1));
    }
    paragraphsA.push(pa);
    paragraphsB.push(pb);
  }
  return { a: paragraphsA, b: paragraphsB };
}

export function pairDocuments(sentences: number): [Document, Document] {
  const { a, b } = generatePair(sentences);
  const make = (id: string, language: string, paragraphs: string[][]): Document => ({
    meta: { id, title: id, language, origin: 'imported' },
    ...segmentText(paragraphs.map((p) => p.join(' ')).join('\n\n'), language),
  });
  return [make('bench-a', 'en', a), make('bench-b', 'xx', b)];
}
