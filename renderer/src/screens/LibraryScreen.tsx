import { useEffect, useMemo, useRef, useState } from 'react';
import { SyncIndicator } from '../sync/SyncIndicator';
import { Link, useLocation } from 'wouter';
import type { DocumentSummary } from '../../../shared/model/document';
import { EditDocumentDialog, RemoveDocumentDialog } from '../library/DocumentDialogs';
import { ImportPanel, REPORT_SLOT } from '../library/ImportPanel';
import { filterFamilies, groupFamilies, languagesOf, sortFamilies, type LibrarySort } from '../../../shared/corpus/library';
import { DocumentRow } from '../components/DocumentRow';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { useAppStore } from '../state/store';
import './LibraryScreen.css';
import { t, translator } from '../../../shared/i18n/current';

/** Families rendered at first; more as the list is scrolled (a library of thousands paints at once). */
const PAGE = 60;

export function LibraryScreen() {
  useDocumentTitle(null);
  const documents = useAppStore((s) => s.documents);
  const refresh = useAppStore((s) => s.refreshDocuments);
  // Reading positions and "last opened" change while reading; show them fresh on return.
  useEffect(() => void refresh(), [refresh]);
  const [query, setQuery] = useState('');
  const [language, setLanguage] = useState('');
  const [sort, setSort] = useState<LibrarySort>('library');
  const [editing, setEditing] = useState<{ doc: DocumentSummary; action: 'edit' | 'remove' } | null>(null);
  const [search, setSearch] = useState('');
  const [, navigate] = useLocation();
  const [shown, setShown] = useState(PAGE);
  const [fresh, setFresh] = useState<string[]>([]);
  const more = useRef<HTMLLIElement>(null);

  const families = useMemo(() => groupFamilies(documents ?? []), [documents]);
  const visible = useMemo(() => sortFamilies(filterFamilies(families, { query, language }), sort), [families, query, language, sort]);
  const recent = useMemo(
    () =>
      (documents ?? [])
        .filter((d) => d.reading?.opened && !d.problem)
        .sort((a, b) => b.reading!.opened!.localeCompare(a.reading!.opened!))
        .slice(0, 4),
    [documents],
  );
  const actions = (doc: DocumentSummary) => ({ onEdit: () => setEditing({ doc, action: 'edit' }), onRemove: () => setEditing({ doc, action: 'remove' }) });
  const languages = useMemo(() => languagesOf(documents ?? []), [documents]);
  const familyOf = (id: string) => visible.findIndex((f) => f.original.id === id || f.translations.some((t) => t.id === id));

  // Newly imported documents: make sure they are rendered, then bring the first into view, marked.
  useEffect(() => {
    if (!fresh.length) return;
    const at = familyOf(fresh[0]!);
    if (at >= shown) return setShown(at + 1);
    document.querySelector(`[data-document-id="${CSS.escape(fresh[0]!)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const timer = setTimeout(() => setFresh([]), 4000);
    return () => clearTimeout(timer);
    // familyOf reads `visible`, which is a dependency.
  }, [fresh, visible, shown]);

  // Rendering more when the end of what is rendered comes into view.
  useEffect(() => {
    const end = more.current;
    if (!end) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown((n) => n + PAGE), { rootMargin: '600px' });
    observer.observe(end);
    return () => observer.disconnect();
  }, [visible, shown]);

  return (
    <div className="library">
      <header className="library-header">
        <div>
          <h1 className="wordmark">Facing</h1>
          <p className="tagline">{t('library.tagline')}</p>
        </div>
        <div className="library-actions">
          <form
            role="search"
            className="corpus-search"
            onSubmit={(e) => {
              e.preventDefault();
              if (search.trim()) navigate(`/search/${encodeURIComponent(search.trim())}`);
            }}
          >
            <input type="search" placeholder={t('library.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} aria-label={t('library.search')} data-testid="corpus-search" />
          </form>
          <ImportPanel onImported={setFresh} />
          <Link href="/annotations" className="button" data-testid="open-hub">
            {t('library.hub')}
          </Link>
          <Link href="/settings/backups" className="button-quiet" data-testid="open-backups">
            {t('library.backups')}
          </Link>
          <Link href="/dictionaries" className="button-quiet" data-testid="open-dictionaries">
            {t('library.dictionaries')}
          </Link>
          <SyncIndicator />
        </div>
      </header>
      <div id={REPORT_SLOT} />

      {recent.length ? (
        <nav className="recent" aria-label={t('library.continue')}>
          <span className="recent-label">{t('library.continue')}</span>
          {recent.map((d) => (
            <Link key={d.id} href={`/read/${encodeURIComponent(d.id)}`} className="recent-item" title={d.title}>
              <span className="lang-badge">{d.language.toUpperCase()}</span>
              <span className="recent-title">{d.title}</span>
            </Link>
          ))}
        </nav>
      ) : null}

      <div className="library-tools">
        <label className="search-field">
          <span className="visually-hidden">{t('library.filter')}</span>
          <input
            type="search"
            placeholder={t('library.filter')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="title-filter"
          />
        </label>
        <div className="chips" role="radiogroup" aria-label={t('library.language')}>
          <button type="button" role="radio" aria-checked={language === ''} className="chip" onClick={() => setLanguage('')}>
            {t('library.all')} <span className="chip-count">{documents?.length ?? 0}</span>
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
        <select value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)} aria-label={t('library.sortBy')} data-testid="library-sort">
          <option value="library">{t('library.sortLibrary')}</option>
          <option value="title">{t('library.sortTitle')}</option>
          <option value="language">{t('library.sortLanguage')}</option>
          <option value="added">{t('library.sortAdded')}</option>
          <option value="read">{t('library.sortRead')}</option>
        </select>
      </div>

      {documents === null ? (
        <p className="library-empty">{t('library.loading')}</p>
      ) : visible.length === 0 ? (
        <div className="library-empty">
          <p>{t('library.noMatch', { query: query || 'none', language: language ? languageName(language) : 'none' })}</p>
          <button type="button" className="button" onClick={() => (setQuery(''), setLanguage(''))}>
            {t('library.showAll')}
          </button>
        </div>
      ) : (
        <ul className="library-list" data-testid="library-list">
          {visible.slice(0, shown).map((family) => {
            const isFresh = [family.original, ...family.translations].some((d) => fresh.includes(d.id));
            return family.translations.length === 0 ? (
              <li key={family.original.id} className={`card${isFresh ? ' card-fresh' : ''}`} data-testid="library-item">
                <DocumentRow doc={family.original} {...actions(family.original)} />
              </li>
            ) : (
              <li key={family.original.id} className={`card card-family${isFresh ? ' card-fresh' : ''}`} data-testid="library-pair">
                <div className="family-head">
                  <p className="family-label">
                    {t('library.family', { language: languageName(family.original.language), count: family.translations.length })}
                  </p>
                  {family.translations
                    .filter((t) => !t.problem && !family.original.problem)
                    .map((t) => {
                      // A translation of a translation reads beside the text it was made from.
                      const from = [family.original, ...family.translations].find((d) => d.id === t.translationOf) ?? family.original;
                      const label = from === family.original ? t.language.toUpperCase() : `${from.language.toUpperCase()}–${t.language.toUpperCase()}`;
                      return (
                        <Link key={t.id} href={`/parallel/${encodeURIComponent(from.id)}/${encodeURIComponent(t.id)}`} className="button button-accent" data-testid="open-parallel">
                          {family.translations.length > 1 ? translator().t('library.sideBySidePair', { pair: label }) : translator().t('library.sideBySide')}
                        </Link>
                      );
                    })}
                  {family.translations.filter((t) => !t.problem).length >= 2 && !family.original.problem ? (
                    <Link
                      href={`/parallel/${[family.original, ...family.translations.filter((t) => !t.problem).slice(0, 2)].map((d) => encodeURIComponent(d.id)).join('/')}`}
                      className="button"
                      data-testid="open-three"
                    >
                      {t('library.three')}
                    </Link>
                  ) : null}
                </div>
                <DocumentRow doc={family.original} {...actions(family.original)} />
                {family.translations.map((t) => (
                  <DocumentRow key={t.id} doc={t} isTranslation {...actions(t)} />
                ))}
              </li>
            );
          })}
          {visible.length > shown ? (
            <li ref={more} className="library-more">
              <button type="button" className="button-quiet" onClick={() => setShown((n) => n + PAGE * 5)}>
                {t('library.more', { count: translator().number(visible.length - shown) })}
              </button>
            </li>
          ) : null}
        </ul>
      )}
      {editing?.action === 'edit' ? <EditDocumentDialog doc={editing.doc} onClose={() => setEditing(null)} /> : null}
      {editing?.action === 'remove' ? <RemoveDocumentDialog doc={editing.doc} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
