import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/model/document';
import { EditDocumentDialog } from './DocumentDialogs';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

/** The language an import was given, or, when the file did not say and its text was too short to tell, a way to choose it. */
export function ImportLanguage({ doc }: { doc: DocumentSummary }) {
  const [choosing, setChoosing] = useState(false);
  if (doc.language !== 'und') return <>{languageName(doc.language)}</>;
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setChoosing(true)} data-testid="choose-language" title={t('importLanguage.help')}>
        {t('importLanguage.choose')}
      </button>
      {choosing ? <EditDocumentDialog doc={doc} onClose={() => setChoosing(false)} /> : null}
    </>
  );
}
