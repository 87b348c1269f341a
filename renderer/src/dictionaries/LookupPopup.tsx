import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { describeRange } from '../../../shared/annotations/anchoring';
import type { DictionaryEntry, LookupResult } from '../../../shared/dictionary/model';
import { api } from '../api';
import { languageName } from '../format';
import { useAnnotations } from '../state/annotations';
import { addToGlossary } from './dictionaryApi';
import { LookupEntry } from './LookupEntry';
import { displayHeadword } from './matchLabel';
import type { LookupTarget } from './lookupStore';
import { clearPaint, paintRanges } from './textDom';
import { usePopupPlace } from './usePopupPlace';
import './lookup.css';
import { t } from '../../../shared/i18n/current';

interface Props {
  target: LookupTarget;
  textOf(documentId: string): string | undefined;
  onClose(): void;
}

const SHOWN_AT_FIRST = 6;
const MAX_NOTE = 4000;

/** What a vocabulary highlight says: the entry as the dictionary gave it. */
function noteOf(entry: DictionaryEntry): string {
  const body = entry.definition.length > MAX_NOTE ? `${entry.definition.slice(0, MAX_NOTE)}…` : entry.definition;
  return `${body}\n\n(${entry.dictionaryName})`;
}

type Status = { kind: 'done' | 'error'; text: string } | null;

/** The dictionary entries for a word, beside it; keyboard: focus moves in, Tab walks the actions, Esc closes. */
export function LookupPopup({ target, textOf, onClose }: Props) {
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [targets, setTargets] = useState<Record<string, string | undefined>>({});
  const [all, setAll] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const panel = useRef<HTMLDivElement>(null);
  const place = usePopupPlace(panel, target.range, onClose, [result, error, all, status]);
  const languageLabel = languageName(target.language);

  useEffect(() => {
    let live = true;
    api.invoke('dictionaries:lookup', { word: target.word, language: target.language }).then(
      (found) => live && setResult(found),
      (e: Error) => live && setError(e.message),
    );
    api.invoke('dictionaries:list', {}).then((list) => live && setTargets(Object.fromEntries(list.map((d) => [d.id, d.to]))), () => {});
    return () => void (live = false);
  }, [target.word, target.language]);

  useEffect(() => {
    paintRanges('lookup-word', [target.range], 2);
    return () => clearPaint('lookup-word');
  }, [target.range]);

  // Focus moves in once the popup is placed (hidden, it cannot take focus); on closing it goes back where it was.
  const placed = place !== null;
  useEffect(() => {
    if (!placed) return;
    const before = document.activeElement as HTMLElement | null;
    panel.current?.focus({ preventScroll: true });
    return () => before?.focus?.({ preventScroll: true });
  }, [placed]);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const onKey = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(panel.current?.querySelectorAll<HTMLElement>('button, a[href], select') ?? [])].filter((e) => !(e as HTMLButtonElement).disabled);
    if (focusable.length === 0) return;
    const at = focusable.indexOf(document.activeElement as HTMLElement);
    if (event.shiftKey && at <= 0) {
      focusable.at(-1)!.focus();
      event.preventDefault();
    } else if (!event.shiftKey && at === focusable.length - 1) {
      focusable[0]!.focus();
      event.preventDefault();
    }
  };

  const copy = useCallback(async (entry: DictionaryEntry) => {
    try {
      await navigator.clipboard.writeText(`${entry.headword}\n${entry.definition}`);
      setStatus({ kind: 'done', text: t('lookup.copied') });
    } catch {
      setStatus({ kind: 'error', text: t('lookup.copyRefused') });
    }
  }, []);

  const highlight = async (entry: DictionaryEntry) => {
    const text = textOf(target.documentId);
    if (!text) return;
    const created = await useAnnotations.getState().create({ documentId: target.documentId, target: describeRange(text, target.start, target.end), colour: 'blue', tags: ['vocabulary'], note: noteOf(entry) });
    setStatus(created ? { kind: 'done', text: t('lookup.highlighted', { word: target.word }) } : { kind: 'error', text: useAnnotations.getState().error ?? t('lookup.highlightFailed') });
  };

  const glossary = async (entry: DictionaryEntry, translation: string) => {
    const to = targets[entry.dictionaryId];
    if (!to) return;
    try {
      const term = displayHeadword(entry);
      await addToGlossary(target.language, to, term, translation);
      setStatus({ kind: 'done', text: t('lookup.addedToGlossary', { term, translation, from: languageLabel, to: languageName(to) }) });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  const entries = result?.entries ?? [];
  const shown = all ? entries : entries.slice(0, SHOWN_AT_FIRST);
  return (
    <div
      className={`lookup-popup${place ? ` is-${place.side}` : ''}`}
      role="dialog"
      aria-label={t('lookup.dialog', { word: target.word })}
      tabIndex={-1}
      ref={panel}
      onKeyDown={onKey}
      style={place ? { left: place.left, top: place.top, maxHeight: place.maxHeight } : { visibility: 'hidden', left: 0, top: 0 }}
      data-testid="lookup-popup"
    >
      <div className="lookup-head">
        <span className="lookup-word" lang={target.language}>
          {target.word}
        </span>
        <span className="lookup-language">{languageLabel}</span>
        <button type="button" className="lookup-close" onClick={onClose} aria-label={t('lookup.close')}>
          ×
        </button>
      </div>
      {error ? (
        <p className="lookup-message is-error" role="alert">
          {error}
        </p>
      ) : !result ? (
        <p className="lookup-message" aria-live="polite">
          {t('lookup.looking')}
        </p>
      ) : result.searched === 0 ? (
        <p className="lookup-message" data-testid="lookup-none-installed">
          {t('lookup.noneInstalled', { language: languageLabel })} <Link href="/dictionaries">{t('lookup.addOne')}</Link>.
        </p>
      ) : entries.length === 0 ? (
        <p className="lookup-message" data-testid="lookup-not-found">
          {result.searched === 1 ? t('lookup.notInOne', { word: target.word, language: languageLabel }) : t('lookup.notInAny', { word: target.word, count: result.searched, language: languageLabel })}
        </p>
      ) : (
        <>
          <ul className="lookup-entries" aria-label={t('dict.entries', { count: entries.length })}>
            {shown.map((entry, k) => (
              <LookupEntry key={`${entry.dictionaryId}-${entry.headword}-${k}`} entry={entry} word={target.word} to={targets[entry.dictionaryId]} onCopy={copy} onHighlight={(e) => void highlight(e)} onGlossary={(e, t) => void glossary(e, t)} />
            ))}
          </ul>
          {entries.length > shown.length ? (
            <button type="button" className="button-quiet lookup-more" onClick={() => setAll(true)}>
              {t('lookup.showAll', { count: entries.length })}
            </button>
          ) : null}
        </>
      )}
      {status ? (
        <p className={`lookup-status is-${status.kind}`} role="status" data-testid="lookup-status">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
