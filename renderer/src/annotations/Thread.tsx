import { useState } from 'react';
import { mayEdit } from '../../../shared/annotations/people';
import type { Annotation } from '../../../shared/model/annotation';
import { translator } from '../../../shared/i18n/current';
import { useAnnotations } from '../state/annotations';
import { useAppStore } from '../state/store';
import { Markdown } from './Markdown';
import { t } from '../../../shared/i18n/current';
import './threads.css';

/** Who wrote it, as the group sees it: "Me" for this person's own. */
export function personName(annotation: { creator?: string }, me: string): string {
  return !annotation.creator || annotation.creator === me.trim() ? t('annotation.me') : annotation.creator;
}

/** Whether this person may change or delete it (their own, or anyone's with the setting on). */
export function useMayEdit(annotation: { creator?: string } | undefined): boolean {
  const me = useAnnotations((s) => s.me);
  const editOthers = useAppStore((s) => s.settings.editOthers);
  return annotation ? mayEdit(annotation, me, editOthers) : false;
}

function ReplyItem({ reply }: { reply: Annotation }) {
  const me = useAnnotations((s) => s.me);
  const editable = useMayEdit(reply);
  const when = translator().date(reply.created, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <li className="reply" data-testid="reply">
      <p className="reply-head">
        <span className="reply-person" data-testid="reply-person">
          {personName(reply, me)}
        </span>
        <span className="reply-time">{when}</span>
        {editable ? (
          <button type="button" className="button-quiet danger reply-delete" onClick={() => void useAnnotations.getState().remove(reply.id)} aria-label={t('annotation.deleteReply')} title={t('annotation.deleteReply')}>
            ×
          </button>
        ) : null}
      </p>
      <Markdown source={reply.note} className="reply-body" />
    </li>
  );
}

/** The replies to an annotation, oldest first. */
export function Replies({ replies }: { replies: Annotation[] }) {
  if (replies.length === 0) return null;
  return (
    <ul className="replies" aria-label={t('annotation.replies')} data-testid="replies">
      {replies.map((r) => (
        <ReplyItem key={r.id} reply={r} />
      ))}
    </ul>
  );
}

/** A reply being written to `to` (an annotation, or a reply in its thread). */
export function ReplyBox({ to, autoFocus = false, onDone }: { to: string; autoFocus?: boolean; onDone?: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!note.trim() || busy) return;
    setBusy(true);
    const sent = await useAnnotations.getState().reply(to, note);
    setBusy(false);
    if (sent) {
      setNote('');
      onDone?.();
    }
  };
  return (
    <form
      className="reply-box"
      data-testid="reply-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        className="field"
        value={note}
        rows={2}
        autoFocus={autoFocus}
        placeholder={t('annotation.replyPlaceholder')}
        aria-label={t('annotation.replyLabel')}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" className="button" disabled={!note.trim() || busy}>
        {t('annotation.reply')}
      </button>
    </form>
  );
}
