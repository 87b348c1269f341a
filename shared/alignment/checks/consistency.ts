/** Rows whose source recurs with another translation, or whose translation recurs for another source. */
export interface ConsistencyFinding {
  row: number;
  kind: 'inconsistent-source' | 'inconsistent-target';
  others: number[];
}

function key(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** Texts of fewer than this many characters ("Yes", "Note") recur with good reason in different senses. */
const MIN_CHARS = 12;

function groupsBy(pairs: ReadonlyArray<readonly [string, string]>, side: 0 | 1): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  pairs.forEach((pair, row) => {
    if (!pair[0] || !pair[1]) return;
    const k = key(pair[side]);
    if (k.length < MIN_CHARS) return;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  });
  return groups;
}

export function consistency(pairs: ReadonlyArray<readonly [string, string]>): ConsistencyFinding[] {
  const found: ConsistencyFinding[] = [];
  for (const [side, kind] of [[0, 'inconsistent-source'], [1, 'inconsistent-target']] as const) {
    for (const rows of groupsBy(pairs, side).values()) {
      if (rows.length < 2) continue;
      const other = 1 - side;
      const variants = new Set(rows.map((r) => key(pairs[r]![other]!)));
      if (variants.size < 2) continue;
      for (const row of rows) {
        const own = key(pairs[row]![other]!);
        found.push({ row, kind, others: rows.filter((r) => r !== row && key(pairs[r]![other]!) !== own) });
      }
    }
  }
  return found;
}
