import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Document } from '../../../shared/model/document';
import { AnnotationLayer } from '../annotations/AnnotationLayer';
import { WordLookup } from '../dictionaries/WordLookup';
import { NotesPanel, revealAnnotation } from '../annotations/NotesPanel';
import { useDocumentAnnotations } from '../annotations/useMarks';
import { api } from '../api';
import { ctrlKey, plainKey, useCommands } from '../commands/registry';
import { CompareMenu } from '../components/CompareMenu';
import { ReadingSettings } from '../components/ReadingSettings';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { describeRange } from '../../../shared/annotations/anchoring';
import { useAnnotations } from '../state/annotations';
import { useCurrentParagraph } from '../reader/useCurrentParagraph';
import { formatPartialDate, formatReadingTime, formatWordCount, languageName } from '../format';
import { FindBar } from '../reader/FindBar';
import { useDocumentFind } from '../reader/useDocumentFind';
import '../reader/reader.css';
import { ReaderBody, type ReaderBodyHandle } from '../reader/ReaderBody';
import { usePagedDocument } from '../reader/usePagedDocument';
import { useAppStore } from '../state/store';
import { MessageScreen } from './MessageScreen';
import { t } from '../../../shared/i18n/current';

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

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves once web fonts are in and layout has settled: a position restored earlier would drift. */
async function layoutSettled(): Promise<void> {
  await nextFrame();
  await document.fonts.ready;
  await nextFrame();
}

function DocumentFind({ doc, body, onClose }: { doc: Document; body: { current: ReaderBodyHandle | null }; onClose: () => void }) {
  const { search, show, paint } = useDocumentFind(doc, body);
  return <FindBar label={t('reader.find')} search={search} show={show} paint={paint} onClose={onClose} />;
}

export function ReaderScreen({ id, annotation, paragraph }: { id: string; annotation?: string; paragraph?: number }) {
  // Long documents arrive a page at a time (see usePagedDocument); short ones whole, as before.
  const { loading, paging } = usePagedDocument(id);
  const doc = loading.state === 'ready' ? loading.value : null;
  const { annotations, marks } = useDocumentAnnotations(doc?.meta.id ?? null);
  const relatives = useRelatives(doc);
  const listed = useAppStore((s) => s.documents !== null);
  const saved = useAppStore((s) => s.documents?.find((d) => d.id === id)?.reading);
  const [panelOpen, setPanelOpen] = useState(false);
  const [finding, setFinding] = useState(false);
  useEffect(() => void (finding && paging.loadAll()), [finding, paging]);
  const article = useRef<HTMLElement>(null);
  const body = useRef<ReaderBodyHandle | null>(null);
  const textOf = useCallback((documentId: string) => (doc && documentId === doc.meta.id ? doc.text : undefined), [doc]);
  useDocumentTitle(doc?.meta.title ?? null);
  const current = useCurrentParagraph(doc, body);

  const goToOffset = useCallback(async (offset: number) => {
    if (doc) await body.current?.scrollToParagraph(paragraphAt(doc, offset));
  }, [doc]);

  // The reader restores its own position; the browser's would land wherever the page happened to be tall enough.
  useEffect(() => {
    const before = history.scrollRestoration;
    history.scrollRestoration = 'manual';
    return () => void (history.scrollRestoration = before);
  }, []);

  // Arriving: at a highlight (from the hub), a paragraph (from search), or where the reader left off.
  const arrived = useRef<string | null>(null);
  const restoring = useRef(false);
  useEffect(() => {
    const key = `${doc?.meta.id}/${annotation}/${paragraph}`;
    if (!doc || arrived.current === key) return;
    if (annotation) {
      const target = annotations.find((a) => a.id === annotation);
      if (!target?.anchor) return;
      arrived.current = key;
      void goToOffset(target.anchor.start).then(() => requestAnimationFrame(() => revealAnnotation(annotation)));
      return;
    }
    if (paragraph !== undefined) {
      arrived.current = key;
      void body.current?.scrollToParagraph(paragraph, { flash: true });
      return;
    }
    if (!listed) return; // the saved position comes with the document list
    arrived.current = key;
    if (saved?.paragraph === undefined) return;
    const target = { paragraph: saved.paragraph, offset: saved.offset ?? -12 };
    restoring.current = true;
    void (async () => {
      await layoutSettled();
      await body.current?.scrollToParagraph(target.paragraph, { offset: target.offset });
      // Highlights and late images can still move things by a few pixels: check once more.
      await layoutSettled();
      await body.current?.scrollToParagraph(target.paragraph, { offset: target.offset });
      restoring.current = false;
    })();
  }, [doc, annotation, paragraph, annotations, listed, saved, goToOffset]);

  // Remember the first paragraph on screen and how far into it, a moment after scrolling stops.
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const position = body.current?.position();
        if (!position || restoring.current) return;
        void api.invoke('reading:save', { documentId: doc.meta.id, state: position }).catch(() => {});
      }, SAVE_POSITION_AFTER);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [doc]);

  /** H: highlights the paragraph the keyboard is on (focus inside it, or the J/K paragraph) in the default colour. */
  const highlightCurrent = useCallback(() => {
    if (!doc) return;
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.document-body [data-paragraph-id]');
    const index = focused ? Number(focused.dataset.paragraphId!.slice(1)) : (current.get() ?? body.current?.firstVisibleParagraph());
    const p = index === undefined ? undefined : doc.paragraphs[index];
    if (!p) return;
    void useAnnotations.getState().create({ documentId: doc.meta.id, target: describeRange(doc.text, p.start, p.end), colour: 'yellow', tags: [], note: '' });
  }, [doc, current]);

  const headings = doc?.paragraphs.map((p, index) => ({ p, index })).filter(({ p }) => p.kind === 'heading') ?? [];
  useCommands(
    doc
      ? [
          { id: 'find', label: t('reader.find'), shortcut: 'Ctrl+F', matches: ctrlKey('f'), whileTyping: true, run: () => setFinding(true) },
          { id: 'next-paragraph', label: t('reader.nextParagraph'), shortcut: 'J', matches: plainKey('j'), run: () => current.step(1) },
          { id: 'previous-paragraph', label: t('reader.previousParagraph'), shortcut: 'K', matches: plainKey('k'), run: () => current.step(-1) },
          { id: 'highlight-paragraph', label: t('reader.highlightParagraph'), shortcut: 'H', matches: plainKey('h'), run: highlightCurrent },
          { id: 'notes', label: panelOpen ? t('reader.hideNotes') : t('reader.showNotes'), run: () => setPanelOpen(!panelOpen) },
          { id: 'top', label: t('reader.top'), shortcut: 'Home', run: () => window.scrollTo(0, 0) },
          ...relatives.map((r) => ({ id: `side-${r.id}`, label: t('reader.sideBySideWith', { language: languageName(r.language) }), run: () => (location.hash = `#/parallel/${doc.meta.id}/${r.id}`) })),
          ...headings.map(({ p, index }) => ({ id: `toc-${index}`, label: t('reader.contentsItem', { heading: doc.text.slice(p.start, p.end) }), run: () => void body.current?.scrollToParagraph(index, { flash: true }) })),
        ]
      : [],
  );

  if (loading.state === 'failed') {
    const title = loading.error.code === 'not-found' ? t('reader.notFound') : t('reader.cannotOpen');
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
            <span className="visually-hidden">{t('reader.contents')}</span>
            <select value="" onChange={(e) => e.target.value && void body.current?.scrollToParagraph(Number(e.target.value), { flash: true })} data-testid="contents">
              <option value="">{t('reader.contentsChoose')}</option>
              {headings.map(({ p, index }) => (
                <option key={p.id} value={index}>
                  {doc!.text.slice(p.start, p.end).slice(0, 80)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {doc ? <CompareMenu documentId={doc.meta.id} /> : null}
        <button type="button" className="button-quiet" onClick={() => setFinding(true)} aria-label={t('reader.find')} title={t('reader.findTitle')}>
          {t('reader.findButton')}
        </button>
        <button type="button" className="button-quiet" aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)} data-testid="toggle-notes">
          {t('reader.notes')} <span className="count">{annotations.length}</span>
        </button>
        <ReadingSettings />
      </header>
      {finding && doc ? <DocumentFind doc={doc} body={body} onClose={() => setFinding(false)} /> : null}

      {doc === null ? (
        <p className="reader-loading" aria-live="polite">
          {t('reader.opening')}
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
                    · {t('reader.alsoIn')}{' '}
                    {relatives.map((r, i) => (
                      <span key={r.id}>
                        {i > 0 ? ', ' : ''}
                        <Link href={`/read/${encodeURIComponent(r.id)}`} hrefLang={r.language}>
                          {languageName(r.language)}
                        </Link>{' '}
                        (<Link href={`/parallel/${encodeURIComponent(doc.meta.id)}/${encodeURIComponent(r.id)}`}>{t('reader.sideBySide')}</Link>)
                      </span>
                    ))}
                  </span>
                ) : null}
              </p>
            </header>
            <ReaderBody doc={doc} marks={marks} handle={body} onRange={paging.ensure} />
          </article>
          {panelOpen ? <NotesPanel annotations={annotations} goTo={goToOffset} /> : null}
          <AnnotationLayer root={article} textOf={textOf} />
          <WordLookup root={article} textOf={textOf} />
        </div>
      )}
    </div>
  );
}
