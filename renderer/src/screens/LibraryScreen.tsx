import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { filterFamilies, groupFamilies, languagesOf } from '../../../shared/corpus/library';
import { DocumentRow } from '../components/DocumentRow';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { useAppStore } from '../state/store';

export function LibraryScreen() {
  useDocumentTitle(null);
  const documents = useAppStore((s) => s.documents);
  const [query, setQuery] = useState('');
  const [language, setLanguage] = useState('');

  const families = useMemo(() => groupFamilies(documents ?? []), [documents]);
  const visible = useMemo(() => filterFamilies(families, { query, language }), [families, query, language]);
  const languages = useMemo(() => languagesOf(documents ?? []), [documents]);

  return (
    <div className="library">
      <header className="library-header">
        <div>
          <h1 className="wordmark">Facing</h1>
          <p className="tagline">Read a text and its translation side by side.</p>
        </div>
        <Link href="/annotations" className="button" data-testid="open-hub">
          Highlights and notes
        </Link>
      </header>

      <div className="library-tools" role="search">
        <label className="search-field">
          <span className="visually-hidden">Filter by title</span>
          <input
            type="search"
            placeholder="Filter by title"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="title-filter"
          />
        </label>
        <div className="chips" role="radiogroup" aria-label="Language">
          <button type="button" role="radio" aria-checked={language === ''} className="chip" onClick={() => setLanguage('')}>
            All <span className="chip-count">{documents?.length ?? 0}</span>
          </button>
          {languages.map(({ language: tag, count }) => (
            <button
              key={tag}
              type="button"
              role="radio"
              aria-checked={language === tag}
              className="chip"
              onClick={() => setLanguage(tag)}
              data-testid={`language-${tag}`}
            >
              {languageName(tag)} <span className="chip-count">{count}</span>
            </button>
          ))}
        </div>
      </div>

      {documents === null ? (
        <p className="library-empty">Loading your library…</p>
      ) : visible.length === 0 ? (
        <div className="library-empty">
          <p>No document matches{query ? ` “${query}”` : ''}{language ? ` in ${languageName(language)}` : ''}.</p>
          <button type="button" className="button" onClick={() => (setQuery(''), setLanguage(''))}>
            Show all documents
          </button>
        </div>
      ) : (
        <ul className="library-list" data-testid="library-list">
          {visible.map((family) =>
            family.translations.length === 0 ? (
              <li key={family.original.id} className="card" data-testid="library-item">
                <DocumentRow doc={family.original} />
              </li>
            ) : (
              <li key={family.original.id} className="card card-family" data-testid="library-pair">
                <div className="family-head">
                  <p className="family-label">
                    {languageName(family.original.language)} original · {family.translations.length}{' '}
                    {family.translations.length === 1 ? 'translation' : 'translations'}
                  </p>
                  {family.translations
                    .filter((t) => !t.problem && !family.original.problem)
                    .map((t) => (
                      <Link key={t.id} href={`/parallel/${encodeURIComponent(family.original.id)}/${encodeURIComponent(t.id)}`} className="button button-accent" data-testid="open-parallel">
                        Read side by side{family.translations.length > 1 ? ` (${t.language.toUpperCase()})` : ''}
                      </Link>
                    ))}
                  {family.translations.filter((t) => !t.problem).length >= 2 && !family.original.problem ? (
                    <Link
                      href={`/parallel/${[family.original, ...family.translations.filter((t) => !t.problem).slice(0, 2)].map((d) => encodeURIComponent(d.id)).join('/')}`}
                      className="button"
                      data-testid="open-three"
                    >
                      Three side by side
                    </Link>
                  ) : null}
                </div>
                <DocumentRow doc={family.original} />
                {family.translations.map((t) => (
                  <DocumentRow key={t.id} doc={t} isTranslation />
                ))}
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
