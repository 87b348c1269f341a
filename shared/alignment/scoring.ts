/** A bead as index lists, the form gold alignments take: `[9, 10]:[9]`. */
export interface IndexBead {
  a: readonly number[];
  b: readonly number[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Parses one bead per line, "[0]:[0]", "[9, 10]:[9]", "[]:[16]". */
export function parseBeads(text: string): IndexBead[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$/.exec(line);
      if (!match) throw new Error(`Not a bead: ${line}`);
      const list = (s: string) => (s.trim() ? s.split(',').map((x) => Number(x.trim())) : []);
      return { a: list(match[1]!), b: list(match[2]!) };
    });
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const key = (bead: IndexBead) => `${bead.a.join(',')}:${bead.b.join(',')}`;
const full = (bead: IndexBead) => bead.a.length > 0 && bead.b.length > 0;

/**
 * Strict and lax precision, recall and F1 as in Sennrich & Volk (2010): strict counts a predicted bead
 * only if it equals a gold bead; lax if it overlaps one on both sides. Beads with an empty side are left out.
 */
export function scoreAlignment(predicted: readonly IndexBead[], gold: readonly IndexBead[]): { strict: Scores; lax: Scores } {
  const p = predicted.filter(full);
  const g = gold.filter(full);
  const goldKeys = new Set(g.map(key));
  const predictedKeys = new Set(p.map(key));
  const strictP = p.filter((bead) => goldKeys.has(key(bead))).length / Math.max(1, p.length);
  const strictR = g.filter((bead) => predictedKeys.has(key(bead))).length / Math.max(1, g.length);

  const overlaps = (x: IndexBead, y: IndexBead) => x.a.some((i) => y.a.includes(i)) && x.b.some((j) => y.b.includes(j));
  const laxP = p.filter((bead) => g.some((gb) => overlaps(bead, gb))).length / Math.max(1, p.length);
  const laxR = g.filter((gb) => p.some((bead) => overlaps(bead, gb))).length / Math.max(1, g.length);
  return {
    strict: { precision: strictP, recall: strictR, f1: f1(strictP, strictR) },
    lax: { precision: laxP, recall: laxR, f1: f1(laxP, laxR) },
  };
}
