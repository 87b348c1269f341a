import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { byPerson, isMine, peopleOf, threads, type Person, type Thread } from '../../../shared/annotations/people';
import { tagCounts } from '../../../shared/annotations/tags';
import { MAX_IMPORT_BYTES, type AnchoredAnnotation, type Colour, type ExportFormat } from '../../../shared/model/annotation';
import { ColourSwatches } from '../annotations/ColourSwatches';
import { download } from '../annotations/download';
import { AnnotationCard, matchesText } from '../annotations/NotesPanel';
import { Replies, ReplyBox } from '../annotations/Thread';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useAnnotations } from '../state/annotations';
import { useAppStore } from '../state/store';
import { ConflictsPanel } from '../sync/ConflictsPanel';
import { t } from '../../../shared/i18n/current';
import './AnnotationsScreen.css';

type Tab = 'all' | 'orphans' | 'tags';
/**
 * Threads shown at first and added by "Show more": all of 100,000 in the page took 91 s to lay out
 * and froze it, and clearing the search box froze it again.
 */
const HUB_PAGE = 200;
type Sort = 'reading' | 'newest' | 'edited';

const formats: Array<{ format: ExportFormat; label: string }> = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'w3c', label: 'W3C JSON-LD' },
];

function sortAnnotations(list: AnchoredAnnotation[], sort: Sort, order: Map<string, number>): AnchoredAnnotation[] {
  const sorted = [...list];
  if (sort === 'newest') sorted.sort((a, b) => b.created.localeCompare(a.created));
  else if (sort === 'edited') sorted.sort((a, b) => b.modified.localeCompare(a.modified));
  else sorted.sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || (a.anchor?.start ?? a.target.position.start) - (b.anchor?.start ?? b.target.position.start));
  return sorted;
}

function TagManager({ annotations }: { annotations: AnchoredAnnotation[] }) {
  const tags = useMemo(() => tagCounts(annotations), [annotations]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const { renameTag, deleteTag } = useAnnotations.getState();
  if (tags.length === 0) return <p className="panel-empty">{t('hub.noTags')}</p>;
  const merging = renaming && tags.find((t) => t.tag.toLowerCase() === draft.trim().toLowerCase() && t.tag.toLowerCase() !== renaming.toLowerCase());
  return (
    <table className="tag-table" data-testid="tag-manager">
      <thead>
        <tr>
          <th>{t('hub.tag')}</th>
          <th>{t('hub.highlights')}</th>
          <th>
            <span className="visually-hidden">{t('hub.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tags.map(({ tag, count }) => (
          <tr key={tag} data-testid="tag-row">
            <td>
              {renaming === tag ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (draft.trim() && draft.trim() !== tag) void renameTag(tag, draft.trim());
                    setRenaming(null);
                  }}
                >
                  <input autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('hub.newName', { tag })} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} />
                  <button type="submit" className="button">
                    {merging ? t('hub.mergeInto', { tag: merging.tag }) : t('hub.rename')}
                  </button>
                </form>
              ) : (
                <span className="tag-chip">{tag}</span>
              )}
            </td>
            <td className="numeric">{count}</td>
            <td className="actions">
              {renaming === tag ? null : (
                <>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      setRenaming(tag);
                      setDraft(tag);
                    }}
                  >
                    {t('hub.renameOrMerge')}
                  </button>
                  <button type="button" className="button-quiet danger" onClick={() => void deleteTag(tag)}>
                    {t('common.delete')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A person in the filter's value: '' for everyone, ME for this person, else the creator's name. */
const ME = '\u0000me';
const personKey = (p: Person) => (p.mine ? ME : p.name);

/** One annotation with its replies, or the replies left when it was deleted; replying opens a box under them. */
function HubThread({ thread, me, label, onOpen }: { thread: Thread<AnchoredAnnotation>; me: string; label: string; onOpen: () => void }) {
  const [replying, setReplying] = useState(false);
  const { root, replies } = thread;
  const first = root ?? replies[0]!;
  return (
    <li className="hub-thread" data-testid="hub-thread">
      <p className="hub-doc">
        {label}
        {first.anchor ? null : <span className="orphan-label"> · {t('hub.passageNotFound')}</span>}
      </p>
      {root ? (
        <AnnotationCard annotation={root} person={isMine(root, me) ? undefined : root.creator} replies={replies.length} onOpen={onOpen} />
      ) : (
        <div className="thread-gone" data-testid="thread-gone">
          <span>{t('annotation.parentDeleted')}</span>
          <span className="note-quote">{first.target.quote.exact}</span>
        </div>
      )}
      <Replies replies={replies} />
      {replying ? (
        <ReplyBox to={root?.id ?? first.id} autoFocus onDone={() => setReplying(false)} />
      ) : (
        <button type="button" className="button-quiet hub-reply-toggle" onClick={() => setReplying(true)}>
          {t('annotation.reply')}
        </button>
      )}
    </li>
  );
}

/** Every highlight and note across the corpus: filter, sort, jump to the passage, manage tags, export and import. */
export function AnnotationsScreen() {
  useDocumentTitle(t('notes.title'));
  const all = useAnnotations((s) => s.all);
  const loadAll = useAnnotations((s) => s.loadAll);
  const me = useAnnotations((s) => s.me);
  const documents = useAppStore((s) => s.documents) ?? [];
  const [, navigate] = useLocation();
  const [tab, setTab] = useState<Tab>('all');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [colourFilter, setColourFilter] = useState<Colour | ''>('');
  const [documentId, setDocumentId] = useState('');
  const [person, setPerson] = useState('');
  const [sort, setSort] = useState<Sort>('reading');
  const [limit, setLimit] = useState(HUB_PAGE);
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => void loadAll(), [loadAll]);
  useEffect(() => void useAnnotations.getState().loadMe(), []);

  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const order = useMemo(() => new Map(documents.map((d, k) => [d.id, k])), [documents]);
  const list = all ?? [];
  const people = useMemo(() => peopleOf(list, me), [list, me]);
  const chosen = people.find((p) => personKey(p) === person) ?? null;
  const everyThread = useMemo(() => threads(sortAnnotations(list, sort, order)), [list, sort, order]);
  const orphans = useMemo(() => everyThread.filter((th) => !(th.root ?? th.replies[0]!).anchor), [everyThread]);
  // A thread is shown when its annotation or one of its replies passes every filter.
  const shown = useMemo(() => {
    const matches = (a: AnchoredAnnotation) =>
      matchesText(a, query) &&
      (!tag || a.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) &&
      (!colourFilter || a.colour === colourFilter) &&
      (!documentId || a.documentId === documentId) &&
      byPerson(a, chosen, me);
    return (tab === 'orphans' ? orphans : everyThread).filter((th) => (th.root && matches(th.root)) || th.replies.some(matches));
  }, [everyThread, orphans, tab, query, tag, colourFilter, documentId, chosen, me]);
  // Other filters or another order start again from the first page.
  useEffect(() => setLimit(HUB_PAGE), [tab, query, tag, colourFilter, documentId, person, sort]);

  const exportAs = async (format: ExportFormat) => {
    try {
      download(await useAnnotations.getState().exportFile(format, documentId || undefined));
    } catch (error) {
      setStatus(t('hub.exportFailed', { reason: (error as Error).message }));
    }
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus(t('hub.tooLarge', { name: file.name, size: Math.round(file.size / 1048576), limit: MAX_IMPORT_BYTES / 1048576 }));
      return;
    }
    try {
      const result = await useAnnotations.getState().importFile(await file.text());
      setStatus(t('hub.imported', { name: file.name, added: result.added, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped ?? 0 }));
    } catch (error) {
      setStatus(t('hub.notImported', { name: file.name, reason: (error as Error).message }));
    }
  };

  return (
    <div className="hub">
      <header className="reader-toolbar">
        <BackToLibrary />
        <span className="toolbar-title">{t('notes.title')}</span>
        <span className="hub-export" role="group" aria-label={t('hub.export')}>
          {t('hub.exportColon')}
          {formats.map(({ format, label }) => (
            <button key={format} type="button" className="button-quiet" onClick={() => void exportAs(format)} data-testid={`export-${format}`}>
              {label}
            </button>
          ))}
        </span>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t('hub.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </header>
      <main className="hub-main">
        {status ? (
          <p className="hub-status" role="status" data-testid="hub-status">
            {status}
          </p>
        ) : null}
        <ConflictsPanel />
        <div className="hub-tabs" role="tablist">
          {(
            [
              ['all', t('hub.all', { count: everyThread.length })],
              ['orphans', t('hub.orphans', { count: orphans.length })],
              ['tags', t('hub.tags')],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
              {label}
            </button>
          ))}
        </div>
        {tab === 'tags' ? (
          <TagManager annotations={list} />
        ) : (
          <>
            <div className="hub-filters">
              <input type="search" placeholder={t('hub.search')} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('hub.searchLabel')} />
              <select value={tag} onChange={(e) => setTag(e.target.value)} aria-label={t('hub.tag')}>
                <option value="">{t('hub.allTags')}</option>
                {tagCounts(list).map((t) => (
                  <option key={t.tag} value={t.tag}>
                    {t.tag} ({t.count})
                  </option>
                ))}
              </select>
              <select value={documentId} onChange={(e) => setDocumentId(e.target.value)} aria-label={t('hub.document')}>
                <option value="">{t('hub.allDocuments')}</option>
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.language.toUpperCase()} · {d.title}
                  </option>
                ))}
              </select>
              {people.length > 1 || people.some((p) => !p.mine) ? (
                <select value={chosen ? person : ''} onChange={(e) => setPerson(e.target.value)} aria-label={t('hub.person')} data-testid="person-filter">
                  <option value="">{t('hub.everyone')}</option>
                  {people.map((p) => (
                    <option key={personKey(p)} value={personKey(p)}>
                      {p.mine ? t('hub.me') : p.name} ({p.count})
                    </option>
                  ))}
                </select>
              ) : null}
              <select value={sort} onChange={(e) => setSort(e.target.value as Sort)} aria-label={t('hub.sort')}>
                <option value="reading">{t('hub.readingOrder')}</option>
                <option value="newest">{t('hub.newest')}</option>
                <option value="edited">{t('hub.edited')}</option>
              </select>
              <ColourSwatches
                value={colourFilter}
                groupLabel={t('hub.colourFilter')}
                label={(_, colour) => t('hub.onlyColour', { colour })}
                onPick={(c) => setColourFilter(colourFilter === c ? '' : c)}
              />
            </div>
            {all === null ? <p className="panel-empty">{t('common.loading')}</p> : null}
            {all !== null && shown.length === 0 ? (
              <p className="panel-empty">{list.length === 0 ? t('hub.none') : t('hub.noMatch')}</p>
            ) : null}
            <ul className="hub-list" data-testid="hub-list">
              {shown.slice(0, limit).map((th) => {
                const a = th.root ?? th.replies[0]!;
                return (
                  <HubThread
                    key={th.id}
                    thread={th}
                    me={me}
                    label={titles.get(a.documentId)?.title ?? (a.documentTitle ? t('hub.removedDoc', { title: a.documentTitle }) : t('hub.goneDoc'))}
                    onOpen={() => navigate(th.root ? `/read/${encodeURIComponent(a.documentId)}/a/${a.id}` : `/read/${encodeURIComponent(a.documentId)}`)}
                  />
                );
              })}
            </ul>
            {shown.length > limit ? (
              <div className="hub-more">
                <p className="hub-more-count" data-testid="hub-shown">{t('hub.shownOf', { shown: limit, total: shown.length })}</p>
                <button type="button" className="button-quiet" onClick={() => setLimit((n) => n + HUB_PAGE)} data-testid="hub-show-more">
                  {t('hub.showMore', { count: Math.min(HUB_PAGE, shown.length - limit) })}
                </button>
              </div>
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}
