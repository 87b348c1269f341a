import type { CSSProperties, Ref } from 'react';
import { Link } from 'wouter';
import type { DocumentFamily } from '../../../shared/corpus/library';
import type { DocumentSummary } from '../../../shared/model/document';
import { DocumentRow } from '../components/DocumentRow';
import { languageName } from '../format';
import { t, translator } from '../../../shared/i18n/current';

interface Props {
  family: DocumentFamily;
  fresh: boolean;
  actions: (doc: DocumentSummary) => { onEdit: () => void; onRemove: () => void };
  /** Where a virtualised list puts the card, and how it measures it. */
  style?: CSSProperties;
  index?: number;
  measure?: Ref<HTMLLIElement>;
}

/** One card of the library: a document alone, or an original with its translations and the ways to read them together. */
export function FamilyCard({ family, fresh, actions, style, index, measure }: Props) {
  const position = { style, 'data-index': index, ref: measure };
  if (family.translations.length === 0) {
    return (
      <li {...position} className={`card${fresh ? ' card-fresh' : ''}`} data-testid="library-item">
        <DocumentRow doc={family.original} {...actions(family.original)} />
      </li>
    );
  }
  const readable = family.translations.filter((d) => !d.problem);
  return (
    <li {...position} className={`card card-family${fresh ? ' card-fresh' : ''}`} data-testid="library-pair">
      <div className="family-head">
        <p className="family-label">{t('library.family', { language: languageName(family.original.language), count: family.translations.length })}</p>
        {family.original.problem
          ? null
          : readable.map((d) => {
              // A translation of a translation reads beside the text it was made from.
              const from = [family.original, ...family.translations].find((o) => o.id === d.translationOf) ?? family.original;
              const label = from === family.original ? languageName(d.language) : `${languageName(from.language)}–${languageName(d.language)}`;
              return (
                <Link key={d.id} href={`/parallel/${encodeURIComponent(from.id)}/${encodeURIComponent(d.id)}`} className="button button-accent" data-testid="open-parallel">
                  {family.translations.length > 1 ? translator().t('library.sideBySidePair', { pair: label }) : translator().t('library.sideBySide')}
                </Link>
              );
            })}
        {readable.length >= 2 && !family.original.problem ? (
          <Link href={`/parallel/${[family.original, ...readable.slice(0, 2)].map((d) => encodeURIComponent(d.id)).join('/')}`} className="button" data-testid="open-three">
            {t('library.three')}
          </Link>
        ) : null}
      </div>
      <DocumentRow doc={family.original} {...actions(family.original)} />
      {family.translations.map((d) => (
        <DocumentRow key={d.id} doc={d} isTranslation {...actions(d)} />
      ))}
    </li>
  );
}
