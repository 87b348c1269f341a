import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { SearchHit, SearchResult } from '../../../shared/model/search';
import { api } from '../api';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import './SearchScreen.css';
import { t } from '../../../shared/i18n/current';
import { LanguageBadge } from '../components/LanguageBadge';

/** How long typing pauses before the results follow the box. */
const TYPING_PAUSE_MS = 180;
/** Passages asked for at first, and added by "Show more". */
const PAGE = 20;
/** The most the search answers with at once (see the contract). */
const MAX_LIMIT = 200;

/** Hits of one document side by side, in the order the search gave them. */
function byDocument(hits: SearchHit[]): SearchHit[][] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.documentId, [...(groups.get(hit.documentId) ?? []), hit]);
  return [...groups.values()];
}

/** Full-text search across the library, as you type; a hit opens its document at that paragraph, marked. */
export function SearchScreen({ query }: { query: string }) {
  useDocumentTitle(query ? t('search.titleQuery', { query }) : t('search.title'));
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(query);
  /** The query this screen last put in the address, so its own navigation does not reset the box. */
  const sent = useRef(query.trim());
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);

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
    api.invoke('search:query', { query, limit }).then(
      (r) => current && (setResult(r), setError(null)),
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [query, limit]);

  // A new query starts again with one page.
  useEffect(() => setLimit(PAGE), [query]);
  const groups = result ? byDocument(result.hits) : [];

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
            {result.total === 0 && !result.more
              ? t('search.nothing', { query })
              : result.more
                ? t('search.more', { hits: result.hits.length, documents: result.documents ?? 0, ms: result.ms })
                : t('search.found', { total: result.total, documents: groups.length, ms: result.ms })}
          </p>
        ) : null}
        <ul className="hub-list" data-testid="search-results">
          {groups.map((hits) => (
            <li key={hits[0]!.documentId} data-testid="search-document">
              <p className="hub-doc">
                <LanguageBadge tag={hits[0]!.language} /> {hits[0]!.title}
              </p>
              {hits[0]!.partial ? <p className="search-apart">{t('search.apart')}</p> : null}
              <div className="search-passages">
                {hits.map((hit) => (
                  <Link key={hit.paragraph} href={`/read/${encodeURIComponent(hit.documentId)}/p/${hit.paragraph}`} className="note-card search-hit" data-testid="search-hit" data-partial={hit.partial || undefined}>
                    <span>
                      {hit.parts.map((part, k) => (part.hit ? <mark key={k}>{part.text}</mark> : <span key={k}>{part.text}</span>))}
                    </span>
                  </Link>
                ))}
              </div>
            </li>
          ))}
        </ul>
        {result?.more && limit < MAX_LIMIT ? (
          <button type="button" className="button-quiet search-more" onClick={() => setLimit((n) => Math.min(MAX_LIMIT, n + PAGE))} data-testid="search-show-more">
            {t('search.showMore')}
          </button>
        ) : null}
      </main>
    </div>
  );
}
