import { TagsSchema, type Annotation } from '../model/annotation';

export interface TagCount {
  tag: string;
  count: number;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Every tag in use with how many annotations carry it, most used first. */
export function tagCounts(annotations: readonly Annotation[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const annotation of annotations) {
    for (const tag of annotation.tags) {
      const key = tag.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * Renames a tag on every annotation that has it; renaming to a tag that exists merges the two.
 * Returns only the annotations that changed, as their new versions.
 */
export function renameTag(annotations: readonly Annotation[], from: string, to: string, now: string): Annotation[] {
  const target = TagsSchema.parse([to])[0]!;
  return annotations
    .filter((a) => a.tags.some((t) => same(t, from)))
    .map((a) => ({ ...a, tags: TagsSchema.parse(a.tags.map((t) => (same(t, from) ? target : t))), modified: now }));
}

/** Removes a tag from every annotation; returns the changed annotations. */
export function deleteTag(annotations: readonly Annotation[], tag: string, now: string): Annotation[] {
  return annotations.filter((a) => a.tags.some((t) => same(t, tag))).map((a) => ({ ...a, tags: a.tags.filter((t) => !same(t, tag)), modified: now }));
}
