import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Document } from '../../../shared/model/document';
import { AnnotationLayer } from '../annotations/AnnotationLayer';
import { NotesPanel, revealAnnotation } from '../annotations/NotesPanel';
import { useDocumentAnnotations } from '../annotations/useMarks';
import { api } from '../api';
import { useCommands } from '../commands/registry';
import { CompareMenu } from '../components/CompareMenu';
import { ReadingSettings } from '../components/ReadingSettings';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useLoad } from '../components/useLoad';
import { isTyping } from '../components/useUndoKeys';
import { formatPartialDate, formatReadingTime, formatWordCount, languageName } from '../format';
import { FindBar } from '../reader/FindBar';
import { ReaderBody, type ReaderBodyHandle } from '../reader/ReaderBody';
import { useAppStore } from '../state/store';
import { MessageScreen } from './MessageScreen';

/** Other languages of the same text: the original and its translations. */
function useRelatives(doc: Document | null) {
  const documents = useAppStore((s) => s.documents);
  if (!doc || !documents) return [];
  const root = doc.meta.translationOf ?? doc.meta.id;
  return documents.filter((d) => d.id !== doc.meta.id && !d.problem && (d.id === root || d.translationOf === root));
}

function paragraphAt(doc: Document, offset: number): number {
  const index = doc.paragraphs.findIndex((p) => p.end >= offset);
  return index < 0 ? doc.paragraphs.length - 1 : index;
}

const SAVE_POSITION_AFTER = 800;

export function ReaderScreen({ id, annotation, paragraph }: { id: string; annotation?: string; paragraph?: number }) {
  const loading = useLoad(id, () => api.invoke('documents:get', { id }));
  const doc = loading.state === 'ready' ? loading.value : null;
  const { annotations, marks } = useDocumentAnnotations(doc?.meta.id ?? null);
  const relatives = useRelatives(doc);
  const saved = useAppStore((s) => s.documents?.find((d) => d.id === id)?.reading?.paragraph);
  const [panelOpen, setPanelOpen] = useState(false);
  const [finding, setFinding] = useState(false);
  const article = useRef<HTMLElement>(null);
  const body = useRef<ReaderBodyHandle | null>(null);
  const textOf = useCallback((documentId: string) => (doc && documentId === doc.meta.id ? doc.text : undefined), [doc]);
  useDocumentTitle(doc?.meta.title ?? null);

  const goToOffset = useCallback(async (offset: number) => {
    if (doc) await body.current?.scrollToParagraph(paragraphAt(doc, offset));
  }, [doc]);

  // Arriving: at a highlight (from the hub), a paragraph (from search), or where the reader left off.
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    if (!doc || arrived.current === `${doc.meta.id}/${annotation}/${paragraph}`) return;
    if (annotation) {
      const target = annotations.find((a) => a.id === annotation);
      if (!target?.anchor) return;
      arrived.current = `${doc.meta.id}/${annotation}/${paragraph}`;
      void goToOffset(target.anchor.start).then(() => requestAnimationFrame(() => revealAnnotation(annotation)));
      return;
    }
    arrived.current = `${doc.meta.id}/${annotation}/${paragraph}`;
    if (paragraph !== undefined) void body.current?.scrollToParagraph(paragraph, { flash: true });
    else if (saved) void body.current?.scrollToParagraph(saved);
  }, [doc, annotation, paragraph, annotations, saved, goToOffset]);

  // Remember the first paragraph on screen, a moment after scrolling stops.
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const first = body.current?.firstVisibleParagraph();
        if (first !== undefined) void api.invoke('reading:save', { documentId: doc.meta.id, state: { paragraph: first } }).catch(() => {});
      }, SAVE_POSITION_AFTER);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [doc]);

  // Ctrl+F finds; J and K step from paragraph to paragraph.
  useEffect(() => {
    if (!doc) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFinding(true);
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'k') {
        const first = body.current?.firstVisibleParagraph() ?? 0;
        const next = Math.max(0, Math.min(doc.paragraphs.length - 1, first + (event.key === 'j' ? 1 : -1)));
        void body.current?.scrollToParagraph(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc]);

  const headings = doc?.paragraphs.map((p, index) => ({ p, index })).filter(({ p }) => p.kind === 'heading') ?? [];
  useCommands(
    doc
      ? [
          { id: 'find', label: 'Find in document', shortcut: 'Ctrl+F', run: () => setFinding(true) },
          { id: 'notes', label: panelOpen ? 'Hide notes' : 'Show notes', run: () => setPanelOpen(!panelOpen) },
          { id: 'top', label: 'Go to the beginning', shortcut: 'Home', run: () => window.scrollTo(0, 0) },
          ...relatives.map((r) => ({ id: `side-${r.id}`, label: `Read side by side with ${languageName(r.language)}`, run: () => (location.hash = `#/parallel/${doc.meta.id}/${r.id}`) })),
          ...headings.map(({ p, index }) => ({ id: `toc-${index}`, label: `Contents: ${doc.text.slice(p.start, p.end)}`, run: () => void body.current?.scrollToParagraph(index, { flash: true }) })),
        ]
      : [],
  );

  if (loading.state === 'failed') {
    const title = loading.error.code === 'not-found' ? 'Document not found' : 'This document cannot be opened';
    return <MessageScreen title={title} message={loading.error.message} />;
  }

  return (
    <div className="reader">
      <header className="reader-toolbar">
        <BackToLibrary />
        <span className="toolbar-title" title={doc?.meta.title}>
          {doc?.meta.title ?? ''}
        </span>
        {headings.length > 1 ? (
          <label className="compare-menu">
            <span className="visually-hidden">Contents</span>
            <select value="" onChange={(e) => e.target.value && void body.current?.scrollToParagraph(Number(e.target.value), { flash: true })} data-testid="contents">
              <option value="">Contents…</option>
              {headings.map(({ p, index }) => (
                <option key={p.id} value={index}>
                  {doc!.text.slice(p.start, p.end).slice(0, 80)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {doc ? <CompareMenu documentId={doc.meta.id} /> : null}
        <button type="button" className="button-quiet" onClick={() => setFinding(true)} aria-label="Find in document" title="Find in document (Ctrl+F)">
          Find
        </button>
        <button type="button" className="button-quiet" aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)} data-testid="toggle-notes">
          Notes <span className="count">{annotations.length}</span>
        </button>
        <ReadingSettings />
      </header>
      {finding && doc ? <FindBar doc={doc} onClose={() => setFinding(false)} goTo={goToOffset} /> : null}

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
            <ReaderBody doc={doc} marks={marks} handle={body} />
          </article>
          {panelOpen ? <NotesPanel annotations={annotations} goTo={goToOffset} /> : null}
          <AnnotationLayer root={article} textOf={textOf} />
        </div>
      )}
    </div>
  );
}
