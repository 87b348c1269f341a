import { useCallback, useEffect, useState } from 'react';
import type { SyncConflict } from '../../../shared/sync/model';
import { api } from '../api';
import { useAnnotations } from '../state/annotations';
import { useAppStore } from '../state/store';
import { useSyncStatus } from './syncStatus';
import './conflicts.css';
import { t, translator } from '../../../shared/i18n/current';

interface Version {
  note?: string;
  tags?: string[];
  colour?: string;
  modified?: string;
  target?: { quote?: { exact?: string } };
}

/** Which version, whose, and when. */
function ConflictHead({ title, by, modified }: { title: string; by: string | null; modified?: string }) {
  return (
    <div className="conflict-head">
      <span>{title}</span>
      <span className="conflict-by">
        {by ? t('conflict.by', { name: by }) : t('conflict.noName')}
        {modified ? ` · ${translator().date(modified, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}` : ''}
      </span>
    </div>
  );
}

function VersionCard({ title, by, version }: { title: string; by: string | null; version: unknown }) {
  const v = (version ?? {}) as Version;
  return (
    <div className="conflict-version">
      <ConflictHead title={title} by={by} modified={v.modified} />
      {v.colour ? <span className={`conflict-colour colour-${v.colour}`}>{v.colour}</span> : null}
      <p className="conflict-note">{v.note ? v.note : <em>{t('conflict.noNote')}</em>}</p>
      {v.tags?.length ? <p className="conflict-tags">{v.tags.map((t) => `#${t}`).join(' ')}</p> : null}
    </div>
  );
}

interface AlignmentVersion {
  rows?: Array<{ checked?: boolean }>;
  modified?: string;
}

/** How many rows the two versions of an alignment put differently. */
function differingRows(a: unknown, b: unknown): number {
  const left = ((a ?? {}) as AlignmentVersion).rows ?? [];
  const right = ((b ?? {}) as AlignmentVersion).rows ?? [];
  let count = 0;
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (JSON.stringify(left[i]) !== JSON.stringify(right[i])) count++;
  return count;
}

function AlignmentCard({ title, by, version }: { title: string; by: string | null; version: unknown }) {
  const v = (version ?? {}) as AlignmentVersion;
  const rows = v.rows ?? [];
  return (
    <div className="conflict-version">
      <ConflictHead title={title} by={by} modified={v.modified} />
      <p className="conflict-note">{t('conflict.alignmentRows', { count: rows.length, checked: rows.filter((r) => r.checked).length })}</p>
    </div>
  );
}

/** Annotations and alignments changed on two computers while apart: both versions side by side, one click to choose. */
export function ConflictsPanel() {
  const revision = useSyncStatus((s) => s.status?.revision ?? 0);
  const count = useSyncStatus((s) => s.status?.conflicts ?? 0);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.invoke('sync:conflicts', {}).then(setConflicts, () => setConflicts([]));
  }, []);
  useEffect(load, [load, revision, count]);

  const resolve = async (id: string, keep: 'winner' | 'other' | 'both') => {
    try {
      await api.invoke('sync:resolve', { id, keep });
      setError(null);
      load();
      await useAnnotations.getState().loadAll();
      await useSyncStatus.getState().refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const documents = useAppStore((s) => s.documents);
  const titleOf = (id: string) => documents?.find((d) => d.id === id)?.title ?? id;
  const shown = conflicts.filter((c) => c.kind === 'annotation');
  const alignments = conflicts.filter((c) => c.kind === 'alignment');
  if (!shown.length && !alignments.length) return null;
  return (
    <section className="conflicts" aria-label={t('conflict.title')} data-testid="sync-conflicts">
      <h2>{t('conflict.title')}</h2>
      <p className="conflicts-intro">{t('conflict.intro')}</p>
      {error ? <p className="conflicts-error" role="alert">{error}</p> : null}
      {shown.map((c) => {
        const quote = ((c.winner ?? c.other) as Version).target?.quote?.exact;
        return (
          <article key={c.id} className="conflict" data-testid="sync-conflict">
            {quote ? <blockquote className="conflict-quote">{quote}</blockquote> : null}
            <div className="conflict-versions">
              <VersionCard title={t('conflict.shown')} by={c.winnerBy} version={c.winner} />
              <VersionCard title={t('conflict.other')} by={c.otherBy} version={c.other} />
            </div>
            <div className="conflict-actions">
              <button type="button" className="button-quiet" onClick={() => void resolve(c.id, 'winner')}>
                {t('conflict.keepShown')}
              </button>
              <button type="button" className="button-quiet" onClick={() => void resolve(c.id, 'other')}>
                {t('conflict.keepOther')}
              </button>
              <button type="button" className="button" onClick={() => void resolve(c.id, 'both')}>
                {t('conflict.keepBoth')}
              </button>
            </div>
          </article>
        );
      })}
      {alignments.map((c) => {
        const [, left = '', right = ''] = c.id.split(':');
        return (
          <article key={c.id} className="conflict" data-testid="sync-conflict-alignment">
            <h3 className="conflict-pair">
              {t('conflict.alignmentTitle', { left: titleOf(left), right: titleOf(right) })} <a href={`#/parallel/${left}/${right}`}>{t('conflict.openPair')}</a>
            </h3>
            <div className="conflict-versions">
              <AlignmentCard title={t('conflict.shown')} by={c.winnerBy} version={c.winner} />
              <AlignmentCard title={t('conflict.other')} by={c.otherBy} version={c.other} />
            </div>
            <p className="conflicts-intro">
              {t('conflict.alignmentDiffer', { count: differingRows(c.winner, c.other) })} {t('conflict.alignmentNote')}
            </p>
            <div className="conflict-actions">
              <button type="button" className="button-quiet" onClick={() => void resolve(c.id, 'winner')}>
                {t('conflict.keepShown')}
              </button>
              <button type="button" className="button" onClick={() => void resolve(c.id, 'other')}>
                {t('conflict.keepOther')}
              </button>
            </div>
          </article>
        );
      })}
    </section>
  );
}
