import { useCallback, useEffect, useState } from 'react';
import type { Backup } from '../../../shared/model/settings';
import { api } from '../api';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useAppStore } from '../state/store';
import { t, translator } from '../../../shared/i18n/current';
import { SettingsPage } from './SettingsPage';
import './backups.css';

const when = (iso: string) => translator().date(iso, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${translator().number(Math.max(1, Math.round(bytes / 1024)))} kB` : `${translator().number(bytes / 1048576, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
const count = (n: number) => t('count.annotations', { count: n });

/** Settings → Backups: the store's backups, newest first, each restorable; how many are kept. */
export function BackupsPanel() {
  useDocumentTitle(t('backups.title'));
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
        text: t('backups.restored', { time: when(backup.time), annotations: count(backup.annotations) }),
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
    <SettingsPage className="backups" testId="backups-panel" title={t('backups.title')} intro={t('backups.intro')}>
      {message ? (
        <p className={`settings-page-message is-${message.kind}`} role="status">
          {message.text}
        </p>
      ) : null}

      {backups === null ? (
        <p className="settings-page-quiet">{t('backups.loading')}</p>
      ) : backups.length === 0 ? (
        <p className="settings-page-quiet">{t('backups.none')}</p>
      ) : (
        <ul className="settings-page-list" aria-label={t('backups.list')}>
          {backups.map((b) => (
            <li key={b.id} className="backup" data-testid="backup">
              <div className="backup-what">
                <span className="backup-time">
                  {when(b.time)}
                  {b.beforeRestore ? <span className="backup-tag">{t('backups.beforeRestore')}</span> : null}
                </span>
                <span className="backup-facts">
                  {count(b.annotations)} · {size(b.size)}
                </span>
              </div>
              {confirming === b.id ? (
                <div className="backup-confirm" role="group" aria-label={t('backups.confirmLabel')}>
                  <span>{t('backups.confirm')}</span>
                  <span className="backup-confirm-buttons">
                    <button type="button" className="button" disabled={busy} onClick={() => void restore(b)}>
                      {t('backups.restore')}
                    </button>
                    <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                </div>
              ) : (
                <button type="button" className="button-quiet" onClick={() => setConfirming(b.id)}>
                  {t('backups.restoreThis')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <fieldset className="backups-keep">
        <legend>{t('backups.keep')}</legend>
        <label>
          <span>{t('backups.hourly')}</span>
          <input type="number" min={1} max={168} value={settings.backupsHourly} onChange={(e) => e.target.validity.valid && void update({ backupsHourly: Number(e.target.value) })} />
          <span>{t('backups.hours')}</span>
        </label>
        <label>
          <span>{t('backups.daily')}</span>
          <input type="number" min={1} max={365} value={settings.backupsDaily} onChange={(e) => e.target.validity.valid && void update({ backupsDaily: Number(e.target.value) })} />
          <span>{t('backups.days')}</span>
        </label>
      </fieldset>
    </SettingsPage>
  );
}
