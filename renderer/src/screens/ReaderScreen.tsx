import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { AnnotationLayer } from '../annotations/AnnotationLayer';
import { NotesPanel, revealAnnotation } from '../annotations/NotesPanel';
import { useDocumentAnnotations } from '../annotations/useMarks';
import type { Document } from '../../../shared/model/document';
import { CompareMenu } from '../components/CompareMenu';
import { DocumentBody } from '../components/DocumentBody';
import { useLoad } from '../components/useLoad';
import { ReadingSettings } from '../components/ReadingSettings';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatPartialDate, formatReadingTime, formatWordCount, languageName } from '../format';
import { api } from '../api';
import { useAppStore } from '../state/store';
import { MessageScreen } from './MessageScreen';

/** Other languages of the same text: the original and its translations. */
function useRelatives(doc: Document | null) {
  const documents = useAppStore((s) => s.documents);
  if (!doc || !documents) return [];
  const root = doc.meta.translationOf ?? doc.meta.id;
  return documents.filter((d) => d.id !== doc.meta.id && !d.problem && (d.id === root || d.translationOf === root));
}

export function ReaderScreen({ id, annotation }: { id: string; annotation?: string }) {
  const loading = useLoad(id, () => api.invoke('documents:get', { id }));
  const doc = loading.state === 'ready' ? loading.value : null;
  const { annotations, marks } = useDocumentAnnotations(doc?.meta.id ?? null);
  const [panelOpen, setPanelOpen] = useState(false);
  const article = useRef<HTMLElement>(null);
  const textOf = useCallback((documentId: string) => (doc && documentId === doc.meta.id ? doc.text : undefined), [doc]);
  // Opened from the hub: go to the passage once its highlight is on screen.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (annotation && revealed.current !== annotation && marks.some((m) => m.id === annotation) && revealAnnotation(annotation)) revealed.current = annotation;
  }, [annotation, marks]);
  const relatives = useRelatives(doc);
  useDocumentTitle(doc?.meta.title ?? null);

  if (loading.state === 'failed') {
    const title = loading.error.code === 'not-found' ? 'Document not found' : 'This document cannot be opened';
    return <MessageScreen title={title} message={loading.error.message} />;
  }

  return (
    <div className="reader">
      <header className="reader-toolbar">
        <Link href="/" className="button-quiet toolbar-back" aria-label="Back to the library">
          <span aria-hidden="true">←</span> Library
        </Link>
        <span className="toolbar-title" title={doc?.meta.title}>
          {doc?.meta.title ?? ''}
        </span>
        {doc ? <CompareMenu documentId={doc.meta.id} /> : null}
        <button type="button" className="button-quiet" aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)} data-testid="toggle-notes">
          Notes <span className="count">{annotations.length}</span>
        </button>
        <ReadingSettings />
      </header>

      {doc === null ? (
        <p className="reader-loading" aria-live="polite">
          Opening…
        </p>
      ) : (
        <div className={`reader-body${panelOpen ? ' with-notes' : ''}`}>
          <article className="reader-article" lang={doc.meta.language} data-testid="reader-article" ref={article}>
            <header className="article-header">
              <p className="article-kicker">{[doc.meta.source, formatPartialDate(doc.meta.date)].filter(Boolean).join(' · ')}</p>
              <h1 className="article-title">{doc.meta.title}</h1>
              <p className="article-meta">
                {languageName(doc.meta.language)} · {formatWordCount(doc.wordCount)} · {formatReadingTime(doc.wordCount)}
                {relatives.length > 0 ? (
                  <span className="article-relatives">
                    {' '}
                    · Also in{' '}
                    {relatives.map((r, i) => (
                      <span key={r.id}>
                        {i > 0 ? ', ' : ''}
                        <Link href={`/read/${encodeURIComponent(r.id)}`} hrefLang={r.language}>
                          {languageName(r.language)}
                        </Link>{' '}
                        (<Link href={`/parallel/${encodeURIComponent(doc.meta.id)}/${encodeURIComponent(r.id)}`}>side by side</Link>)
                      </span>
                    ))}
                  </span>
                ) : null}
              </p>
            </header>
            <DocumentBody doc={doc} marks={marks} />
          </article>
          {panelOpen ? <NotesPanel annotations={annotations} /> : null}
          <AnnotationLayer root={article} textOf={textOf} />
        </div>
      )}
    </div>
  );
}
