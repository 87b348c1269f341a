import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { SearchResult } from '../../../shared/model/search';
import { api } from '../api';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import './SearchScreen.css';
import { t } from '../../../shared/i18n/current';

/** How long typing pauses before the results follow the box. */
const TYPING_PAUSE_MS = 180;

/** Full-text search across the library, as you type; a hit opens its document at that paragraph, marked. */
export function SearchScreen({ query }: { query: string }) {
  useDocumentTitle(query ? t('search.titleQuery', { query }) : t('search.title'));
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(query);
  /** The query this screen last put in the address, so its own navigation does not reset the box. */
  const sent = useRef(query.trim());
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The address follows the box a moment after typing stops (replacing, so Back leaves the search).
  useEffect(() => {
    if (draft.trim() === query.trim()) return;
    const timer = setTimeout(() => {
      sent.current = draft.trim();
      navigate(`/search/${encodeURIComponent(draft.trim())}`, { replace: true });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, query, navigate]);

  useEffect(() => {
    // The box changes with the address only when the address changed elsewhere (the library's box, Back).
    if (query.trim() !== sent.current) setDraft(query);
    sent.current = query.trim();
    if (!query.trim()) {
      setResult(null);
      return;
    }
    let current = true;
    api.invoke('search:query', { query }).then(
      (r) => current && (setResult(r), setError(null)),
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [query]);

  return (
    <div className="hub">
      <header className="reader-toolbar">
        <BackToLibrary />
        <form
          role="search"
          className="search-page-form"
          onSubmit={(e) => {
            e.preventDefault();
            sent.current = draft.trim();
            navigate(`/search/${encodeURIComponent(draft.trim())}`, { replace: true });
          }}
        >
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('search.label')} autoFocus data-testid="search-input" />
        </form>
      </header>
      <main className="hub-main" aria-busy={draft.trim() !== query.trim()} data-stale={draft.trim() !== query.trim() || undefined}>
        {error ? <p className="form-error">{error}</p> : null}
        {result ? (
          <p className="panel-empty" data-testid="search-summary">
            {result.total === 0
              ? t('search.nothing', { query })
              : result.more
                ? t('search.more', { hits: result.hits.length, documents: result.documents ?? 0, ms: result.ms })
                : t('search.found', { total: result.total, ms: result.ms })}
          </p>
        ) : null}
        <ul className="hub-list" data-testid="search-results">
          {result?.hits.map((hit) => (
            <li key={`${hit.documentId}:${hit.paragraph}`}>
              <p className="hub-doc">
                <span className="lang-badge">{hit.language.toUpperCase()}</span> {hit.title}
              </p>
              <Link href={`/read/${encodeURIComponent(hit.documentId)}/p/${hit.paragraph}`} className="note-card search-hit" data-testid="search-hit">
                <span>
                  {hit.parts.map((part, k) => (part.hit ? <mark key={k}>{part.text}</mark> : <span key={k}>{part.text}</span>))}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
