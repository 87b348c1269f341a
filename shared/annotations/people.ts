import type { Annotation } from '../model/annotation';

/**
 * Reading groups: whose an annotation is, who may change it, and replies gathered into threads.
 * A person is known by the name they sync under (Settings → Sync), the same on each of their
 * computers. An annotation without a creator was made here before sync, so it counts as one's own.
 */

/** Whether the annotation is this person's: no creator, or the name they sync under (`me`, '' for none). */
export function isMine(annotation: Pick<Annotation, 'creator'>, me: string): boolean {
  return !annotation.creator || annotation.creator === me.trim();
}

export function mayEdit(annotation: Pick<Annotation, 'creator'>, me: string, editOthers: boolean): boolean {
  return editOthers || isMine(annotation, me);
}

export interface Person {
  /** The creator name; '' for this person. */
  name: string;
  mine: boolean;
  count: number;
}

/** The people whose annotations (replies included) are in the list: this person first, then by name. */
export function peopleOf(annotations: readonly Annotation[], me: string): Person[] {
  let own = 0;
  const others = new Map<string, number>();
  for (const a of annotations) {
    if (isMine(a, me)) own++;
    else others.set(a.creator!, (others.get(a.creator!) ?? 0) + 1);
  }
  const list = [...others].map(([name, count]) => ({ name, mine: false, count })).sort((a, b) => a.name.localeCompare(b.name));
  return own ? [{ name: '', mine: true, count: own }, ...list] : list;
}

/** Whether the person picked in a filter ('' for everyone, `mine` for this person, else a creator name) wrote it. */
export function byPerson(annotation: Pick<Annotation, 'creator'>, person: Person | null, me: string): boolean {
  if (!person) return true;
  return person.mine ? isMine(annotation, me) : annotation.creator === person.name && !isMine(annotation, me);
}

export interface Thread<T extends Annotation> {
  /** The annotation replied to; null when it was deleted and its replies were kept. */
  root: T | null;
  /** The id the replies answer (the root's id, or the deleted annotation's). */
  id: string;
  /** Oldest first. */
  replies: T[];
}

/**
 * Annotations with their replies under them, in the order the annotations came. Replies whose
 * annotation is gone form a thread of their own, placed where their first reply came.
 */
export function threads<T extends Annotation>(annotations: readonly T[]): Thread<T>[] {
  const roots = new Set(annotations.filter((a) => !a.replyTo).map((a) => a.id));
  const byId = new Map<string, Thread<T>>();
  const ordered: Thread<T>[] = [];
  for (const a of annotations) {
    const id = a.replyTo ?? a.id;
    if (byId.has(id) || (a.replyTo && roots.has(a.replyTo))) continue;
    const thread: Thread<T> = { root: a.replyTo ? null : a, id, replies: [] };
    byId.set(id, thread);
    ordered.push(thread);
  }
  for (const a of annotations) if (a.replyTo) byId.get(a.replyTo)!.replies.push(a);
  for (const thread of ordered) thread.replies.sort(oldestFirst);
  return ordered;
}

const oldestFirst = (x: Annotation, y: Annotation) => x.created.localeCompare(y.created) || x.id.localeCompare(y.id);

/** The replies to one annotation, oldest first. */
export function repliesTo<T extends Annotation>(annotations: readonly T[], id: string): T[] {
  return annotations.filter((a) => a.replyTo === id).sort(oldestFirst);
}
