import type { Colour } from '../model/annotation';

export interface Mark {
  id: string;
  start: number;
  end: number;
  colour: Colour;
}

/** A piece of text and the highlights that cover all of it. */
export interface Chunk {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Cuts [from, to) at every highlight edge inside it, so overlapping highlights render as runs that
 * each know every highlight covering them.
 */
export function chunkRange(from: number, to: number, marks: readonly Mark[]): Chunk[] {
  const inside = marks.filter((m) => m.start < to && m.end > from);
  if (inside.length === 0) return [{ start: from, end: to, marks: [] }];
  const cuts = new Set([from, to]);
  for (const m of inside) {
    if (m.start > from) cuts.add(m.start);
    if (m.end < to) cuts.add(m.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const start = edges[k]!;
    const end = edges[k + 1]!;
    chunks.push({ start, end, marks: inside.filter((m) => m.start <= start && m.end >= end) });
  }
  return chunks;
}
