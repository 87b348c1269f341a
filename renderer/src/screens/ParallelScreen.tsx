import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import { sentenceSpans } from '../../../shared/alignment/rows';
import { describeRange } from '../../../shared/annotations/anchoring';
import { counterpartRange } from '../../../shared/annotations/counterpart';
import { AnnotationLayer } from '../annotations/AnnotationLayer';
import { WordLookup } from '../dictionaries/WordLookup';
import { WordLinks } from '../dictionaries/WordLinks';
import { useDocumentAnnotations } from '../annotations/useMarks';
import { useAnnotations } from '../state/annotations';
import { api } from '../api';
import { ReadingSettings } from '../components/ReadingSettings';
import { BackToLibrary } from '../components/BackToLibrary';
import { BannerIcon } from '../components/BannerIcon';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { ActionButton } from '../parallel/ActionButton';
import { AlignedRows } from '../parallel/AlignedRows';
import { DifferencesPanel } from '../parallel/DifferencesPanel';
import { ExportMenu } from '../parallel/ExportMenu';
import { GlossaryHost } from '../parallel/GlossaryDialog';
import { usePairFlags } from '../parallel/pairChecks';
import { FreeColumns } from '../parallel/FreeColumns';
import { ParallelFind } from '../parallel/ParallelFind';
import { parallelActions } from '../parallel/actions';
import { useCommands, type Command } from '../commands/registry';
import { useMediaQuery } from '../components/useMediaQuery';
import { NARROW_BELOW, useParallelStore, useSynced } from '../state/parallel';
import '../parallel/parallel.css';
import { MessageScreen } from './MessageScreen';
import { t } from '../../../shared/i18n/current';
import { LanguageBadge } from '../components/LanguageBadge';

function EditBar() {
  const active = useParallelStore((s) => s.active);
  const count = useParallelStore((s) => s.rows.length);
  const checked = useParallelStore((s) => s.rows[s.active]?.checked ?? false);
  const unchecked = useParallelStore((s) => s.rows.filter((r) => !r.checked).length);
  const onlyUnchecked = useParallelStore((s) => s.onlyUnchecked);
  const edited = useParallelStore((s) => s.edited);
  const reset = useParallelStore((s) => s.reset);
  return (
    <div className="edit-bar" role="toolbar" aria-label={t('parallel.editing')}>
      <span className="edit-bar-position" data-testid="active-row">
        {t('parallel.rowOf', { current: count ? active + 1 : 0, total: count })}
      </span>
      <span className="edit-bar-group">
        <ActionButton id="merge">{t('parallel.merge')}</ActionButton>
        <ActionButton id="split">{t('parallel.split')}</ActionButton>
      </span>
      <span className="edit-bar-group" aria-label={t('parallel.moveSentences')}>
        <ActionButton id="move-left-up">{t('parallel.leftUp')}</ActionButton>
        <ActionButton id="move-left-down">{t('parallel.leftDown')}</ActionButton>
        <ActionButton id="move-right-up">{t('parallel.rightUp')}</ActionButton>
        <ActionButton id="move-right-down">{t('parallel.rightDown')}</ActionButton>
      </span>
      <span className="edit-bar-group">
        <ActionButton id="check" pressed={checked} className="button-quiet check-button">
          {checked ? t('parallel.isChecked') : t('parallel.markChecked')}
        </ActionButton>
        <ActionButton id="next-unchecked">{t('parallel.nextUnchecked')}</ActionButton>
        <ActionButton id="only-unchecked" pressed={onlyUnchecked}>
          {t('parallel.onlyUnchecked', { count: unchecked })}
        </ActionButton>
      </span>
      <span className="edit-bar-group edit-bar-end">
        <ActionButton id="undo">{t('common.undo')}</ActionButton>
        <ActionButton id="redo">{t('cmd.redo')}</ActionButton>
        <button type="button" className="button-quiet" onClick={() => void reset()} disabled={!edited} title={t('parallel.resetTitle')}>
          {t('parallel.reset')}
        </button>
      </span>
    </div>
  );
}

/** The view's actions in the command palette and the shortcut overview; their keys run through the registry. */
const parallelCommands: Command[] = parallelActions.map((action) => ({
  id: action.id,
  get label() {
    return action.label;
  },
  shortcut: action.shortcut,
  matches: action.matches,
  whileTyping: action.id === 'find',
  available: () => action.enabled(useParallelStore.getState()),
  run: () => action.run(useParallelStore.getState()),
}));

export function ParallelScreen({ left, right }: { left: string; right: string }) {
  const open = useParallelStore((s) => s.open);
  const status = useParallelStore((s) => s.status);
  const error = useParallelStore((s) => s.error);
  const a = useParallelStore((s) => s.left);
  const b = useParallelStore((s) => s.right);
  const rows = useParallelStore((s) => s.rows);
  const swapped = useParallelStore((s) => s.swapped);
  const synced = useSynced();
  const finding = useParallelStore((s) => s.finding);
  const setFinding = useParallelStore((s) => s.setFinding);
  const setPanelOpen = useParallelStore((s) => s.setPanelOpen);
  const narrow = useMediaQuery(`(max-width: ${NARROW_BELOW - 0.02}px)`);
  const panelOpen = useParallelStore((s) => s.panelOpen);
  const notice = useParallelStore((s) => s.notice);
  const saveError = useParallelStore((s) => s.saveError);
  const dismissNotice = useParallelStore((s) => s.dismissNotice);
  useCommands(parallelCommands);

  // A window made narrow folds the Differences panel into its badge; made wide again, it opens.
  const wasNarrow = useRef(narrow);
  useEffect(() => {
    if (wasNarrow.current !== narrow) setPanelOpen(!narrow);
    wasNarrow.current = narrow;
  }, [narrow, setPanelOpen]);

  useEffect(() => void open(left, right), [open, left, right]);

  // Remember the active row, a moment after it stops moving.
  const active = useParallelStore((s) => s.active);
  useEffect(() => {
    if (status !== 'ready') return;
    const timer = setTimeout(() => void api.invoke('reading:save', { documentId: left, state: { row: active } }).catch(() => {}), 800);
    return () => clearTimeout(timer);
  }, [active, left, status]);

  const ready = status === 'ready' && a && b && a.meta.id === left && b.meta.id === right;
  const annotationsA = useDocumentAnnotations(ready ? a.meta.id : null);
  const annotationsB = useDocumentAnnotations(ready ? b.meta.id : null);
  const sideA = useMemo(() => (a ? { doc: a, spans: sentenceSpans(a), marks: annotationsA.marks } : null), [a, annotationsA.marks]);
  const sideB = useMemo(() => (b ? { doc: b, spans: sentenceSpans(b), marks: annotationsB.marks } : null), [b, annotationsB.marks]);
  const main = useRef<HTMLDivElement>(null);
  const textOf = useCallback((id: string) => (id === a?.meta.id ? a.text : id === b?.meta.id ? b.text : undefined), [a, b]);
  const checked = usePairFlags(left, right, useMemo(() => (ready ? { rows, a, b } : null), [ready, rows, a, b]));
  const allFlags = useMemo(() => checked ?? [], [checked]);
  const flags = useMemo(() => allFlags.filter((f) => !f.dismissed), [allFlags]);
  const flagged = useMemo(() => new Set(flags.map((f) => f.row)), [flags]);
  useDocumentTitle(ready ? `${a.meta.title} ⇄ ${languageName(b.meta.language)}` : null);

  if (status === 'failed' && error) {
    const title = error.code === 'not-found' ? t('reader.notFound') : error.code === 'not-alignable' ? t('parallel.notAlignable') : t('parallel.cannotOpen');
    return <MessageScreen title={title} message={error.message} />;
  }
  if (!ready || !sideA || !sideB) return <p className="reader-loading">{t('parallel.aligning')}</p>;

  const [leftDoc, rightDoc] = swapped ? [b, a] : [a, b];
  const [leftSide, rightSide] = swapped ? [sideB, sideA] : [sideA, sideB];

  /** "Copy to DE": the same colour, tags and note on the counterpart sentences. */
  const copyToCounterpart = (annotationId: string) => {
    const annotation = [...annotationsA.annotations, ...annotationsB.annotations].find((x) => x.id === annotationId);
    if (!annotation?.anchor) return null;
    const fromA = annotation.documentId === a.meta.id;
    const [own, other] = fromA ? [sideA, sideB] : [sideB, sideA];
    const range = counterpartRange(rows, fromA ? 'a' : 'b', annotation.anchor, own.spans, other.spans);
    const language = other.doc.meta.language.toUpperCase();
    return (
      <button
        type="button"
        className="button-quiet"
        disabled={!range}
        title={range ? t('parallel.copyTitle', { language }) : t('parallel.noCounterpart', { language })}
        onClick={() => {
          if (!range) return;
          void useAnnotations.getState().copyTo(annotation.id, other.doc.meta.id, describeRange(other.doc.text, range.start, range.end));
        }}
        data-testid="copy-to-counterpart"
      >
        {t('parallel.copyTo', { language })}
      </button>
    );
  };

  const heads = [leftDoc, rightDoc].map((doc) => (
    <Link key={doc.meta.id} href={`/read/${encodeURIComponent(doc.meta.id)}`} className="column-head" title={t('parallel.readAlone', { title: doc.meta.title })}>
      <LanguageBadge tag={doc.meta.language} />
      <span className="column-title">{doc.meta.title}</span>
    </Link>
  ));

  return (
    <div className={`parallel${panelOpen ? ' with-panel' : ''}${narrow ? ' is-narrow' : ''}`}>
      <header className="reader-toolbar parallel-toolbar">
        <BackToLibrary />
        <span className="toolbar-title">{t('parallel.title')}</span>
        <ActionButton id="swap">{t('parallel.swap')}</ActionButton>
        <ActionButton id="sync" pressed={synced}>
          {synced ? t('parallel.together') : t('parallel.apart')}
        </ActionButton>
        {narrow ? (
          <ActionButton id="differences" pressed={panelOpen} className="button-quiet differences-badge">
            {checked ? t('parallel.differencesCount', { count: flags.length }) : t('parallel.differences')}
          </ActionButton>
        ) : (
          <ActionButton id="differences" pressed={panelOpen}>
            {t('parallel.differences')} <span className="count">{checked ? flags.length : '…'}</span>
          </ActionButton>
        )}
        <ExportMenu left={left} right={right} />
        <GlossaryHost source={a.meta.language} target={b.meta.language} />
        <ReadingSettings />
      </header>
      {notice ? (
        <div className="notice-bar notice-warning" role="status">
          <BannerIcon tone="warning" />
          <span>{notice}</span>
          <button type="button" className="button-quiet" onClick={dismissNotice}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      {saveError ? (
        <div className="notice-bar notice-error" role="alert">
          <BannerIcon tone="error" />
          <span>{saveError}</span>
        </div>
      ) : null}
      <EditBar />
      {finding ? <ParallelFind left={leftSide} right={rightSide} swapped={swapped} rows={rows} onClose={() => setFinding(false)} /> : null}
      <div className="parallel-body">
        <div className="parallel-main" ref={main}>
          {synced ? (
            <>
              <div className="column-heads" data-testid="column-heads">
                <span className="column-gutter" />
                {heads}
              </div>
              <AlignedRows rows={rows} left={leftSide} right={rightSide} swapped={swapped} flagged={flagged} />
            </>
          ) : (
            <FreeColumns rows={rows} left={leftSide} right={rightSide} swapped={swapped} heads={heads} />
          )}
        </div>
        {panelOpen ? <DifferencesPanel flags={allFlags} pair={{ a, b, rows }} overlay={narrow} onClose={() => setPanelOpen(false)} /> : null}
      </div>
      <AnnotationLayer root={main} textOf={textOf} editorExtras={copyToCounterpart} />
      <WordLookup root={main} textOf={textOf} />
      <WordLinks root={main} a={a} b={b} rows={rows} />
    </div>
  );
}
