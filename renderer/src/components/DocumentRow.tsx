import { Link } from 'wouter';
import type { DocumentSummary } from '../../../shared/model/document';
import { formatPartialDate, formatReadingTime, formatWordCount, languageName } from '../format';
import { t } from '../../../shared/i18n/current';

interface Props {
  doc: DocumentSummary;
  isTranslation?: boolean;
  onEdit?: () => void;
  onRemove?: () => void;
}

export function DocumentRow({ doc, isTranslation = false, onEdit, onRemove }: Props) {
  const details = [languageName(doc.language), formatPartialDate(doc.date), doc.format ? doc.format.toUpperCase() : null, doc.problem ? null : formatWordCount(doc.wordCount), doc.problem ? null : formatReadingTime(doc.wordCount)]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className={`doc-row${isTranslation ? ' doc-row-translation' : ''}`} data-testid="document-row" data-document-id={doc.id}>
      <span className="lang-badge" title={languageName(doc.language)} aria-hidden="true">
        {doc.language === 'und' ? '?' : doc.language.toUpperCase()}
      </span>
      <div className="doc-row-text">
        {doc.problem ? (
          <span className="doc-title doc-title-unreadable">{doc.title}</span>
        ) : (
          <Link href={`/read/${encodeURIComponent(doc.id)}`} className="doc-title">
            {doc.title}
          </Link>
        )}
        <span className="doc-details">
          {details}
          {doc.source ? <span className="doc-source"> — {doc.source}</span> : null}
        </span>
        {doc.problem ? (
          <span className="doc-problem" role="note" data-testid="document-problem">
            {t('doc.cannotOpen', { problem: doc.problem })}
          </span>
        ) : null}
      </div>
      {doc.origin === 'imported' && onEdit && onRemove ? (
        <div className="doc-row-actions">
          <button type="button" className="button-quiet" onClick={onEdit} aria-label={t('doc.editDetailsOf', { title: doc.title })}>
            {t('common.edit')}
          </button>
          <button type="button" className="button-quiet danger" onClick={onRemove} aria-label={t('doc.removeTitle', { title: doc.title })}>
            {t('doc.remove')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
