import { useCallback, useEffect, useState } from 'react';
import type { Backup } from '../../../shared/model/settings';
import { api } from '../api';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useAppStore } from '../state/store';
import './backups.css';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1048576).toFixed(1)} MB`);
const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'annotation' : 'annotations'}`;

/** Settings → Backups: the store's backups, newest first, each restorable; how many are kept. */
export function BackupsPanel() {
  useDocumentTitle('Backups');
  const settings = useAppStore((s) => s.settings);
  const update = useAppStore((s) => s.updateSettings);
  const refreshDocuments = useAppStore((s) => s.refreshDocuments);
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    api.invoke('backups:list', {}).then(setBackups, (error: Error) => setMessage({ kind: 'error', text: error.message }));
  }, []);
  useEffect(load, [load]);

  const restore = async (backup: Backup) => {
    setBusy(true);
    try {
      await api.invoke('backups:restore', { id: backup.id });
      setMessage({
        kind: 'done',
        text: `Restored the backup of ${when(backup.time)} (${count(backup.annotations)}). Your store as it was just before is kept as the backup marked “before restore”: restore it to undo this.`,
      });
      await refreshDocuments();
      load();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <main className="backups" data-testid="backups-panel">
      <div className="backups-bar">
        <BackToLibrary />
      </div>
      <h1>Backups</h1>
      <p className="backups-intro">
        Facing backs up your highlights, notes, tags, alignment fixes and settings on its own: each time it tidies its store, and at least once an hour while you
        work. A damaged store is rebuilt from the newest backup without asking you.
      </p>
      {message ? (
        <p className={`backups-message backups-${message.kind}`} role="status">
          {message.text}
        </p>
      ) : null}

      {backups === null ? (
        <p className="backups-empty">Loading the backups…</p>
      ) : backups.length === 0 ? (
        <p className="backups-empty">No backup yet. The first is made when Facing next tidies its store.</p>
      ) : (
        <ul className="backups-list" aria-label="Backups, newest first">
          {backups.map((b) => (
            <li key={b.id} className="backup" data-testid="backup">
              <div className="backup-what">
                <span className="backup-time">
                  {when(b.time)}
                  {b.beforeRestore ? <span className="backup-tag">before restore</span> : null}
                </span>
                <span className="backup-facts">
                  {count(b.annotations)} · {size(b.size)}
                </span>
              </div>
              {confirming === b.id ? (
                <div className="backup-confirm" role="group" aria-label="Confirm the restore">
                  <span>Replace your current store with this backup? Your current store is backed up first.</span>
                  <span className="backup-confirm-buttons">
                    <button type="button" className="button" disabled={busy} onClick={() => void restore(b)}>
                      Restore
                    </button>
                    <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </span>
                </div>
              ) : (
                <button type="button" className="button-quiet" onClick={() => setConfirming(b.id)}>
                  Restore this backup
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <fieldset className="backups-keep">
        <legend>Keep</legend>
        <label>
          <span>One backup of each hour, for the last</span>
          <input type="number" min={1} max={168} value={settings.backupsHourly} onChange={(e) => e.target.validity.valid && void update({ backupsHourly: Number(e.target.value) })} />
          <span>hours</span>
        </label>
        <label>
          <span>One backup of each day, for the last</span>
          <input type="number" min={1} max={365} value={settings.backupsDaily} onChange={(e) => e.target.validity.valid && void update({ backupsDaily: Number(e.target.value) })} />
          <span>days with changes</span>
        </label>
      </fieldset>
    </main>
  );
}
