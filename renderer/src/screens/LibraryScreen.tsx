import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { SyncIndicator } from '../sync/SyncIndicator';
import { Link, useLocation } from 'wouter';
import type { DocumentSummary } from '../../../shared/model/document';
import { EditDocumentDialog, RemoveDocumentDialog } from '../library/DocumentDialogs';
import { ImportPanel, REPORT_SLOT } from '../library/ImportPanel';
import { filterFamilies, groupFamilies, languagesOf, sortFamilies, type LibrarySort } from '../../../shared/corpus/library';
import { FamilyCard } from '../library/FamilyCard';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { languageName } from '../format';
import { useAppStore } from '../state/store';
import './LibraryScreen.css';
import { t } from '../../../shared/i18n/current';
import { LanguageBadge } from '../components/LanguageBadge';

/** Above this many cards only those on (or near) the screen are rendered: a library of thousands paints at once. */
const VIRTUALISE_ABOVE = 120;

export function LibraryScreen() {
  useDocumentTitle(null);
  const documents = useAppStore((s) => s.documents);
  const refresh = useAppStore((s) => s.refreshDocuments);
  // Reading positions and "last opened" change while reading; show them fresh on return. At the start
  // the list is on its way already: a second request for it would hold up the first paint.
  useEffect(() => {
    if (useAppStore.getState().documents) void refresh();
  }, [refresh]);
  const [query, setQuery] = useState('');
  const [language, setLanguage] = useState('');
  const [sort, setSort] = useState<LibrarySort>('library');
  const [editing, setEditing] = useState<{ doc: DocumentSummary; action: 'edit' | 'remove' } | null>(null);
  const [search, setSearch] = useState('');
  const [, navigate] = useLocation();
  const [fresh, setFresh] = useState<string[]>([]);
  const list = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);

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

  const virtual = visible.length > VIRTUALISE_ABOVE;
  const virtualizer = useWindowVirtualizer({
    count: virtual ? visible.length : 0,
    estimateSize: (k) => (visible[k]?.translations.length ? 120 + 60 * visible[k]!.translations.length : 92),
    getItemKey: (k) => visible[k]?.original.id ?? k,
    overscan: 6,
    gap: 12,
    scrollMargin: margin,
  });
  // The list starts below the header, whose height changes (the import report, "Continue reading").
  useLayoutEffect(() => {
    const top = list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - margin) > 1) setMargin(top);
  });

  // Newly imported documents: bring the first into view, marked.
  useEffect(() => {
    if (!fresh.length) return;
    const at = familyOf(fresh[0]!);
    if (virtual && at >= 0) virtualizer.scrollToIndex(at, { align: 'center' });
    else document.querySelector(`[data-document-id="${CSS.escape(fresh[0]!)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const timer = setTimeout(() => setFresh([]), 4000);
    return () => clearTimeout(timer);
    // familyOf reads `visible`, which is a dependency.
  }, [fresh, visible]);

  const isFresh = (family: (typeof visible)[number]) => [family.original, ...family.translations].some((d) => fresh.includes(d.id));
  const items = virtual ? virtualizer.getVirtualItems() : [];

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
              <LanguageBadge tag={d.language} />
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
        <ul
          className={`library-list${virtual ? ' library-list-virtual' : ''}`}
          data-testid="library-list"
          ref={list}
          style={virtual ? { height: virtualizer.getTotalSize() } : undefined}
        >
          {virtual
            ? items.map((item) => (
                <FamilyCard
                  key={item.key}
                  family={visible[item.index]!}
                  fresh={isFresh(visible[item.index]!)}
                  actions={actions}
                  index={item.index}
                  measure={virtualizer.measureElement}
                  style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
                />
              ))
            : visible.map((family) => <FamilyCard key={family.original.id} family={family} fresh={isFresh(family)} actions={actions} />)}
        </ul>
      )}
      {editing?.action === 'edit' ? <EditDocumentDialog doc={editing.doc} onClose={() => setEditing(null)} /> : null}
      {editing?.action === 'remove' ? <RemoveDocumentDialog doc={editing.doc} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
