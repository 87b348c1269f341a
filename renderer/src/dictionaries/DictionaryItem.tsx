import { useState } from 'react';
import type { DictionaryInfo } from '../../../shared/dictionary/model';
import { languageName } from '../format';
import { languageOptions } from './languages';
import { t } from '../../../shared/i18n/current';

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
        {value ? null : <option value="">{t('dict.choose')}</option>}
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
          {d.problem ? null : <span>{t('dict.entries', { count: d.entries })}</span>}
          <span>{d.format === 'stardict' ? 'StarDict' : 'dictd'}</span>
          <span title={d.location}>{d.origin === 'system' ? t('dict.system') : t('dict.user')}</span>
        </span>
        {unknown || choosing ? (
          <div className="dict-languages" role="group" aria-label={t('dict.languagesOf', { name: d.name })}>
            <LanguageChoice label={t('dict.from')} value={d.from} others={[d.to]} onChange={(from) => onUpdate({ from })} />
            <LanguageChoice label={t('dict.to')} value={d.to} others={[d.from]} onChange={(to) => onUpdate({ to })} />
            {unknown ? <span className="dict-hint">{t('dict.chooseHint')}</span> : null}
            {choosing ? (
              <button type="button" className="button-quiet" onClick={() => setChoosing(false)}>
                {t('annotation.done')}
              </button>
            ) : null}
          </div>
        ) : (
          <span className="dict-pair">
            <span data-testid="dictionary-pair">
              {languageName(d.from!)} → {languageName(d.to!)}
            </span>
            <button type="button" className="dict-change" onClick={() => setChoosing(true)} aria-label={t('dict.changeOf', { name: d.name })}>
              {t('dict.change')}
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
          aria-label={t('dict.use', { name: d.name })}
          data-testid="dictionary-switch"
        >
          <span className="dict-switch-track" aria-hidden="true">
            <span className="dict-switch-knob" />
          </span>
          <span className="dict-switch-text">{d.enabled ? t('dict.on') : t('dict.off')}</span>
        </button>
        {d.origin === 'user' ? (
          confirming ? (
            <span className="dict-confirm" role="group" aria-label={t('dict.confirmRemove')}>
              <span>{t('dict.removeQuestion')}</span>
              <button type="button" className="button" disabled={busy} onClick={onRemove} data-testid="dictionary-remove-confirm">
                {t('doc.remove')}
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(true)} data-testid="dictionary-remove">
              {t('dict.remove')}
            </button>
          )
        ) : null}
      </div>
    </li>
  );
}
