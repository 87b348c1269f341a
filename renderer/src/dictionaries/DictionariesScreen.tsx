import { useCallback, useEffect, useState } from 'react';
import type { DictionaryId, DictionaryInfo } from '../../../shared/dictionary/model';
import { api } from '../api';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { AddDictionaries } from './AddDictionaries';
import { DictionaryItem } from './DictionaryItem';
import { GettingDictionaries } from './GettingDictionaries';
import { SettingsPage } from '../settings/SettingsPage';
import './dictionaries.css';
import { t } from '../../../shared/i18n/current';

type Message = { kind: 'done' | 'error'; text: string };

function addedMessage(added: DictionaryInfo[]): string {
  if (added.length !== 1) return t('dict.addedMany', { count: added.length });
  const d = added[0]!;
  const entries = t('dict.entries', { count: d.entries });
  return d.from && d.to ? t('dict.addedPair', { name: d.name, entries, from: languageName(d.from), to: languageName(d.to) }) : t('dict.addedChoose', { name: d.name, entries });
}

/** The Dictionaries page: every dictionary Facing found or was given, with its languages, on/off and remove. */
export function DictionariesScreen() {
  useDocumentTitle(t('dict.title'));
  const [list, setList] = useState<DictionaryInfo[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<DictionaryId | null>(null);

  const load = useCallback(() => {
    api.invoke('dictionaries:list', {}).then(setList, (error: Error) => setMessage({ kind: 'error', text: error.message }));
  }, []);
  useEffect(load, [load]);

  const run = async (id: DictionaryId, work: () => Promise<unknown>, done?: string) => {
    setBusy(id);
    try {
      await work();
      setMessage(done ? { kind: 'done', text: done } : null);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(null);
      load();
    }
  };

  return (
    <SettingsPage className="dictionaries" testId="dictionaries-screen" title={t('dict.title')} intro={t('dict.intro')}>
      <AddDictionaries
        onAdded={(added) => {
          setMessage({ kind: 'done', text: addedMessage(added) });
          load();
        }}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      {message ? (
        <p className={`settings-page-message is-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="dictionaries-message">
          {message.text}
        </p>
      ) : null}
      {list === null ? (
        <p className="settings-page-quiet">{t('dict.looking')}</p>
      ) : list.length === 0 ? (
        <GettingDictionaries title={t('dict.none')} />
      ) : (
        <>
          <ul className="settings-page-list" aria-label={t('dict.title')}>
            {list.map((d) => (
              <DictionaryItem
                key={d.id}
                dictionary={d}
                busy={busy === d.id}
                onUpdate={(patch) => void run(d.id, () => api.invoke('dictionaries:update', { id: d.id, patch }))}
                onRemove={() => void run(d.id, () => api.invoke('dictionaries:remove', { id: d.id }), t('dict.removed', { name: d.name }))}
              />
            ))}
          </ul>
          <details className="dictionaries-more">
            <summary>{t('dict.more')}</summary>
            <GettingDictionaries />
          </details>
        </>
      )}
    </SettingsPage>
  );
}
