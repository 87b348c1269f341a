import { useEffect, useState, type FormEvent } from 'react';
import type { SyncSet, SyncSettings, SyncTest } from '../../../shared/sync/model';
import { api } from '../api';
import { GroupSettings } from '../annotations/GroupSettings';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { describeStatus } from './SyncIndicator';
import { useSyncStatus } from './syncStatus';
import { SettingsPage } from '../settings/SettingsPage';
import './sync.css';
import { t } from '../../../shared/i18n/current';

const empty: SyncSet = { url: '', database: 'facing', username: '', displayName: '', enabled: false };

/** Settings → Sync: the server, the database, who you are to others, a connection test and the state. */
export function SyncPanel() {
  useDocumentTitle(t('sync.title'));
  const [saved, setSaved] = useState<SyncSettings | null>(null);
  const [form, setForm] = useState<SyncSet>(empty);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useSyncStatus((s) => s.status) ?? saved?.status ?? null;

  useEffect(() => {
    api.invoke('sync:get', {}).then(
      (got) => {
        setSaved(got);
        if (got.config) setForm(got.config);
      },
      (error: Error) => setMessage({ ok: false, text: error.message }),
    );
  }, []);

  const field = <K extends keyof SyncSet>(key: K) => (value: SyncSet[K]) => setForm((f) => ({ ...f, [key]: value }));
  const withPassword = (): SyncSet => (password ? { ...form, password } : form);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    run(async () => {
      const result: SyncTest = await api.invoke('sync:test', { settings: withPassword() });
      setMessage({ ok: result.ok || (result.kind === 'no-database' && result.canCreate === true), text: result.message });
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const got = await api.invoke('sync:set', withPassword());
      setSaved(got);
      if (got.config) setForm(got.config);
      setPassword('');
      await useSyncStatus.getState().refresh();
      setMessage({ ok: got.status.state !== 'error', text: got.status.message ?? (got.config?.enabled ? t('sync.savedOn') : t('sync.savedOff')) });
    });
  };

  return (
    <SettingsPage className="sync-panel" testId="sync-panel" title={t('sync.title')} intro={t('sync.intro')}>

      {status ? (
        <p className={`sync-state sync-${status.state}`} data-testid="sync-state">
          <span className="sync-dot" aria-hidden="true" />
          {describeStatus(status)}
          {status.conflicts ? t('sync.conflictsNote', { count: status.conflicts }) : ''}
        </p>
      ) : null}
      {status?.message ? (
        <p className={`settings-page-message ${status.state === 'error' ? 'is-error' : ''}`} data-testid="sync-status-message">
          {status.message}
          {status.detail ? (
            <span className="sync-detail" data-testid="sync-status-detail">
              {t('sync.detail', { detail: status.detail })}
            </span>
          ) : null}
        </p>
      ) : null}

      <form className="sync-form" onSubmit={save}>
        <label>
          {t('sync.server')}
          <input type="url" required placeholder="https://couch.example.org:6984" value={form.url} onChange={(e) => field('url')(e.target.value)} data-testid="sync-url" />
          <span className="sync-hint">{t('sync.serverHint')}</span>
        </label>
        <div className="sync-pair">
          <label>
            {t('sync.database')}
            <input type="text" required value={form.database} onChange={(e) => field('database')(e.target.value)} data-testid="sync-database" />
            <span className="sync-hint">{t('sync.databaseHint')}</span>
          </label>
          <label>
            {t('sync.displayName')}
            <input type="text" value={form.displayName} onChange={(e) => field('displayName')(e.target.value)} placeholder={t('sync.displayNamePlaceholder')} data-testid="sync-display-name" />
            <span className="sync-hint">{t('sync.displayNameHint')}</span>
          </label>
        </div>
        <div className="sync-pair">
          <label>
            {t('sync.username')}
            <input type="text" autoComplete="username" value={form.username} onChange={(e) => field('username')(e.target.value)} data-testid="sync-username" />
          </label>
          <label>
            {t('sync.password')}
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              placeholder={saved?.hasPassword ? t('sync.passwordSaved') : ''}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="sync-password"
            />
            <span className="sync-hint">{t('sync.passwordHint')}</span>
          </label>
        </div>
        <label className="sync-enable">
          <input type="checkbox" checked={form.enabled} onChange={(e) => field('enabled')(e.target.checked)} data-testid="sync-enabled" />
          {t('sync.enable')}
        </label>
        <label className="sync-enable sync-choice">
          <input type="checkbox" checked={form.syncSettings ?? false} onChange={(e) => field('syncSettings')(e.target.checked)} data-testid="sync-settings" />
          <span>
            {t('sync.syncSettings')}
            <span className="sync-hint">{t('sync.syncSettingsHint')}</span>
          </span>
        </label>
        {message ? (
          <p className={`settings-page-message ${message.ok ? '' : 'is-error'}`} role="status" data-testid="sync-message">
            {message.text}
          </p>
        ) : null}
        <div className="sync-actions">
          <button type="button" className="button-quiet" disabled={busy || !form.url} onClick={() => void test()} data-testid="sync-test">
            {t('sync.test')}
          </button>
          <button type="submit" className="button" disabled={busy} data-testid="sync-save">
            {t('common.save')}
          </button>
        </div>
      </form>

      <GroupSettings />

      {saved?.quarantine.length ? (
        <details className="sync-quarantine">
          <summary>{t('sync.quarantine', { count: saved.quarantine.length })}</summary>
          <ul>
            {saved.quarantine.map((q) => (
              <li key={q.id}>
                <code>{q.id}</code>: {q.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </SettingsPage>
  );
}
