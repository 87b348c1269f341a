import { useState } from 'react';
import type { DictionaryInfo } from '../../../shared/dictionary/model';
import { languageName } from '../format';
import { languageOptions } from './languages';

interface Props {
  dictionary: DictionaryInfo;
  busy: boolean;
  onUpdate(patch: { enabled?: boolean; from?: string; to?: string }): void;
  onRemove(): void;
}

function LanguageChoice({ label, value, onChange, others }: { label: string; value?: string; onChange(tag: string): void; others: Array<string | undefined> }) {
  return (
    <label className="dict-language">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
        {value ? null : <option value="">Choose…</option>}
        {languageOptions([value, ...others]).map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One dictionary: what it is, its languages (chosen here when its files do not say), on/off, remove. */
export function DictionaryItem({ dictionary: d, busy, onUpdate, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const unknown = !d.from || !d.to;
  return (
    <li className={`dict-item${d.enabled ? '' : ' is-off'}${d.problem ? ' has-problem' : ''}`} data-testid="dictionary" data-dictionary-id={d.id}>
      <div className="dict-main">
        <span className="dict-name">{d.name}</span>
        <span className="dict-facts">
          {d.problem ? null : <span>{d.entries === 1 ? '1 entry' : `${d.entries.toLocaleString()} entries`}</span>}
          <span>{d.format === 'stardict' ? 'StarDict' : 'dictd'}</span>
          <span title={d.location}>{d.origin === 'system' ? 'Installed on this system' : 'Added by you'}</span>
        </span>
        {unknown || choosing ? (
          <div className="dict-languages" role="group" aria-label={`Languages of ${d.name}`}>
            <LanguageChoice label="From" value={d.from} others={[d.to]} onChange={(from) => onUpdate({ from })} />
            <LanguageChoice label="To" value={d.to} others={[d.from]} onChange={(to) => onUpdate({ to })} />
            {unknown ? <span className="dict-hint">Choose the languages: Facing uses a dictionary only for text in its first language.</span> : null}
            {choosing ? (
              <button type="button" className="button-quiet" onClick={() => setChoosing(false)}>
                Done
              </button>
            ) : null}
          </div>
        ) : (
          <span className="dict-pair">
            <span data-testid="dictionary-pair">
              {languageName(d.from!)} → {languageName(d.to!)}
            </span>
            <button type="button" className="dict-change" onClick={() => setChoosing(true)} aria-label={`Change the languages of ${d.name}`}>
              Change
            </button>
          </span>
        )}
        {d.problem ? (
          <p className="dict-problem" role="alert" data-testid="dictionary-problem">
            {d.problem}
          </p>
        ) : null}
      </div>
      <div className="dict-actions">
        <button
          type="button"
          role="switch"
          aria-checked={d.enabled}
          className={`dict-switch${d.enabled ? ' is-on' : ''}`}
          disabled={busy}
          onClick={() => onUpdate({ enabled: !d.enabled })}
          aria-label={`Use ${d.name}`}
          data-testid="dictionary-switch"
        >
          <span className="dict-switch-track" aria-hidden="true">
            <span className="dict-switch-knob" />
          </span>
          <span className="dict-switch-text">{d.enabled ? 'On' : 'Off'}</span>
        </button>
        {d.origin === 'user' ? (
          confirming ? (
            <span className="dict-confirm" role="group" aria-label="Confirm removing">
              <span>Remove this dictionary and its copied files?</span>
              <button type="button" className="button" disabled={busy} onClick={onRemove} data-testid="dictionary-remove-confirm">
                Remove
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(true)} data-testid="dictionary-remove">
              Remove…
            </button>
          )
        ) : null}
      </div>
    </li>
  );
}
