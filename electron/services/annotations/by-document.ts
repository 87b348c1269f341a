import type { Annotation } from '../../../shared/model/annotation';

/** Annotations by id and by document, so one document's list never scans the others. */
export class AnnotationIndex {
  private readonly byId = new Map<string, Annotation>();
  private readonly byDocument = new Map<string, Map<string, Annotation>>();

  get(id: string): Annotation | undefined {
    return this.byId.get(id);
  }

  values(): Annotation[] {
    return [...this.byId.values()];
  }

  ofDocument(documentId: string): Annotation[] {
    const own = this.byDocument.get(documentId);
    return own ? [...own.values()] : [];
  }

  set(a: Annotation): void {
    const before = this.byId.get(a.id);
    if (before && before.documentId !== a.documentId) this.byDocument.get(before.documentId)?.delete(a.id);
    this.byId.set(a.id, a);
    let own = this.byDocument.get(a.documentId);
    if (!own) this.byDocument.set(a.documentId, (own = new Map()));
    own.set(a.id, a);
  }

  delete(id: string): Annotation | undefined {
    const a = this.byId.get(id);
    if (!a) return undefined;
    this.byId.delete(id);
    const own = this.byDocument.get(a.documentId);
    own?.delete(id);
    if (own?.size === 0) this.byDocument.delete(a.documentId);
    return a;
  }
}
