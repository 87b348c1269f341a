import type { Annotation, ImportResult } from '../model/annotation';

const sameContent = (a: Annotation, b: Annotation) => {
  const { documentTitle: _x, ...left } = a;
  const { documentTitle: _y, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
};

/**
 * What importing `incoming` changes: new annotations are added, and a known one is replaced only
 * when the file's copy is not older (by `modified`) than the one here, so importing an earlier
 * export never reverts later edits. A title kept for a removed document stays.
 */
export function mergeImport(existing: (id: string) => Annotation | undefined, incoming: readonly Annotation[]): { changed: Annotation[]; result: ImportResult } {
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  const changed: Annotation[] = [];
  for (const a of incoming) {
    const current = existing(a.id);
    if (!current) result.added++;
    else if (sameContent(current, a)) {
      result.unchanged++;
      continue;
    } else if (Date.parse(a.modified) < Date.parse(current.modified)) {
      result.skipped++;
      continue;
    } else result.updated++;
    changed.push(current?.documentTitle && !a.documentTitle ? { ...a, documentTitle: current.documentTitle } : a);
  }
  return { changed, result };
}
