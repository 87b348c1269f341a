import { useRef, useState, type DragEvent } from 'react';
import type { DictionaryInfo } from '../../../shared/dictionary/model';
import { addDictionaryFiles } from './dictionaryApi';
import { t } from '../../../shared/i18n/current';

interface Props {
  onAdded(added: DictionaryInfo[]): void;
  onError(message: string): void;
}

/** "Add dictionary…": a file chooser and a drop area for a dictionary's files or an archive of them. */
export function AddDictionaries({ onAdded, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      onAdded(await addDictionaryFiles(files));
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`dict-add${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="dictionary-drop"
    >
      <button type="button" className="button button-accent" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('dict.adding') : t('dict.add')}
      </button>
      <span className="dict-add-hint">
        {t('dict.addHint')}
      </span>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".ifo,.idx,.gz,.dz,.dict,.index,.syn,.zip,.tgz"
        aria-label={t('dict.files')}
        data-testid="dictionary-files"
        onChange={(e) => void add([...(e.target.files ?? [])])}
      />
    </div>
  );
}
