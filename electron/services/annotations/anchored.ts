import { anchorTarget } from '../../../shared/annotations/anchoring';
import { fingerprint } from '../../../shared/alignment/documents';
import type { Anchor, AnchoredAnnotation, Annotation } from '../../../shared/model/annotation';
import type { AnnotationIndex } from './by-document';

/** Documents whose anchored, ordered list is kept ready (the ones open in the reader, and a few more). */
const LISTS_KEPT = 32;

const startOf = (a: AnchoredAnnotation) => a.anchor?.start ?? a.target.position.start;

/** The anchor of an annotation whose quote is where it was stored. */
const atStoredPlace = (a: Annotation): Anchor => ({ start: a.target.position.start, end: a.target.position.start + a.target.quote.exact.length, method: 'position' });

/** By document, then by where each sits in its document's current text. */
export function inPositionOrder(list: AnchoredAnnotation[]): AnchoredAnnotation[] {
  return list.sort((x, y) => (x.documentId === y.documentId ? startOf(x) - startOf(y) : x.documentId.localeCompare(y.documentId)));
}

/**
 * `{ ...a, anchor }` field by field: spreading 10,000 annotations read from JSON took about 9 ms,
 * this about 0.5 ms. Its test gives it an annotation with every field, so a new one is not left out.
 */
export function withAnchor(a: Annotation, anchor: Anchor | null): AnchoredAnnotation {
  const out: AnchoredAnnotation = { id: a.id, documentId: a.documentId, target: a.target, colour: a.colour, tags: a.tags, note: a.note, created: a.created, modified: a.modified, anchor };
  if (a.documentTitle !== undefined) out.documentTitle = a.documentTitle;
  if (a.creator !== undefined) out.creator = a.creator;
  if (a.replyTo !== undefined) out.replyTo = a.replyTo;
  return out;
}

/** In order of stored position, ties in list order: numeric keys sorted natively, several times faster than a comparator for 10,000. */
export function byStoredStart(list: readonly Annotation[]): Annotation[] {
  const n = list.length;
  const keys = new Float64Array(n);
  // Exact while start * n stays below 2^53: a text of 9 billion characters with a million annotations.
  for (let i = 0; i < n; i++) keys[i] = list[i]!.target.position.start * n + i;
  keys.sort();
  const out = new Array<Annotation>(n);
  for (let i = 0; i < n; i++) out[i] = list[keys[i]! % n]!;
  return out;
}

type AnchorCache = { stamp: string; byId: Map<string, Anchor | null> };

/**
 * Anchors annotations against their documents' current text. An annotation whose quote is still at
 * its stored position is anchored by one comparison; only the others are searched for, and their
 * anchors cached per document while its text and the annotation stay the same. The last few
 * documents' ordered lists are kept while none of their annotations change.
 */
export function createAnchoring(index: AnnotationIndex, textOf: (documentId: string) => Promise<string | null>) {
  const anchors = new Map<string, AnchorCache>();
  const lists = new Map<string, { stamp: string | null; list: AnchoredAnnotation[] }>();
  const stamps = new Map<string, { text: string; stamp: string }>();
  /**
   * By document, the annotations found at their stored place in its text. A document's text does not
   * change while Facing runs (an imported one never does); when its record changes or goes (removed
   * here or by sync) the owner calls `textChanged`. Listed again, they need no text read.
   */
  const inPlace = new Map<string, WeakSet<Annotation>>();

  /** The text's fingerprint, hashed once per text rather than at every list (about 2 ms a megabyte). */
  function stampOf(documentId: string, text: string | null): string | null {
    if (text === null) return null;
    const known = stamps.get(documentId);
    if (known?.text === text) return known.stamp;
    const stamp = fingerprint(text);
    stamps.delete(documentId);
    stamps.set(documentId, { text, stamp });
    if (stamps.size > LISTS_KEPT) stamps.delete(stamps.keys().next().value!);
    return stamp;
  }

  function cacheOf(documentId: string, stamp: string): AnchorCache {
    let cache = anchors.get(documentId);
    if (cache?.stamp !== stamp) {
      cache = { stamp, byId: new Map() };
      anchors.set(documentId, cache);
    }
    return cache;
  }

  /**
   * `delta`: the shift found for the annotation before this one, which usually holds for this one too.
   * `cache` is asked for only when the quote has left its stored position: an annotation still in place
   * costs one comparison, and its document's text is never hashed for it.
   */
  function anchorOne(text: string, cache: () => AnchorCache, a: Annotation, delta: number): Anchor | null {
    if (text.startsWith(a.target.quote.exact, a.target.position.start)) return atStoredPlace(a);
    const known = cache().byId.get(a.id);
    if (known !== undefined) return known;
    const found = anchorTarget(text, a.target, delta);
    cache().byId.set(a.id, found);
    return found;
  }

  /** One document's annotations anchored, each passed to `put` in order of stored position. */
  function anchorEach(text: string | null, cache: () => AnchorCache, annotations: readonly Annotation[], put: (a: Annotation, anchor: Anchor | null) => void): void {
    if (text === null) {
      for (const a of annotations) put(a, null);
      return;
    }
    let delta = 0;
    for (const a of byStoredStart(annotations)) {
      const anchor = anchorOne(text, cache, a, delta);
      if (anchor) delta = anchor.start - a.target.position.start;
      put(a, anchor);
    }
  }

  /** The document's anchor cache, made (and its text hashed) on first call. */
  function lazyCache(documentId: string, text: string | null): () => AnchorCache {
    let cache: AnchorCache | undefined;
    return () => (cache ??= cacheOf(documentId, stampOf(documentId, text)!));
  }

  /**
   * Annotations of any documents, anchored, in the order given. A document whose annotations were all
   * found in place before is not read again; the others are read one at a time. (Reading the next four
   * while one was anchored cost more on two cores, even from a cold disk: the texts parsed ahead outlived
   * the young generation's collections, which copied them. 100,000 annotations on 10,000 documents:
   * 6.7-6.8 s and 8.6 s CPU that way, 4.6-4.9 s and 5.3 s CPU one at a time.)
   */
  async function anchored(list: readonly Annotation[]): Promise<AnchoredAnnotation[]> {
    const byDocument = new Map<string, Annotation[]>();
    for (const a of list) {
      const group = byDocument.get(a.documentId);
      if (group) group.push(a);
      else byDocument.set(a.documentId, [a]);
    }
    const found = new Map<Annotation, AnchoredAnnotation>();
    const ids: string[] = [];
    for (const [documentId, annotations] of byDocument) {
      const known = inPlace.get(documentId);
      if (!known || !annotations.every((a) => known.has(a))) {
        ids.push(documentId);
        continue;
      }
      for (const a of annotations) found.set(a, withAnchor(a, atStoredPlace(a)));
    }
    for (const documentId of ids) {
      const annotations = byDocument.get(documentId)!;
      const text = await textOf(documentId);
      const cache = lazyCache(documentId, text);
      // A moved annotation is searched for with the shifts of its whole document, as the document's own
      // list does: asked for alone, the shift before it would differ and so could the place found.
      const searched = text !== null && annotations.some((a) => !text.startsWith(a.target.quote.exact, a.target.position.start) && !cache().byId.has(a.id));
      if (searched) anchorEach(text, cache, index.ofDocument(documentId), () => {});
      let known = inPlace.get(documentId);
      anchorEach(text, cache, annotations, (a, anchor) => {
        found.set(a, withAnchor(a, anchor));
        if (anchor?.method !== 'position') return;
        if (!known) inPlace.set(documentId, (known = new WeakSet()));
        known.add(a);
      });
    }
    return list.map((a) => found.get(a)!);
  }

  /** One document's annotations, anchored and in position order. */
  async function ofDocument(documentId: string): Promise<AnchoredAnnotation[]> {
    const text = await textOf(documentId);
    const stamp = stampOf(documentId, text);
    const kept = lists.get(documentId);
    if (kept && kept.stamp === stamp) {
      lists.delete(documentId);
      lists.set(documentId, kept);
      return kept.list.slice();
    }
    const list: AnchoredAnnotation[] = [];
    anchorEach(text, lazyCache(documentId, text), index.ofDocument(documentId), (a, anchor) => list.push(withAnchor(a, anchor)));
    // Already in order of stored position, which is the anchors' order but for moved passages: sorting it is nearly linear.
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
  /** Call when a document's record changes or goes: what was found in its text is looked for again. */
  const textChanged = (documentId: string) => {
    inPlace.delete(documentId);
    invalidate(documentId);
  };
  return { anchored, ofDocument, forget, invalidate, textChanged };
}
