import { useCallback, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { describeRange } from '../../../shared/annotations/anchoring';
import type { Colour } from '../../../shared/model/annotation';
import { useAnnotations } from '../state/annotations';
import { AnnotationEditor } from './AnnotationEditor';
import { ColourSwatches } from './ColourSwatches';
import { LookUpButton } from '../dictionaries/WordLookup';
import { HighlightChooser, type ChooserPlace } from './HighlightChooser';
import { currentSelection, type TextSelection } from './selection';
import { t } from '../../../shared/i18n/current';

interface Props {
  /** The element holding document text (with data-document-id and data-start runs). */
  root: RefObject<HTMLElement | null>;
  textOf: (documentId: string) => string | undefined;
  /** Extra actions for the editor, e.g. copying to the translation in the parallel view. */
  editorExtras?: (annotationId: string) => ReactNode;
}

/**
 * Highlighting for a piece of the screen: select text for a small colour menu; pick a colour to
 * highlight and open its editor; click a highlight to edit it.
 */
export function AnnotationLayer({ root, textOf, editorExtras }: Props) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [chooser, setChooser] = useState<ChooserPlace | null>(null);
  const closeChooser = useCallback(() => setChooser(null), []);
  const create = useAnnotations((s) => s.create);
  const openEditor = useAnnotations((s) => s.openEditor);
  const editing = useAnnotations((s) => s.editing);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const update = () => setSelection(currentSelection(element, textOf));
    const onUp = () => setTimeout(update, 0);
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as Element).closest?.('mark[data-annotation-ids]');
      if (!mark || !window.getSelection()?.isCollapsed) return;
      const ids = mark.getAttribute('data-annotation-ids')!.split(' ');
      const box = mark.getBoundingClientRect();
      // Several highlights here (one may lie wholly inside another): let the person pick.
      if (ids.length > 1) {
        void useAnnotations.getState().closeEditor();
        setChooser({ ids, x: box.left, y: box.bottom });
      }
      else openEditor(ids[0]!, box.left, box.bottom, box.top);
    };
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) setSelection(null);
    };
    // On the document: a drag that ends outside the text still selects text inside it.
    document.addEventListener('mouseup', onUp);
    element.addEventListener('keyup', onUp);
    element.addEventListener('click', onClick);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mouseup', onUp);
      element.removeEventListener('keyup', onUp);
      element.removeEventListener('click', onClick);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [root, textOf, openEditor]);

  const highlight = async (colour: Colour) => {
    if (!selection) return;
    const text = textOf(selection.documentId);
    if (!text) return;
    const created = await create({ documentId: selection.documentId, target: describeRange(text, selection.start, selection.end), colour });
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    if (created) openEditor(created.id, selection.rect.left, selection.rect.bottom, selection.rect.top);
  };

  return (
    <>
      {selection && !editing ? (
        <div
          className="selection-menu"
          role="toolbar"
          aria-label={t('annotation.highlightSelection')}
          data-testid="selection-menu"
          style={{ left: Math.max(8, selection.rect.left + selection.rect.width / 2 - 110), top: Math.max(8, selection.rect.top - 52) }}
        >
          <ColourSwatches onPick={(c) => void highlight(c)} label={(_, colour) => t('colour.highlightIn', { colour })} />
          <LookUpButton />
        </div>
      ) : null}
      {chooser && !editing ? <HighlightChooser place={chooser} onClose={closeChooser} /> : null}
      {editing ? <AnnotationEditor key={editing.id} extras={editorExtras?.(editing.id)} /> : null}
    </>
  );
}
