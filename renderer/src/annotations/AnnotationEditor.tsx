import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isMine, repliesTo } from '../../../shared/annotations/people';
import { tagCounts } from '../../../shared/annotations/tags';
import type { AnchoredAnnotation } from '../../../shared/model/annotation';
import { useAnnotations } from '../state/annotations';
import { ColourSwatches } from './ColourSwatches';
import { readDraft, writeDraft } from './drafts';
import { Markdown } from './Markdown';
import { Replies, ReplyBox, useMayEdit } from './Thread';
import { t } from '../../../shared/i18n/current';
import { placeBeside } from '../dictionaries/usePopupPlace';

function useEditedAnnotation(): AnchoredAnnotation | undefined {
  const id = useAnnotations((s) => s.editing?.id);
  return useAnnotations((s) => (id ? (Object.values(s.byDocument).flat().find((a) => a.id === id) ?? s.all?.find((a) => a.id === id)) : undefined));
}

const NOTE_SAVE_DELAY = 400;

const noReplies: AnchoredAnnotation[] = [];

/**
 * The popover for one annotation: colour, tags (with suggestions from all tags in use) and a Markdown
 * note, then its replies and a box to reply. Another person's annotation is shown read-only, with why,
 * unless Settings lets this person edit it.
 */
export function AnnotationEditor({ extras }: { extras?: ReactNode }) {
  const editing = useAnnotations((s) => s.editing);
  const annotation = useEditedAnnotation();
  const all = useAnnotations((s) => s.all);
  const { update, remove, closeEditor, loadAll, setDraft, saveDraft } = useAnnotations.getState();
  const [tagDraft, setTagDraft] = useState('');
  const restored = annotation ? readDraft(annotation.id) : null;
  const [note, setNote] = useState(restored !== null && restored !== annotation?.note ? restored : (annotation?.note ?? ''));
  const [recovered] = useState(restored !== null && restored !== annotation?.note);
  const [preview, setPreview] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const pendingNote = useRef<ReturnType<typeof setTimeout> | null>(null);
  /**
   * Tags changed here and not yet back from the store: a second tag entered before the first is
   * saved builds on it (both were built on the tags shown, so the second save dropped the first).
   */
  const pendingTags = useRef<{ id: string; tags: string[] } | null>(null);
  const suggestions = useMemo(() => tagCounts(all ?? []).map((t) => t.tag), [all]);
  const me = useAnnotations((s) => s.me);
  const editable = useMayEdit(annotation);
  const near = useAnnotations((s) => (annotation ? (s.byDocument[annotation.documentId] ?? s.all) : null) ?? noReplies);
  const replies = useMemo(() => (annotation ? repliesTo(near, annotation.id) : noReplies), [near, annotation]);

  useEffect(() => void useAnnotations.getState().loadMe(), []);

  useEffect(() => {
    if (!all) void loadAll();
  }, [all, loadAll]);

  // A note recovered after a crash counts as typed, so closing the editor saves it.
  useEffect(() => {
    if (annotation && recovered) setDraft(annotation.id, note);
  }, []);

  const cancelTimer = () => {
    if (pendingNote.current) clearTimeout(pendingNote.current);
    pendingNote.current = null;
  };
  useEffect(
    () => () => {
      cancelTimer();
      void useAnnotations.getState().saveDraft();
    },
    [],
  );
  const close = () => {
    cancelTimer();
    void closeEditor();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onDown = (event: MouseEvent) => {
      if (panel.current && !panel.current.contains(event.target as Node) && !(event.target as Element).closest?.('mark, dialog')) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  });

  // Its height decides whether it goes below the highlighted words or above them.
  const [height, setHeight] = useState(360);
  useLayoutEffect(() => {
    const natural = panel.current?.scrollHeight;
    if (natural && natural !== height) setHeight(natural);
  });

  if (!editing || !annotation) return null;

  const currentTags = () => (pendingTags.current?.id === annotation.id ? pendingTags.current.tags : annotation.tags);
  const saveTags = (tags: string[]) => {
    const pending = { id: annotation.id, tags };
    pendingTags.current = pending;
    void update(annotation.id, { tags }).finally(() => {
      if (pendingTags.current === pending) pendingTags.current = null;
    });
  };
  const addTag = (raw: string) => {
    const tag = raw.replace(/,/g, ' ').trim();
    setTagDraft('');
    const tags = currentTags();
    if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) saveTags([...tags, tag]);
  };

  const width = 340;
  const words = { left: editing.x, right: editing.x, top: editing.top, bottom: editing.y } as DOMRect;
  const { left, top, maxHeight } = placeBeside(words, { width, height });
  const quote = <p className="editor-quote">“{annotation.target.quote.exact.length > 140 ? `${annotation.target.quote.exact.slice(0, 140)}…` : annotation.target.quote.exact}”</p>;
  const thread = (
    <>
      <Replies replies={replies} />
      <ReplyBox to={annotation.id} />
    </>
  );
  const style = { left, top, width, maxHeight, overflowY: 'auto' as const };

  if (!editable) {
    const name = annotation.creator ?? '';
    return (
      <div className="annotation-editor" role="dialog" aria-label={t('annotation.editor')} ref={panel} style={style} data-testid="annotation-editor">
        <p className="note-person" data-testid="editor-person">
          {t('annotation.by', { name })}
        </p>
        {quote}
        {annotation.tags.length ? (
          <div className="note-tags">
            {annotation.tags.map((tag) => (
              <span key={tag} className="tag-chip" data-testid="tag-chip">
                {tag}
              </span>
            ))}
          </div>
        ) : null}
        {annotation.note.trim() ? <Markdown source={annotation.note} className="note-preview" /> : null}
        <p className="read-only-note" data-testid="read-only-reason">
          {t('annotation.readOnly', { name })}
        </p>
        {thread}
        <div className="editor-actions">
          <span />
          <button type="button" className="button" onClick={close}>
            {t('annotation.done')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="annotation-editor" role="dialog" aria-label={t('annotation.editor')} ref={panel} style={style} data-testid="annotation-editor">
      {isMine(annotation, me) ? null : (
        <p className="note-person" data-testid="editor-person">
          {t('annotation.by', { name: annotation.creator ?? '' })}
        </p>
      )}
      {quote}
      <ColourSwatches value={annotation.colour} onPick={(colour) => void update(annotation.id, { colour })} label={(name) => name} />

      <div className="editor-tags">
        {annotation.tags.map((tag) => (
          <span key={tag} className="tag-chip" data-testid="tag-chip">
            {tag}
            <button type="button" aria-label={t('annotation.removeTag', { tag })} onClick={() => saveTags(currentTags().filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          className="tag-input"
          value={tagDraft}
          list="facing-tag-suggestions"
          placeholder={annotation.tags.length ? t('annotation.addTag') : t('annotation.addTags')}
          aria-label={t('annotation.addATag')}
          onChange={(e) => setTagDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              addTag(tagDraft);
            } else if (e.key === 'Backspace' && !tagDraft && currentTags().length) {
              saveTags(currentTags().slice(0, -1));
            }
          }}
          onBlur={() => tagDraft && addTag(tagDraft)}
        />
        <datalist id="facing-tag-suggestions">
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>

      {recovered ? <p className="editor-recovered">{t('annotation.recovered')}</p> : null}
      <div className="editor-note">
        <div className="note-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={!preview} onClick={() => setPreview(false)}>
            {t('annotation.write')}
          </button>
          <button type="button" role="tab" aria-selected={preview} onClick={() => setPreview(true)} disabled={!note.trim()}>
            {t('annotation.preview')}
          </button>
        </div>
        {preview ? (
          <Markdown source={note} className="note-preview" />
        ) : (
          <textarea
            className="field field-page"
            value={note}
            placeholder={t('annotation.notePlaceholder')}
            aria-label={t('annotation.note')}
            rows={4}
            onChange={(e) => {
              const value = e.target.value;
              setNote(value);
              writeDraft(annotation.id, value);
              setDraft(annotation.id, value);
              cancelTimer();
              pendingNote.current = setTimeout(() => void saveDraft(), NOTE_SAVE_DELAY);
            }}
            onBlur={() => {
              cancelTimer();
              void saveDraft();
            }}
          />
        )}
      </div>

      {thread}
      <div className="editor-actions">
        <button type="button" className="button-quiet danger" onClick={() => void remove(annotation.id)}>
          {t('common.delete')}
        </button>
        {extras}
        <button type="button" className="button" onClick={close}>
          {t('annotation.done')}
        </button>
      </div>
    </div>
  );
}
