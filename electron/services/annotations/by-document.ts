import type { Annotation } from '../../../shared/model/annotation';

/** One document's annotations: the list read at start, turned into a map when one of them first changes. */
type Own = { list: Annotation[]; map: null } | { list: null; map: Map<string, Annotation> };

/**
 * Annotations by document, so one document's list never scans the others, and by id. At start the
 * annotations are only grouped (a map entry per annotation is most of what indexing 50,000 costs);
 * the map by id is built on the first lookup, a document's own map on its first change.
 */
export class AnnotationIndex {
  private byId: Map<string, Annotation> | null = null;
  private readonly byDocument = new Map<string, Own>();

  /** Groups annotations read at start: each id once. */
  static of(annotations: Iterable<Annotation>): AnnotationIndex {
    const index = new AnnotationIndex();
    index.add(annotations);
    return index;
  }

  /** Adds annotations read later (a document's block on first use): grouped, like those read at start. */
  add(annotations: Iterable<Annotation>): void {
    for (const a of annotations) {
      if (this.byId?.has(a.id)) {
        this.set(a);
        continue;
      }
      this.byId?.set(a.id, a);
      const own = this.byDocument.get(a.documentId);
      if (own?.list) own.list.push(a);
      else if (own?.map) own.map.set(a.id, a);
      else this.byDocument.set(a.documentId, { list: [a], map: null });
    }
  }

  private ids(): Map<string, Annotation> {
    if (!this.byId) {
      this.byId = new Map();
      for (const own of this.byDocument.values()) for (const a of own.list ?? own.map!.values()) this.byId.set(a.id, a);
    }
    return this.byId;
  }

  private mapOf(documentId: string): Map<string, Annotation> {
    const own = this.byDocument.get(documentId);
    if (own?.map) return own.map;
    const map = new Map((own?.list ?? []).map((a) => [a.id, a]));
    this.byDocument.set(documentId, { list: null, map });
    return map;
  }

  get(id: string): Annotation | undefined {
    return this.ids().get(id);
  }

  values(): Annotation[] {
    const out: Annotation[] = [];
    for (const own of this.byDocument.values()) for (const a of own.list ?? own.map!.values()) out.push(a);
    return out;
  }

  ofDocument(documentId: string): Annotation[] {
    const own = this.byDocument.get(documentId);
    return own ? (own.list?.slice() ?? [...own.map!.values()]) : [];
  }

  set(a: Annotation): void {
    const ids = this.ids();
    const before = ids.get(a.id);
    if (before && before.documentId !== a.documentId) this.remove(before);
    ids.set(a.id, a);
    this.mapOf(a.documentId).set(a.id, a);
  }

  delete(id: string): Annotation | undefined {
    const a = this.ids().get(id);
    if (!a) return undefined;
    this.byId!.delete(id);
    this.remove(a);
    return a;
  }

  private remove(a: Annotation): void {
    const own = this.mapOf(a.documentId);
    own.delete(a.id);
    if (own.size === 0) this.byDocument.delete(a.documentId);
  }
}
