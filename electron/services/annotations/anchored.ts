import { anchorAll, anchorTarget } from '../../../shared/annotations/anchoring';
import { fingerprint } from '../../../shared/alignment/documents';
import type { Anchor, AnchoredAnnotation, Annotation } from '../../../shared/model/annotation';
import type { AnnotationIndex } from './by-document';

/**
 * Anchors annotations against their documents' current text. Anchors are cached per document while
 * its text and the annotation stay the same.
 */
export function createAnchoring(index: AnnotationIndex, textOf: (documentId: string) => Promise<string | null>) {
  const anchors = new Map<string, { stamp: string; byId: Map<string, Anchor | null> }>();

  async function anchored(list: readonly Annotation[]): Promise<AnchoredAnnotation[]> {
    const byDocument = new Map<string, Annotation[]>();
    for (const a of list) {
      const group = byDocument.get(a.documentId);
      if (group) group.push(a);
      else byDocument.set(a.documentId, [a]);
    }
    const out: AnchoredAnnotation[] = [];
    for (const [documentId, annotations] of byDocument) {
      const text = await textOf(documentId);
      if (text === null) {
        for (const a of annotations) out.push({ ...a, anchor: null });
        continue;
      }
      const stamp = fingerprint(text);
      let cache = anchors.get(documentId);
      if (cache?.stamp !== stamp) {
        cache = { stamp, byId: anchorAll(text, index.ofDocument(documentId)) };
        anchors.set(documentId, cache);
      }
      for (const a of annotations) {
        if (!cache.byId.has(a.id)) cache.byId.set(a.id, anchorTarget(text, a.target));
        out.push({ ...a, anchor: cache.byId.get(a.id) ?? null });
      }
    }
    return out;
  }

  const forget = (a: Annotation) => anchors.get(a.documentId)?.byId.delete(a.id);

  return { anchored, forget };
}
