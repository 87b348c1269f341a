// `npm run eval:align`: scores the aligner on ../shared/align-gold (German-French, hand aligned).
// The gold files are GPL-2 and are read from there, never copied into this repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignSegments, type AlignOptions, type BeadType } from '../shared/alignment/engine';
import { parseBeads, scoreAlignment, type Scores } from '../shared/alignment/scoring';
import { withLexiconAnchors, type TranslationLexicon } from '../shared/alignment/lexicon';
import { openDictd } from '../electron/services/dictionaries/dictd';
import { lexiconFor } from '../electron/services/dictionaries/lexicon';

const goldDir = join(import.meta.dirname, '..', '..', 'shared', 'align-gold');

export interface GoldSet {
  de: string[];
  fr: string[];
  gold: ReturnType<typeof parseBeads>;
}

export function loadGold(): GoldSet | null {
  if (!existsSync(join(goldDir, 'dev.defr'))) return null;
  const lines = (file: string) => readFileSync(join(goldDir, file), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.trim());
  return { de: lines('dev.de'), fr: lines('dev.fr'), gold: parseBeads(readFileSync(join(goldDir, 'dev.defr'), 'utf8')) };
}

export function evaluate(set: GoldSet, options: AlignOptions = {}, lexicon?: TranslationLexicon) {
  const de = set.de.map((text) => ({ text }));
  const fr = set.fr.map((text) => ({ text }));
  const [a, b] = lexicon ? withLexiconAnchors(de, fr, lexicon) : [de, fr];
  const { beads } = alignSegments(a, b, options);
  return scoreAlignment(beads, set.gold);
}

/** The dev set cut at a 1-1 gold bead near its middle that no earlier bead crosses. */
export function halves(set: GoldSet): [GoldSet, GoldSet] {
  const middle = set.de.length / 2;
  let best = -1;
  let maxA = -1;
  let maxB = -1;
  set.gold.forEach((bead, k) => {
    const a0 = bead.a[0];
    const b0 = bead.b[0];
    if (bead.a.length === 1 && bead.b.length === 1 && a0! > maxA && b0! > maxB && (best < 0 || Math.abs(a0! - middle) < Math.abs(set.gold[best]!.a[0]! - middle))) best = k;
    maxA = Math.max(maxA, ...bead.a);
    maxB = Math.max(maxB, ...bead.b);
  });
  const cutA = set.gold[best]!.a[0]!;
  const cutB = set.gold[best]!.b[0]!;
  const first = { de: set.de.slice(0, cutA), fr: set.fr.slice(0, cutB), gold: set.gold.slice(0, best) };
  const second = {
    de: set.de.slice(cutA),
    fr: set.fr.slice(cutB),
    gold: set.gold.slice(best).map((bead) => ({ a: bead.a.map((i) => i - cutA), b: bead.b.map((j) => j - cutB) })),
  };
  return [first, second];
}

/** The weights the two-fold check chooses among: anchor kinds and the cost of untranslated runs. */
export const weightGrid: AlignOptions['weights'][] = [0.8, 1.2, 1.6].flatMap((word) =>
  [0.3, 0.5, 1].flatMap((dictionary) => [1, 1.5, 2].map((gapExtend) => ({ word, dictionary, gapExtend }))),
);

/** Chooses weights on each half, scores them on the other: held-out strict F1 per fold and their mean. */
export function twoFold(set: GoldSet, lexicon?: TranslationLexicon): { folds: number[]; mean: number } {
  const [one, two] = halves(set);
  const grid = lexicon ? weightGrid : weightGrid.filter((w) => w!.dictionary === 0.5);
  const fold = (train: GoldSet, test: GoldSet) => {
    let best = grid[0];
    let bestF1 = -1;
    for (const weights of grid) {
      const f1 = evaluate(train, { weights }, lexicon).strict.f1;
      if (f1 > bestF1) [best, bestF1] = [weights, f1];
    }
    return evaluate(test, { weights: best }, lexicon).strict.f1;
  };
  const folds = [fold(one, two), fold(two, one)];
  return { folds, mean: (folds[0]! + folds[1]!) / 2 };
}

const FREEDICT_DEU_FRA = '/usr/share/dictd/freedict-deu-fra.index';

/** FreeDict German-French's translations of the dev set's German words, or null where Debian's package is absent. */
export async function goldLexicon(set: GoldSet): Promise<TranslationLexicon | null> {
  if (!existsSync(FREEDICT_DEU_FRA)) return null;
  const reader = await openDictd(FREEDICT_DEU_FRA);
  try {
    return await lexiconFor(reader, 'de', 'fr', set.de);
  } finally {
    await reader.close();
  }
}

const format = (s: Scores) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = loadGold();
  if (!set) {
    console.log(`eval:align skipped: ${goldDir} is not here (the gold data lives outside the repository).`);
    process.exit(0);
  }
  // Gale & Church (1993) as published: their six beads and priors, lengths only, no gap model.
  const galeChurchBeads: BeadType[] = [
    { a: 1, b: 1, prior: 0.89 },
    { a: 1, b: 0, prior: 0.0099 },
    { a: 0, b: 1, prior: 0.0099 },
    { a: 2, b: 1, prior: 0.089 },
    { a: 1, b: 2, prior: 0.089 },
    { a: 2, b: 2, prior: 0.011 },
  ];
  const noAnchors = { number: 0, word: 0, punctuation: 0 };
  const classic = evaluate(set, { beads: galeChurchBeads, weights: { ...noAnchors, gapOpenExtra: 0, gapExtend: -Math.log(0.0099) } });
  const lengthOnly = evaluate(set, { weights: noAnchors });
  const full = evaluate(set);
  console.log(`align-gold dev set: ${set.de.length} German, ${set.fr.length} French sentences, ${set.gold.length} gold beads\n`);
  console.log(`classic Gale-Church (log space)        strict ${format(classic.strict)}   lax ${format(classic.lax)}`);
  console.log(`Facing beads + gaps, lengths only      strict ${format(lengthOnly.strict)}   lax ${format(lengthOnly.lax)}`);
  console.log(`Facing (length + anchors)              strict ${format(full.strict)}   lax ${format(full.lax)}`);
  const lexicon = await goldLexicon(set);
  if (!lexicon) console.log(`Facing + dictionary                    skipped: ${FREEDICT_DEU_FRA} is absent (apt-get install dict-freedict-deu-fra)`);
  else {
    const withDictionary = evaluate(set, {}, lexicon);
    console.log(`Facing + dictionary (FreeDict deu-fra) strict ${format(withDictionary.strict)}   lax ${format(withDictionary.lax)}   (${lexicon.size} German words with translations)`);
  }
  console.log('\nTwo-fold: weights chosen on one half of the dev set, scored on the other (what new text will see):');
  for (const [label, lex] of [['without dictionary', undefined], ['with dictionary', lexicon ?? undefined]] as const) {
    if (label === 'with dictionary' && !lex) continue;
    const { folds, mean } = twoFold(set, lex);
    console.log(`  ${label.padEnd(20)} held-out strict F1 ${folds.map((f) => f.toFixed(3)).join(' and ')}, mean ${mean.toFixed(3)}`);
  }
}
