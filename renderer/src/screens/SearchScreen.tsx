import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { SearchResult } from '../../../shared/model/search';
import { api } from '../api';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Full-text search across the library; a hit opens its document at that paragraph. */
export function SearchScreen({ query }: { query: string }) {
  useDocumentTitle(query ? `Search: ${query}` : 'Search');
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(query);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDraft(query);
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
            navigate(`/search/${encodeURIComponent(draft.trim())}`);
          }}
        >
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder='Words, prefixes or "a phrase"' aria-label="Search all documents" autoFocus data-testid="search-input" />
        </form>
      </header>
      <main className="hub-main">
        {error ? <p className="form-error">{error}</p> : null}
        {result ? (
          <p className="panel-empty" data-testid="search-summary">
            {result.total === 0
              ? `Nothing found for “${query}”.`
              : result.more
                ? `${result.hits.length} passages from the best-matching documents; ${result.documents} ${result.documents === 1 ? 'document contains' : 'documents contain'} every word (${result.ms} ms).`
                : `${result.total} ${result.total === 1 ? 'paragraph' : 'paragraphs'} found in ${result.ms} ms.`}
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
