import { randomUUID } from 'node:crypto';
import { exportAnnotations, ImportError, inUtf16, readAnnotationFile, type DocumentLabel, type ImportedAnnotation } from '../../shared/annotations/export';
import { mergeImport } from '../../shared/annotations/merge';
import { deleteTag, renameTag } from '../../shared/annotations/tags';
import { FacingError } from '../../shared/ipc/errors';
import {
  AnnotationDraftSchema,
  AnnotationPatchSchema,
  ReplyDraftSchema,
  type AnchoredAnnotation,
  type Annotation,
  type AnnotationDraft,
  type AnnotationPatch,
  type ExportFile,
  type ExportFormat,
  type ImportResult,
  type ReplyDraft,
} from '../../shared/model/annotation';
import { mayEdit } from '../../shared/annotations/people';
import type { Notice } from '../../shared/model/app';
import { createAnchoring, inPositionOrder } from './annotations/anchored';
import { AnnotationIndex } from './annotations/by-document';
import { isDocumentId, readStoredAnnotation } from './annotations/stored';
import { shelfOf } from './store/shelf';
import type { CorpusService } from './corpus';
import type { Store, StoreRecord } from './store';
import { t } from '../../shared/i18n/current';

export interface AnnotationService {
  readonly notices: Notice[];
  list(documentId?: string): Promise<AnchoredAnnotation[]>;
  create(draft: AnnotationDraft): Promise<AnchoredAnnotation>;
  /** A reply to an annotation (anyone's), in that annotation's thread. */
  reply(draft: ReplyDraft): Promise<AnchoredAnnotation>;
  update(id: string, patch: AnnotationPatch): Promise<AnchoredAnnotation>;
  /** Returns what was deleted, so it can be restored. */
  remove(ids: string[]): Promise<Annotation[]>;
  /** Puts annotations back exactly as given (undo, redo). */
  restore(annotations: Annotation[]): Promise<AnchoredAnnotation[]>;
  /** Both return the annotations as they were before, for undo. */
  renameTag(from: string, to: string): Promise<Annotation[]>;
  deleteTag(tag: string): Promise<Annotation[]>;
  export(format: ExportFormat, documentId?: string): Promise<ExportFile>;
  import(content: string): Promise<ImportResult>;
  /** Call before a document is removed: its annotations keep its title, to name it as orphans. */
  keepTitle(documentId: string): Promise<void>;
}

const put = (a: Annotation): StoreRecord => ({ c: 'annotations', k: a.id, v: a });

/** Annotations in the store, indexed by document and anchored against each document's current text. */
export interface AnnotationOptions {
  /** The name new annotations carry as their creator ('' for none): the sync display name. */
  creator?: () => string;
  /** The name this person syncs under, whether sync is on or not: annotations under it are theirs. */
  me?: () => string;
}

export async function createAnnotationService(corpus: CorpusService, store: Store, options: AnnotationOptions = {}): Promise<AnnotationService> {
  const notices: Notice[] = [];
  const shelf = shelfOf(store.data);
  /** Documents whose stored annotations this service has not read yet: each is read and checked on first use. */
  const unread = new Set(shelf.documents);
  /** Checks stored entries: the usable ones are returned, damaged ones moved to the quarantine with a notice. */
  async function admit(entries: Array<[string, unknown]>): Promise<Annotation[]> {
    const valid: Annotation[] = [];
    const invalid: StoreRecord[] = [];
    for (const [key, raw] of entries) {
      const annotation = readStoredAnnotation(key, raw);
      if (annotation) valid.push(annotation);
      else invalid.push({ c: 'quarantine', k: `annotations:${key}`, v: raw }, { c: 'annotations', k: key, v: null });
    }
    if (invalid.length) {
      await store.commit(invalid);
      notices.push({ level: 'warning', message: t('store.damagedAnnotations', { count: invalid.length / 2 }) });
    }
    return valid;
  }
  const all = AnnotationIndex.of(await admit(shelf.loose()));
  const reading = new Map<string, Promise<void>>();
  /** Reads a document's stored annotations into the index, once; a second caller waits for the first. */
  function ensure(documentId: string): Promise<void> {
    if (!unread.delete(documentId)) return reading.get(documentId) ?? Promise.resolve();
    const done = (async () => {
      const entries = shelf.entriesOf(documentId);
      if (!entries.length) return;
      const admitted = await admit(entries);
      all.add(admitted);
      // Anchors and lists kept were made without these: each is listed in the document it names,
      // which is not always the one its block is filed under (the first line has no checksum).
      for (const owner of new Set([documentId, ...admitted.map((a) => a.documentId)])) invalidate(owner);
    })();
    reading.set(documentId, done);
    const finished = () => void reading.delete(documentId);
    done.then(finished, finished);
    return done;
  }
  /** A document's own block, and any block already read that holds annotations of it under another document. */
  async function ensureWithStrays(documentId: string): Promise<void> {
    await ensure(documentId);
    for (const block of shelf.filedElsewhere(documentId)) await ensure(block);
  }
  async function ensureAll(): Promise<void> {
    for (const documentId of [...unread]) await ensure(documentId);
  }
  /** An annotation by id: an id the index knows is current; only an unknown one needs every document read. */
  async function lookup(id: string): Promise<Annotation | undefined> {
    const known = all.get(id);
    if (known || unread.size === 0) return known;
    await ensureAll();
    return all.get(id);
  }

  async function textOf(documentId: string): Promise<string | null> {
    try {
      return await corpus.text(documentId);
    } catch (error) {
      if (error instanceof FacingError) return null;
      throw error;
    }
  }
  const { anchored, ofDocument, forget, invalidate, textChanged } = createAnchoring(all, textOf);

  // Changes from other computers (sync/apply-remote.ts) and conflict choices enter the store
  // directly: keep the index in step. This service's own commits are already in it.
  store.onCommit((records) => {
    for (const r of records) {
      // A document removed (here or by sync) or changed: its annotations are not taken to be in place.
      if (r.c === 'documents') textChanged(r.k);
      if (r.c !== 'annotations') continue;
      const known = all.get(r.k);
      if (r.v === null ? !known : known === r.v) continue;
      const before = all.delete(r.k);
      if (before) forget(before);
      if (r.v === null) continue;
      all.set(r.v as Annotation);
      forget(r.v as Annotation);
    }
  });

  // Entries filed under no usable document are damaged: they are checked, quarantined and reported now.
  for (const documentId of shelf.documents) if (!isDocumentId(documentId)) await ensure(documentId);

  async function texts(documentIds: Iterable<string>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of new Set(documentIds)) {
      const text = await textOf(id);
      if (text !== null) found.set(id, text);
    }
    return found;
  }

  async function save(changed: Annotation[]): Promise<void> {
    for (const a of changed) {
      const before = all.get(a.id);
      if (before) forget(before);
      all.set(a);
      forget(a);
    }
    await store.commit(changed.map(put));
  }

  async function existing(id: string): Promise<Annotation> {
    const a = await lookup(id);
    if (!a) throw new FacingError('not-found', t('annotationsSvc.gone'));
    return a;
  }

  /** Another person's annotation is read-only unless Settings lets this person edit it. */
  const editable = (a: Annotation) => mayEdit(a, options.me?.() ?? '', store.data.settings.editOthers ?? false);
  function mustEdit(list: Annotation[]): void {
    const theirs = list.find((a) => !editable(a));
    if (theirs) throw new FacingError('invalid-request', t('groups.notYours', { name: theirs.creator ?? '' }));
  }

  async function titles(): Promise<Map<string, DocumentLabel>> {
    return new Map((await corpus.list()).map((d) => [d.id, { title: d.title, language: d.language }]));
  }

  async function list(documentId?: string): Promise<AnchoredAnnotation[]> {
    if (documentId === undefined) {
      await ensureAll();
      return inPositionOrder(await anchored(all.values()));
    }
    await ensureWithStrays(documentId);
    return ofDocument(documentId);
  }

  return {
    notices,
    list,

    async create(input) {
      const draft = AnnotationDraftSchema.parse(input);
      const doc = await corpus.get(draft.documentId);
      const { start, end } = draft.target.position;
      if (end > doc.text.length || doc.text.slice(start, end) !== draft.target.quote.exact) {
        throw new FacingError('invalid-request', t('annotationsSvc.textMismatch'));
      }
      const now = new Date().toISOString();
      const creator = options.creator?.();
      const annotation: Annotation = { id: randomUUID(), ...draft, created: now, modified: now, ...(creator ? { creator } : {}) };
      await save([annotation]);
      return (await anchored([annotation]))[0]!;
    },

    async reply(input) {
      const { to, note } = ReplyDraftSchema.parse(input);
      const parent = await existing(to);
      const root = parent.replyTo ? ((await lookup(parent.replyTo)) ?? parent) : parent;
      const now = new Date().toISOString();
      const creator = options.creator?.();
      const { documentId, target, colour, documentTitle } = root;
      const reply: Annotation = { id: randomUUID(), documentId, target, colour, tags: [], note, created: now, modified: now, replyTo: parent.replyTo ?? root.id, ...(documentTitle ? { documentTitle } : {}), ...(creator ? { creator } : {}) };
      await save([reply]);
      return (await anchored([reply]))[0]!;
    },

    async update(id, input) {
      const patch = AnnotationPatchSchema.parse(input);
      const before = await existing(id);
      mustEdit([before]);
      const updated: Annotation = { ...before, ...patch, modified: new Date().toISOString() };
      await save([updated]);
      return (await anchored([updated]))[0]!;
    },

    async remove(ids) {
      if (ids.some((id) => !all.get(id))) await ensureAll();
      mustEdit(ids.flatMap((id) => all.get(id) ?? []));
      const removed = ids.map((id) => all.delete(id)).filter((a): a is Annotation => a !== undefined);
      for (const a of removed) forget(a);
      await store.commit(removed.map((a) => ({ c: 'annotations', k: a.id, v: null })));
      return removed;
    },

    async restore(input) {
      await ensureAll();
      mustEdit(input.flatMap((a) => [a, all.get(a.id) ?? a]));
      const annotations = threaded(input, (id) => all.get(id));
      await save(annotations);
      return anchored(annotations);
    },

    async renameTag(from, to) {
      await ensureAll();
      const changed = renameTag(all.values().filter(editable), from, to, new Date().toISOString());
      const before = changed.map((a) => all.get(a.id)!);
      await save(changed);
      return before;
    },

    async deleteTag(tag) {
      await ensureAll();
      const changed = deleteTag(all.values().filter(editable), tag, new Date().toISOString());
      const before = changed.map((a) => all.get(a.id)!);
      await save(changed);
      return before;
    },

    async export(format, documentId) {
      const chosen = await list(documentId);
      const known = format === 'w3c' ? await texts(chosen.map((a) => a.documentId)) : new Map<string, string>();
      return exportAnnotations(format, chosen, await titles(), new Date().toISOString(), randomUUID(), known);
    },

    async import(content) {
      await ensureAll();
      let entries: ImportedAnnotation[];
      try {
        entries = readAnnotationFile(content, (id) => all.get(id));
      } catch (error) {
        if (error instanceof ImportError) throw new FacingError('invalid-request', error.message);
        throw error;
      }
      const known = await texts(entries.filter((e) => e.codePoints).map((e) => e.annotation.documentId));
      const incoming = entries.map((e) => inUtf16(e, known.get(e.annotation.documentId)));
      const { changed, result } = mergeImport((id) => all.get(id), incoming);
      // A file that would change another person's annotation is refused whole, like any other bad entry.
      mustEdit(changed.flatMap((a) => all.get(a.id) ?? []));
      await save(threaded(changed, (id) => all.get(id)));
      return result;
    },

    async keepTitle(documentId) {
      const title = (await corpus.list()).find((d) => d.id === documentId)?.title;
      await ensureWithStrays(documentId);
      const own = all.ofDocument(documentId);
      if (title === undefined || own.length === 0) return;
      // Not an edit: `modified` stays, so an import still compares the person's own changes.
      await save(own.map((a) => ({ ...a, documentTitle: title })));
    },
  };
}

/**
 * Replies hang one level under an annotation that is not itself a reply, never under themselves. A
 * restored or imported batch that says otherwise (a reply to itself, two replying to each other, a
 * reply to a reply) is put right before it is stored: a loop would hide a highlight as a reply to
 * nothing. A reply whose annotation is unknown (deleted) stays a reply.
 */
export function threaded(batch: Annotation[], known: (id: string) => Annotation | undefined): Annotation[] {
  const inBatch = new Map(batch.map((a) => [a.id, a]));
  const find = (id: string) => inBatch.get(id) ?? known(id);
  return batch.map((a) => {
    if (!a.replyTo) return a;
    let parent = a.replyTo;
    for (let hops = 0; hops < 8 && parent !== a.id; hops++) {
      const above = find(parent)?.replyTo;
      if (!above) break;
      parent = above;
    }
    if (parent === a.id || find(parent)?.replyTo) {
      const { replyTo: _loop, ...highlight } = a;
      return highlight;
    }
    return parent === a.replyTo ? a : { ...a, replyTo: parent };
  });
}
