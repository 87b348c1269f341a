import { useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import { checkRows } from '../../../shared/alignment/checks';
import { sentenceIndex } from '../../../shared/alignment/rows';
import { ReadingSettings } from '../components/ReadingSettings';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { ActionButton } from '../parallel/ActionButton';
import { AlignedRows } from '../parallel/AlignedRows';
import { DifferencesPanel } from '../parallel/DifferencesPanel';
import { FreeColumns } from '../parallel/FreeColumns';
import { useParallelKeys } from '../parallel/useParallelKeys';
import { useParallelStore } from '../state/parallel';
import { MessageScreen } from './MessageScreen';

function EditBar() {
  const active = useParallelStore((s) => s.active);
  const count = useParallelStore((s) => s.rows.length);
  const checked = useParallelStore((s) => s.rows[s.active]?.checked ?? false);
  const edited = useParallelStore((s) => s.edited);
  const reset = useParallelStore((s) => s.reset);
  return (
    <div className="edit-bar" role="toolbar" aria-label="Alignment editing">
      <span className="edit-bar-position" data-testid="active-row">
        Row {count ? active + 1 : 0} of {count}
      </span>
      <span className="edit-bar-group">
        <ActionButton id="merge">Merge ↓</ActionButton>
        <ActionButton id="split">Split</ActionButton>
      </span>
      <span className="edit-bar-group" aria-label="Move sentences">
        <ActionButton id="move-left-up">Left ↑</ActionButton>
        <ActionButton id="move-left-down">Left ↓</ActionButton>
        <ActionButton id="move-right-up">Right ↑</ActionButton>
        <ActionButton id="move-right-down">Right ↓</ActionButton>
      </span>
      <span className="edit-bar-group">
        <ActionButton id="check" pressed={checked}>
          {checked ? '✓ Checked' : 'Mark checked'}
        </ActionButton>
      </span>
      <span className="edit-bar-group edit-bar-end">
        <ActionButton id="undo">Undo</ActionButton>
        <ActionButton id="redo">Redo</ActionButton>
        <button type="button" className="button-quiet" onClick={() => void reset()} disabled={!edited} title="Forget your edits and align afresh">
          Reset alignment
        </button>
      </span>
    </div>
  );
}

export function ParallelScreen({ left, right }: { left: string; right: string }) {
  const open = useParallelStore((s) => s.open);
  const status = useParallelStore((s) => s.status);
  const error = useParallelStore((s) => s.error);
  const a = useParallelStore((s) => s.left);
  const b = useParallelStore((s) => s.right);
  const rows = useParallelStore((s) => s.rows);
  const swapped = useParallelStore((s) => s.swapped);
  const synced = useParallelStore((s) => s.synced);
  const panelOpen = useParallelStore((s) => s.panelOpen);
  const notice = useParallelStore((s) => s.notice);
  const saveError = useParallelStore((s) => s.saveError);
  const dismissNotice = useParallelStore((s) => s.dismissNotice);
  useParallelKeys();

  useEffect(() => void open(left, right), [open, left, right]);

  const ready = status === 'ready' && a && b && a.meta.id === left && b.meta.id === right;
  const textsA = useMemo(() => (a ? sentenceIndex(a) : new Map<string, string>()), [a]);
  const textsB = useMemo(() => (b ? sentenceIndex(b) : new Map<string, string>()), [b]);
  const flags = useMemo(() => (ready ? checkRows(rows, a, b) : []), [ready, rows, a, b]);
  const flagged = useMemo(() => new Set(flags.map((f) => f.row)), [flags]);
  useDocumentTitle(ready ? `${a.meta.title} ⇄ ${languageName(b.meta.language)}` : null);

  if (status === 'failed' && error) {
    const title = error.code === 'not-found' ? 'Document not found' : error.code === 'not-alignable' ? 'These documents cannot be aligned' : 'The parallel view cannot be opened';
    return <MessageScreen title={title} message={error.message} />;
  }
  if (!ready) return <p className="reader-loading">Aligning…</p>;

  const [leftDoc, rightDoc] = swapped ? [b, a] : [a, b];
  const [leftTexts, rightTexts] = swapped ? [textsB, textsA] : [textsA, textsB];

  return (
    <div className={`parallel${panelOpen ? ' with-panel' : ''}`}>
      <header className="reader-toolbar parallel-toolbar">
        <Link href="/" className="button-quiet toolbar-back" aria-label="Back to the library">
          <span aria-hidden="true">←</span> Library
        </Link>
        <span className="toolbar-title">Side by side</span>
        <ActionButton id="swap">⇄ Swap</ActionButton>
        <ActionButton id="sync" pressed={synced}>
          {synced ? 'Scrolling together' : 'Scrolling apart'}
        </ActionButton>
        <ActionButton id="differences" pressed={panelOpen}>
          Differences <span className="count">{flags.length}</span>
        </ActionButton>
        <ReadingSettings />
      </header>
      {notice ? (
        <div className="notice-bar notice-warning" role="status">
          <span>{notice}</span>
          <button type="button" className="button-quiet" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      {saveError ? (
        <div className="notice-bar notice-error" role="alert">
          {saveError}
        </div>
      ) : null}
      <EditBar />
      <div className="parallel-body">
        <div className="parallel-main">
          <div className="column-heads" data-testid="column-heads">
            <span className="column-gutter" />
            {[leftDoc, rightDoc].map((doc) => (
              <Link key={doc.meta.id} href={`/read/${encodeURIComponent(doc.meta.id)}`} className="column-head" title={`Read "${doc.meta.title}" alone`}>
                <span className="lang-badge">{doc.meta.language.toUpperCase()}</span>
                <span className="column-title">{doc.meta.title}</span>
              </Link>
            ))}
          </div>
          {synced ? (
            <AlignedRows rows={rows} leftDoc={leftDoc} rightDoc={rightDoc} leftTexts={leftTexts} rightTexts={rightTexts} swapped={swapped} flagged={flagged} />
          ) : (
            <FreeColumns rows={rows} leftDoc={leftDoc} rightDoc={rightDoc} swapped={swapped} />
          )}
        </div>
        {panelOpen ? <DifferencesPanel flags={flags} /> : null}
      </div>
    </div>
  );
}
