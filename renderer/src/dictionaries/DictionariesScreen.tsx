import { useCallback, useEffect, useState } from 'react';
import type { DictionaryId, DictionaryInfo } from '../../../shared/dictionary/model';
import { api } from '../api';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { AddDictionaries } from './AddDictionaries';
import { DictionaryItem } from './DictionaryItem';
import { GettingDictionaries } from './GettingDictionaries';
import './dictionaries.css';

type Message = { kind: 'done' | 'error'; text: string };

function addedMessage(added: DictionaryInfo[]): string {
  if (added.length !== 1) return `Added ${added.length} dictionaries.`;
  const d = added[0]!;
  const entries = d.entries === 1 ? '1 entry' : `${d.entries.toLocaleString()} entries`;
  return d.from && d.to ? `Added “${d.name}”: ${entries}, ${languageName(d.from)} → ${languageName(d.to)}.` : `Added “${d.name}”: ${entries}. Choose its languages below.`;
}

/** The Dictionaries page: every dictionary Facing found or was given, with its languages, on/off and remove. */
export function DictionariesScreen() {
  useDocumentTitle('Dictionaries');
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
    <main className="dictionaries" data-testid="dictionaries-screen">
      <div className="dictionaries-bar">
        <BackToLibrary />
      </div>
      <h1>Dictionaries</h1>
      <p className="dictionaries-intro">
        Double-click a word while reading, or select it and press L, to look it up in the dictionaries below. In the side-by-side view they also show which word
        translates which. Everything stays on this computer.
      </p>
      <AddDictionaries
        onAdded={(added) => {
          setMessage({ kind: 'done', text: addedMessage(added) });
          load();
        }}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      {message ? (
        <p className={`dictionaries-message is-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="dictionaries-message">
          {message.text}
        </p>
      ) : null}
      {list === null ? (
        <p className="dictionaries-empty">Looking for dictionaries…</p>
      ) : list.length === 0 ? (
        <GettingDictionaries title="No dictionary yet" />
      ) : (
        <>
          <ul className="dict-list" aria-label="Dictionaries">
            {list.map((d) => (
              <DictionaryItem
                key={d.id}
                dictionary={d}
                busy={busy === d.id}
                onUpdate={(patch) => void run(d.id, () => api.invoke('dictionaries:update', { id: d.id, patch }))}
                onRemove={() => void run(d.id, () => api.invoke('dictionaries:remove', { id: d.id }), `Removed “${d.name}”.`)}
              />
            ))}
          </ul>
          <details className="dictionaries-more">
            <summary>Where to get more dictionaries</summary>
            <GettingDictionaries />
          </details>
        </>
      )}
    </main>
  );
}
