import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Glossary, GlossaryEntry } from '../../../shared/glossary/glossary';
import { api } from '../api';
import { useCommands } from '../commands/registry';
import { save } from './ExportMenu';
import { usePairChecksStore } from './pairChecks';
import './glossary-dialog.css';
import { t } from '../../../shared/i18n/current';

const splitTranslations = (text: string) => [...new Set(text.split(/[;|\n]/).map((t) => t.trim()).filter(Boolean))];

function EntryForm({ entry, onSave, onCancel }: { entry?: GlossaryEntry; onSave: (entry: GlossaryEntry) => void; onCancel?: () => void }) {
  const [term, setTerm] = useState(entry?.term ?? '');
  const [translations, setTranslations] = useState(entry?.translations.join('; ') ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = splitTranslations(translations);
    if (!term.trim() || !list.length) return;
    onSave({ term: term.trim(), translations: list });
    if (!entry) {
      setTerm('');
      setTranslations('');
    }
  };
  return (
    <form className="glossary-form" onSubmit={submit} data-testid={entry ? 'glossary-edit-form' : 'glossary-add-form'}>
      <label>
        <span>{t('glossary.term')}</span>
        <input value={term} onChange={(e) => setTerm(e.currentTarget.value)} maxLength={300} required autoFocus={!!entry} data-testid="glossary-term" />
      </label>
      <label>
        <span>{t('glossary.allowed')}</span>
        <input value={translations} onChange={(e) => setTranslations(e.currentTarget.value)} required data-testid="glossary-translations" />
      </label>
      <span className="glossary-form-actions">
        {onCancel ? (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" data-testid="glossary-save-entry">
          {entry ? t('common.save') : t('glossary.add')}
        </button>
      </span>
    </form>
  );
}

/** The pair's glossary: terms and the translations a reviewer accepts, edited, imported and exported. */
function GlossaryDialog({ source, target, onClose }: { source: string; target: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const glossary = usePairChecksStore((s) => s.glossary) ?? { source, target, entries: [] };
  const applyGlossary = usePairChecksStore((s) => s.applyGlossary);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);

  const store = async (next: Glossary, done: string) => {
    try {
      applyGlossary(await api.invoke('glossary:set', { glossary: next }));
      setStatus(done);
    } catch (error) {
      setStatus(t('glossary.notSaved', { reason: (error as Error).message }));
    }
  };
  const put = (entry: GlossaryEntry, replacing?: string) => {
    const others = glossary.entries.filter((e) => e.term.toLowerCase() !== (replacing ?? entry.term).toLowerCase() && e.term.toLowerCase() !== entry.term.toLowerCase());
    setEditing(null);
    void store({ ...glossary, entries: [...others, entry].sort((x, y) => x.term.localeCompare(y.term)) }, t('glossary.saved', { term: entry.term }));
  };
  const remove = (term: string) => void store({ ...glossary, entries: glossary.entries.filter((e) => e.term !== term) }, t('glossary.removed', { term }));
  const importFile = async (file: File) => {
    try {
      const before = glossary.entries.length;
      const next = await api.invoke('glossary:import', { source: glossary.source, target: glossary.target, name: file.name, content: await file.text() });
      applyGlossary(next);
      setStatus(t('glossary.imported', { name: file.name, added: next.entries.length - before, total: next.entries.length }));
    } catch (error) {
      setStatus(t('glossary.importFailed', { name: file.name, reason: (error as Error).message }));
    }
  };
  const exportAs = async (format: 'csv' | 'tbx') => {
    try {
      const file = await api.invoke('glossary:export', { source: glossary.source, target: glossary.target, format });
      save(file);
      setStatus(t('export.saved', { name: file.name }));
    } catch (error) {
      setStatus(t('export.failed', { reason: (error as Error).message }));
    }
  };

  const pair = `${glossary.source.toUpperCase()} → ${glossary.target.toUpperCase()}`;
  return (
    <dialog ref={dialog} className="glossary-dialog" aria-labelledby="glossary-title" onClose={onClose} data-testid="glossary-dialog">
      <header>
        <h2 id="glossary-title">{t('glossary.title', { pair })}</h2>
        <button type="button" className="button-quiet" onClick={() => dialog.current?.close()} aria-label={t('glossary.close')}>
          ✕
        </button>
      </header>
      <p className="glossary-hint">{t('glossary.hint', { source: glossary.source.toUpperCase(), target: glossary.target.toUpperCase() })}</p>
      <EntryForm onSave={(entry) => put(entry)} />
      {glossary.entries.length ? (
        <table className="glossary-terms">
          <thead>
            <tr>
              <th scope="col">{t('glossary.term')}</th>
              <th scope="col">{t('glossary.allowedHead')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('hub.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {glossary.entries.map((entry) =>
              editing === entry.term ? (
                <tr key={entry.term}>
                  <td colSpan={3}>
                    <EntryForm entry={entry} onSave={(next) => put(next, entry.term)} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={entry.term} data-testid="glossary-entry">
                  <td lang={glossary.source}>{entry.term}</td>
                  <td lang={glossary.target}>{entry.translations.join('; ')}</td>
                  <td className="glossary-row-actions">
                    <button type="button" className="button-quiet" onClick={() => setEditing(entry.term)} aria-label={t('glossary.edit', { term: entry.term })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="button-quiet" onClick={() => remove(entry.term)} aria-label={t('glossary.remove', { term: entry.term })} data-testid="glossary-remove">
                      {t('doc.remove')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : (
        <p className="glossary-empty">{t('glossary.empty')}</p>
      )}
      <footer>
        <label className="button-quiet glossary-import">
          {t('glossary.import')}
          <input type="file" accept=".csv,.tsv,.tbx,.xml,text/csv" onChange={(e) => (e.currentTarget.files?.[0] ? void importFile(e.currentTarget.files[0]) : undefined, (e.currentTarget.value = ''))} data-testid="glossary-import" />
        </label>
        <button type="button" className="button-quiet" onClick={() => void exportAs('csv')} disabled={!glossary.entries.length} data-testid="glossary-export-csv">
          {t('glossary.exportCsv')}
        </button>
        <button type="button" className="button-quiet" onClick={() => void exportAs('tbx')} disabled={!glossary.entries.length} data-testid="glossary-export-tbx">
          {t('glossary.exportTbx')}
        </button>
        {status ? (
          <span className="glossary-status" role="status">
            {status}
          </span>
        ) : null}
      </footer>
    </dialog>
  );
}

/** Opens the Glossary dialog from the Differences panel's button or the command palette. */
export function GlossaryHost({ source, target }: { source: string; target: string }) {
  const open = usePairChecksStore((s) => s.glossaryOpen);
  const show = usePairChecksStore((s) => s.showGlossary);
  useCommands([{ id: 'glossary', label: t('glossary.command'), run: () => show(true) }]);
  return open ? <GlossaryDialog source={source} target={target} onClose={() => show(false)} /> : null;
}

export function GlossaryButton() {
  const show = usePairChecksStore((s) => s.showGlossary);
  const terms = usePairChecksStore((s) => s.glossary?.entries.length ?? 0);
  return (
    <button type="button" className="button-quiet" onClick={() => show(true)} data-testid="open-glossary">
      {t('glossary.button')} <span className="count">{terms}</span>
    </button>
  );
}
