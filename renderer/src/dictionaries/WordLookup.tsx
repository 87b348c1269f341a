import { useCallback, useEffect, type RefObject } from 'react';
import { LookupPopup } from './LookupPopup';
import { lookUpSelection, useLookup } from './lookupStore';
import { t } from '../../../shared/i18n/current';

interface Props {
  /** The element holding document text (with data-document-id, lang and data-start runs). */
  root: RefObject<HTMLElement | null>;
  textOf: (documentId: string) => string | undefined;
}

/** Dictionary lookups for a piece of the screen: double-click a word (or select it and press L) for its entries. */
export function WordLookup({ root, textOf }: Props) {
  const target = useLookup((s) => s.target);
  const close = useLookup((s) => s.close);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const unregister = useLookup.getState().register({ root: element, textOf });
    const onDoubleClick = (event: MouseEvent) => {
      if ((event.target as Element).closest?.('button, a, input, select, textarea')) return;
      lookUpSelection();
    };
    element.addEventListener('dblclick', onDoubleClick);
    return () => {
      element.removeEventListener('dblclick', onDoubleClick);
      unregister();
    };
  }, [root, textOf]);

  const onClose = useCallback(() => close(), [close]);
  if (!target || textOf(target.documentId) === undefined) return null;
  return <LookupPopup key={`${target.documentId}:${target.start}:${target.end}`} target={target} textOf={textOf} onClose={onClose} />;
}

/** The selection menu's "Look up" item. */
export function LookUpButton() {
  return (
    <button type="button" className="selection-lookup" onMouseDown={(e) => e.preventDefault()} onClick={() => lookUpSelection()} data-testid="selection-lookup">
      {t('lookup.lookUp')}
    </button>
  );
}
