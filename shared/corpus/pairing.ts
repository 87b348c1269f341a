import { z } from 'zod';
import { fold } from '../text/fold';
import { t } from '../i18n/current';

/**
 * What a translation keeps of its original, in a few hundred bytes: the numbers, the capitalised
 * words (names, and in German the nouns, many of them cognates), the length and the paragraphs.
 * Stored with a document's metadata, so suggesting pairs never reads another document.
 */
export const PairingProfileSchema = z.object({
  numbers: z.array(z.string().max(20)).max(60),
  names: z.array(z.string().max(8)).max(80),
  chars: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
});
export type PairingProfile = z.infer<typeof PairingProfileSchema>;

/**
 * A profile as the store keeps it: its numbers and names each joined by spaces (neither holds one).
 * The store's first line, parsed at every start, holds a profile for each imported document: at
 * 10,000 documents a million short strings as arrays, which JSON.parse took 130-400 ms to build, as
 * two strings a document about 25 ms.
 */
export const StoredProfileSchema = z.object({
  numbers: z.string().max(60 * 21),
  names: z.string().max(80 * 9),
  chars: z.number().int().nonnegative(),
  paragraphs: z.number().int().nonnegative(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export const packProfile = (p: PairingProfile): StoredProfile => ({ numbers: p.numbers.join(' '), names: p.names.join(' '), chars: p.chars, paragraphs: p.paragraphs });

const words = (joined: string) => (joined ? joined.split(' ') : []);

/** A stored profile in either form (documents imported before profiles were packed keep arrays until upgraded); null when it is neither. */
export function unpackProfile(stored: unknown): PairingProfile | null {
  const packed = StoredProfileSchema.safeParse(stored);
  if (packed.success) {
    const profile = { ...packed.data, numbers: words(packed.data.numbers), names: words(packed.data.names) };
    return PairingProfileSchema.safeParse(profile).success ? profile : null;
  }
  const plain = PairingProfileSchema.safeParse(stored);
  return plain.success ? plain.data : null;
}

const NAME_PREFIX = 5;

function mostFrequent(counts: Map<string, number>, size: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([token]) => token);
}

/** A profile built a paragraph at a time, so a long book can be profiled in slices. */
export class ProfileBuilder {
  private numbers = new Map<string, number>();
  private names = new Map<string, number>();
  private chars = 0;
  private count = 0;

  add(p: { kind: string; text: string }): void {
    if (p.kind === 'boilerplate' || !p.text.trim()) return;
    this.count++;
    this.chars += p.text.length;
    // Numbers with their separators dropped (36.464 = 36,464); single digits say nothing.
    for (const m of p.text.matchAll(/\d[\d.,]*\d/g)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length <= 20) this.numbers.set(digits, (this.numbers.get(digits) ?? 0) + 1);
    }
    for (const m of p.text.matchAll(/\p{Lu}[\p{L}]{3,}/gu)) {
      const name = fold(m[0]).slice(0, NAME_PREFIX);
      this.names.set(name, (this.names.get(name) ?? 0) + 1);
    }
  }

  profile(): PairingProfile {
    return { numbers: mostFrequent(this.numbers, 60), names: mostFrequent(this.names, 80), chars: this.chars, paragraphs: this.count };
  }
}

export function profileOf(paragraphs: ReadonlyArray<{ kind: string; text: string }>): PairingProfile {
  const builder = new ProfileBuilder();
  for (const p of paragraphs) builder.add(p);
  return builder.profile();
}

export interface PairEvidence {
  score: number;
  reasons: string[];
}

/** Below this a pair is not suggested; tuned on the seed corpus and unrelated texts on its topics. */
export const PAIR_THRESHOLD = 0.3;

const shared = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return a.filter((x) => set.has(x));
};

/**
 * Whether one document looks like a translation of the other, and why. Null when the lengths or the
 * paragraphs do not fit, or when too little is shared to say.
 */
export function pairEvidence(a: PairingProfile, b: PairingProfile): PairEvidence | null {
  if (a.chars === 0 || b.chars === 0) return null;
  const lengthRatio = Math.max(a.chars, b.chars) / Math.min(a.chars, b.chars);
  if (lengthRatio > 1.7) return null;
  const paragraphGap = Math.abs(a.paragraphs - b.paragraphs);
  if (paragraphGap > Math.max(2, 0.25 * Math.max(a.paragraphs, b.paragraphs))) return null;
  const numbers = shared(a.numbers, b.numbers);
  const names = shared(a.names, b.names);
  if (numbers.length + names.length < 4) return null;
  const nameScore = names.length / Math.max(1, Math.min(a.names.length, b.names.length));
  const bothHaveNumbers = Math.min(a.numbers.length, b.numbers.length) > 0;
  const numberScore = bothHaveNumbers ? numbers.length / Math.min(a.numbers.length, b.numbers.length) : 0;
  const structure = 1 - paragraphGap / Math.max(1, a.paragraphs, b.paragraphs);
  const evidence = bothHaveNumbers ? 0.55 * nameScore + 0.45 * numberScore : nameScore;
  const score = Math.round(evidence * (0.8 + 0.2 * structure) * 100) / 100;
  if (score < PAIR_THRESHOLD) return null;
  const reasons = [
    a.paragraphs === b.paragraphs ? t('pairing.sameParagraphs', { count: a.paragraphs }) : t('pairing.paragraphs', { a: String(a.paragraphs), b: String(b.paragraphs) }),
    t('pairing.lengths', { percent: String(Math.round((lengthRatio - 1) * 100)) }),
  ];
  if (numbers.length) reasons.push(t('pairing.numbers', { count: numbers.length, examples: numbers.slice(0, 3).join(', ') }));
  if (names.length) reasons.push(t('pairing.names', { count: names.length }));
  return { score, reasons };
}
