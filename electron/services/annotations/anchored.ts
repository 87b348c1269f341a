import { anchorAll, anchorTarget } from '../../../shared/annotations/anchoring';
import { fingerprint } from '../../../shared/alignment/documents';
import type { Anchor, AnchoredAnnotation, Annotation } from '../../../shared/model/annotation';
import type { AnnotationIndex } from './by-document';

/** Documents whose anchored, ordered list is kept ready (the ones open in the reader, and a few more). */
const LISTS_KEPT = 32;

const startOf = (a: AnchoredAnnotation) => a.anchor?.start ?? a.target.position.start;

/** By document, then by where each sits in its document's current text. */
export function inPositionOrder(list: AnchoredAnnotation[]): AnchoredAnnotation[] {
  return list.sort((x, y) => (x.documentId === y.documentId ? startOf(x) - startOf(y) : x.documentId.localeCompare(y.documentId)));
}

/**
 * Anchors annotations against their documents' current text. Anchors are cached per document while
 * its text and the annotation stay the same, and the last few documents' ordered lists while none of
 * their annotations change.
 */
export function createAnchoring(index: AnnotationIndex, textOf: (documentId: string) => Promise<string | null>) {
  const anchors = new Map<string, { stamp: string; byId: Map<string, Anchor | null> }>();
  const lists = new Map<string, { stamp: string | null; list: AnchoredAnnotation[] }>();

  const stampOf = (text: string | null) => (text === null ? null : fingerprint(text));

  function anchorWith(documentId: string, text: string | null, stamp: string | null, annotations: readonly Annotation[], out: AnchoredAnnotation[]): void {
    if (text === null || stamp === null) {
      for (const a of annotations) out.push({ ...a, anchor: null });
      return;
    }
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
      anchorWith(documentId, text, stampOf(text), annotations, out);
    }
    return out;
  }

  /** One document's annotations, anchored and in position order. */
  async function ofDocument(documentId: string): Promise<AnchoredAnnotation[]> {
    const text = await textOf(documentId);
    const stamp = stampOf(text);
    const kept = lists.get(documentId);
    if (kept && kept.stamp === stamp) {
      lists.delete(documentId);
      lists.set(documentId, kept);
      return kept.list.slice();
    }
    const list: AnchoredAnnotation[] = [];
    anchorWith(documentId, text, stamp, index.ofDocument(documentId), list);
    inPositionOrder(list);
    lists.set(documentId, { stamp, list });
    if (lists.size > LISTS_KEPT) lists.delete(lists.keys().next().value!);
    return list.slice();
  }

  /** Call for the old and the new version of every annotation that changes. */
  const forget = (a: Annotation) => {
    anchors.get(a.documentId)?.byId.delete(a.id);
    lists.delete(a.documentId);
  };

  /** Call when a document's annotations arrive from the store after its anchors or list were made. */
  const invalidate = (documentId: string) => {
    anchors.delete(documentId);
    lists.delete(documentId);
  };
  return { anchored, ofDocument, forget, invalidate };
}
