import { useMemo, useState } from 'react';
import type { DictionaryEntry } from '../../../shared/dictionary/model';
import { translationsIn } from '../../../shared/dictionary/translations';
import { languageName } from '../format';
import { displayHeadword, matchLabel } from './matchLabel';
import { t } from '../../../shared/i18n/current';

interface Props {
  entry: DictionaryEntry;
  word: string;
  /** The dictionary's target language, when known: the glossary the word can go to. */
  to?: string;
  onCopy(entry: DictionaryEntry): void;
  onHighlight(entry: DictionaryEntry): void;
  onGlossary(entry: DictionaryEntry, translation: string): void;
}

/** One dictionary entry in the lookup popup, with what can be done with it. */
export function LookupEntry({ entry, word, to, onCopy, onHighlight, onGlossary }: Props) {
  const label = matchLabel(entry, word);
  const translations = useMemo(() => translationsIn(entry.definition).slice(0, 12), [entry.definition]);
  const [chosen, setChosen] = useState(translations[0] ?? '');
  return (
    <li className="lookup-entry" data-testid="lookup-entry">
      <div className="lookup-entry-head">
        <span className="lookup-headword">{displayHeadword(entry)}</span>
        {label ? <span className="lookup-match">{label}</span> : null}
        <span className="lookup-source">{entry.dictionaryName}</span>
      </div>
      <p className="lookup-definition">{entry.definition}</p>
      <div className="lookup-actions">
        <button type="button" className="button-quiet" onClick={() => onCopy(entry)}>
          {t('lookup.copy')}
        </button>
        <button type="button" className="button-quiet" onClick={() => onHighlight(entry)} data-testid="lookup-highlight">
          {t('lookup.addHighlight')}
        </button>
        {to && translations.length > 0 ? (
          <span className="lookup-glossary">
            <select value={chosen} onChange={(e) => setChosen(e.target.value)} aria-label={t('lookup.glossaryChoice', { language: languageName(to) })}>
              {translations.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <button type="button" className="button-quiet" onClick={() => onGlossary(entry, chosen)} data-testid="lookup-glossary">
              {t('lookup.addGlossary')}
            </button>
          </span>
        ) : null}
      </div>
    </li>
  );
}
