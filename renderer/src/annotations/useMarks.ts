import { useEffect, useMemo } from 'react';
import type { Mark } from '../../../shared/annotations/layout';
import type { AnchoredAnnotation } from '../../../shared/model/annotation';
import { useAnnotations } from '../state/annotations';

const none: AnchoredAnnotation[] = [];

/**
 * A document's annotations (loaded on first use) and their highlight marks, oldest first so newer ones
 * paint on top. Replies are not highlights: they show in their annotation's thread.
 */
export function useDocumentAnnotations(documentId: string | null): { annotations: AnchoredAnnotation[]; marks: Mark[] } {
  const loaded = useAnnotations((s) => (documentId ? s.byDocument[documentId] : undefined) ?? none);
  const annotations = useMemo(() => (loaded.some((a) => a.replyTo) ? loaded.filter((a) => !a.replyTo) : loaded), [loaded]);
  const load = useAnnotations((s) => s.load);
  useEffect(() => {
    if (documentId) void load(documentId);
  }, [documentId, load]);
  const marks = useMemo(
    () =>
      annotations
        .filter((a) => a.anchor)
        .sort((x, y) => x.created.localeCompare(y.created))
        .map((a) => ({ id: a.id, start: a.anchor!.start, end: a.anchor!.end, colour: a.colour })),
    [annotations],
  );
  return { annotations, marks };
}
