import { useEffect, useMemo, useState } from 'react';
import { isMine } from '../../../shared/annotations/people';
import { foldForSearch } from '../../../shared/corpus/library';
import type { AnchoredAnnotation } from '../../../shared/model/annotation';
import { useAnnotations } from '../state/annotations';
import { Markdown } from './Markdown';
import { t } from '../../../shared/i18n/current';

/** Scrolls a highlight into view, flashes it and opens its editor. */
export function revealAnnotation(id: string): boolean {
  const mark = document.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(id)}"]`);
  if (!mark) return false;
  mark.scrollIntoView({ block: 'center' });
  mark.classList.add('hl-flash');
  setTimeout(() => mark.classList.remove('hl-flash'), 1600);
  const box = mark.getBoundingClientRect();
  useAnnotations.getState().openEditor(id, box.left, box.bottom, box.top);
  return true;
}

export function matchesText(annotation: AnchoredAnnotation, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const haystack = foldForSearch(`${annotation.target.quote.exact} ${annotation.note} ${annotation.tags.join(' ')}`);
  return words.every((w) => haystack.includes(w));
}

/** `person`: who made it, shown in a reading group. `replies`: how many replies it has. */
export function AnnotationCard({ annotation, onOpen, person, replies = 0 }: { annotation: AnchoredAnnotation; onOpen: () => void; person?: string; replies?: number }) {
  return (
    <button type="button" className={`note-card note-${annotation.colour}`} onClick={onOpen} data-testid="note-card">
      {person || replies ? (
        <span className="note-person" data-testid="note-person">
          {[person ? t('annotation.by', { name: person }) : '', replies ? t('hub.replyCount', { count: replies }) : ''].filter(Boolean).join(' · ')}
        </span>
      ) : null}
      <span className="note-quote">{annotation.target.quote.exact}</span>
      {annotation.tags.length ? (
        <span className="note-tags">
          {annotation.tags.map((t) => (
            <span key={t} className="tag-chip small">
              {t}
            </span>
          ))}
        </span>
      ) : null}
      {annotation.note.trim() ? <Markdown source={annotation.note} className="note-body" /> : null}
    </button>
  );
}

/** The open document's annotations in reading order, with a filter, and the ones that lost their place. */
export function NotesPanel({ annotations, goTo }: { annotations: AnchoredAnnotation[]; goTo: (offset: number) => Promise<void> }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => annotations.filter((a) => matchesText(a, query)), [annotations, query]);
  const me = useAnnotations((s) => s.me);
  useEffect(() => void useAnnotations.getState().loadMe(), []);
  const withReplies = useAnnotations((s) => (annotations[0] ? s.byDocument[annotations[0].documentId] : undefined));
  const replyCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of withReplies ?? []) if (a.replyTo) counts.set(a.replyTo, (counts.get(a.replyTo) ?? 0) + 1);
    return counts;
  }, [withReplies]);
  const card = (a: AnchoredAnnotation, onOpen: () => void) => <AnnotationCard annotation={a} person={isMine(a, me) ? undefined : a.creator} replies={replyCounts.get(a.id) ?? 0} onOpen={onOpen} />;
  const placed = shown.filter((a) => a.anchor);
  const orphans = shown.filter((a) => !a.anchor);
  return (
    <aside className="notes-panel" aria-label={t('notes.panel')} data-testid="notes-panel">
      <h2>
        {t('notes.title')} <span className="count">{annotations.length}</span>
      </h2>
      <input type="search" placeholder={t('notes.filter')} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('notes.filterLabel')} />
      {annotations.length === 0 ? <p className="panel-empty">{t('notes.empty')}</p> : null}
      <ul>
        {placed.map((a) => (
          <li key={a.id}>
            {card(a, () => void goTo(a.anchor!.start).then(() => requestAnimationFrame(() => revealAnnotation(a.id))))}
          </li>
        ))}
      </ul>
      {orphans.length ? (
        <section className="orphans" aria-label={t('notes.orphans')}>
          <h3>{t('notes.notFound', { count: orphans.length })}</h3>
          <p className="panel-empty">{t('notes.orphansHelp')}</p>
          <ul>
            {orphans.map((a) => (
              <li key={a.id}>
                {card(a, () => useAnnotations.getState().openEditor(a.id, window.innerWidth - 700, 120))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
