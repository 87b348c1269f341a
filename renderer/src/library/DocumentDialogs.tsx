import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/model/document';
import { api } from '../api';
import { useAppStore } from '../state/store';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/** Title, language, date and which document this one translates. */
export function EditDocumentDialog({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const documents = useAppStore((s) => s.documents) ?? [];
  const refresh = useAppStore((s) => s.refreshDocuments);
  const [title, setTitle] = useState(doc.title);
  const [language, setLanguage] = useState(doc.language);
  const [date, setDate] = useState(doc.date ?? '');
  const [translationOf, setTranslationOf] = useState(doc.translationOf ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api.invoke('documents:update', {
        id: doc.id,
        patch: { title, language, date: date || null, translationOf: translationOf || null },
      });
      await refresh();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog title={t('docDialog.title')} onClose={onClose}>
      <form
        method="dialog"
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('docDialog.titleField')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          {t('docDialog.language')}
          <input value={language} onChange={(e) => setLanguage(e.target.value)} required pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" />
        </label>
        <label>
          {t('docDialog.date')}
          <input value={date} onChange={(e) => setDate(e.target.value)} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        <label>
          {t('docDialog.translationOf')}
          <select value={translationOf} onChange={(e) => setTranslationOf(e.target.value)}>
            <option value="">{t('docDialog.notTranslation')}</option>
            {documents
              .filter((d) => d.id !== doc.id)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {languageName(d.language)} · {d.title}
                </option>
              ))}
          </select>
        </label>
        {error ? <p className="form-error">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-accent">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Removing asks first, and asks what becomes of the document's highlights and notes. */
export function RemoveDocumentDialog({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const refresh = useAppStore((s) => s.refreshDocuments);
  const [choice, setChoice] = useState<'keep' | 'delete'>('keep');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await api.invoke('documents:remove', { id: doc.id, annotations: choice });
      await refresh();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog title={t('removeDialog.title', { title: doc.title })} onClose={onClose}>
      <p>{t('removeDialog.text')}</p>
      <fieldset className="dialog-choice">
        <legend>{t('removeDialog.legend')}</legend>
        <label>
          <input type="radio" name="annotations" checked={choice === 'keep'} onChange={() => setChoice('keep')} /> {t('removeDialog.keep')}
        </label>
        <label>
          <input type="radio" name="annotations" checked={choice === 'delete'} onChange={() => setChoice('delete')} /> {t('removeDialog.delete')}
        </label>
      </fieldset>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger" onClick={() => void remove()}>
          {t('doc.remove')}
        </button>
      </div>
    </Dialog>
  );
}
