// `npm run eval:align`: scores the aligner on ../shared/align-gold (German-French, hand aligned).
// The gold files are GPL-2 and are read from there, never copied into this repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignSegments, type AlignOptions, type BeadType } from '../shared/alignment/engine';
import { parseBeads, scoreAlignment, type Scores } from '../shared/alignment/scoring';

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

export function evaluate(set: GoldSet, options: AlignOptions = {}) {
  const { beads } = alignSegments(set.de.map((text) => ({ text })), set.fr.map((text) => ({ text })), options);
  return scoreAlignment(beads, set.gold);
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
}
