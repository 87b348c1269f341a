import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'wouter';
import { api } from '../api';
import { useAppStore } from '../state/store';
import { importFiles, type ImportReport } from './importFiles';
import { ImportLanguage } from './ImportLanguage';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

/** Where the results of an import appear: an element the library places under its header. */
export const REPORT_SLOT = 'import-report-slot';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.epub,.pdf,.tmx,.xlf,.xliff,.tsv,.csv,.xlsx';

/**
 * Importing: a button with a file dialog (Electron's native one too), dropping files anywhere on the
 * window, a progress bar while it works, then what happened to each file, with pairing suggestions.
 */
export function ImportPanel({ onImported }: { onImported?: (documentIds: string[]) => void }) {
  const refresh = useAppStore((s) => s.refreshDocuments);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [dragging, setDragging] = useState(false);
  const [paired, setPaired] = useState<Record<string, string>>({});

  const run = async (files: File[]) => {
    if (files.length === 0) return;
    setReports([]);
    const done = await importFiles(files, (d, total, current) => setProgress({ done: d, total, current }));
    setProgress(null);
    setReports(done);
    await refresh();
    onImported?.(done.flatMap((r) => (r.document ? [r.document.id] : [])));
  };

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void run([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
    // `run` uses only state setters and the store's refresh, which never change.
  }, []);

  const pair = async (documentId: string, originalId: string) => {
    await api.invoke('documents:update', { id: documentId, patch: { translationOf: originalId } });
    setPaired({ ...paired, [documentId]: originalId });
    await refresh();
  };

  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={progress !== null}>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-documents"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void run(files);
        }}
      />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('import.drop')}</p>
          <p className="drop-formats">{t('import.formats')}</p>
        </div>
      ) : null}
      {progress ? (
        <div className="import-progress" role="status" aria-live="polite">
          <span>
            {t('import.progress', { name: progress.current, current: Math.min(progress.total, Math.floor(progress.done) + 1), total: progress.total })}
          </span>
          <progress max={progress.total} value={progress.done} />
        </div>
      ) : null}
      {reports.length && document.getElementById(REPORT_SLOT)
        ? createPortal(
            <section className="import-report" aria-label={t('import.results')} data-testid="import-report">
              <header>
                <h2>{reports.some((r) => r.document && !r.duplicate) ? t('import.imported') : t('import.nothing')}</h2>
                <button type="button" className="button-quiet" onClick={() => setReports([])}>
                  {t('common.close')}
                </button>
              </header>
              <ul>
                {reports.map((r) => (
                  <li key={r.name} className={r.error ? 'import-failed' : 'import-done'}>
                    {r.error ? (
                      <span>{r.error}</span>
                    ) : (
                      <>
                        <span>
                          “{r.document!.title}” · <ImportLanguage doc={r.document!} /> · {t('import.words', { count: r.document!.wordCount })}
                        </span>
                        {r.duplicate ? (
                          <span className="suggestion" data-testid="import-duplicate">
                            {t('import.duplicate')}{' '}
                            <Link href={`/read/${encodeURIComponent(r.document!.id)}`}>{t('import.openCopy')}</Link>
                          </span>
                        ) : null}
                        {r.suggestions?.length && !paired[r.document!.id] ? (
                          <span className="suggestion" data-testid="pair-suggestion">
                            {t('import.looksLike', { title: r.suggestions[0]!.title, language: languageName(r.suggestions[0]!.language) })}{' '}
                            <span className="suggestion-reason">{t('import.why', { reasons: r.suggestions[0]!.reasons.join(', ') })}</span>{' '}
                            <button type="button" className="button-quiet" onClick={() => void pair(r.document!.id, r.suggestions![0]!.id)}>
                              {t('import.pair')}
                            </button>
                          </span>
                        ) : null}
                        {paired[r.document!.id] ? <span className="suggestion">{t('import.paired')}</span> : null}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>,
            document.getElementById(REPORT_SLOT)!,
          )
        : null}
    </>
  );
}
