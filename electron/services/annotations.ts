import { randomUUID } from 'node:crypto';
import { anchorAll, anchorTarget } from '../../shared/annotations/anchoring';
import { exportAnnotations, ImportError, parseAnnotationFile, type DocumentLabel } from '../../shared/annotations/export';
import { deleteTag, renameTag } from '../../shared/annotations/tags';
import { fingerprint } from '../../shared/alignment/documents';
import { FacingError } from '../../shared/ipc/errors';
import {
  AnnotationDraftSchema,
  AnnotationPatchSchema,
  AnnotationSchema,
  type Anchor,
  type AnchoredAnnotation,
  type Annotation,
  type AnnotationDraft,
  type AnnotationPatch,
  type ExportFile,
  type ExportFormat,
  type ImportResult,
} from '../../shared/model/annotation';
import type { Notice } from '../../shared/model/app';
import type { CorpusService } from './corpus';
import type { Store, StoreRecord } from './store';

export interface AnnotationService {
  readonly notices: Notice[];
  list(documentId?: string): Promise<AnchoredAnnotation[]>;
  create(draft: AnnotationDraft): Promise<AnchoredAnnotation>;
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
}

const put = (a: Annotation): StoreRecord => ({ c: 'annotations', k: a.id, v: a });

/** Annotations in the store, anchored against each document's current text. */
export async function createAnnotationService(corpus: CorpusService, store: Store): Promise<AnnotationService> {
  const notices: Notice[] = [];
  const all = new Map<string, Annotation>();
  const invalid: StoreRecord[] = [];
  for (const [key, raw] of Object.entries(store.data.annotations)) {
    const parsed = AnnotationSchema.safeParse(raw);
    if (parsed.success && parsed.data.id === key) all.set(key, parsed.data);
    else invalid.push({ c: 'quarantine', k: `annotations:${key}`, v: raw }, { c: 'annotations', k: key, v: null });
  }
  if (invalid.length) {
    await store.commit(invalid);
    notices.push({ level: 'warning', message: `${invalid.length / 2} stored annotations were damaged and could not be shown. They were kept, unchanged, in the store's quarantine.` });
  }

  /** Anchors per document, valid while the document's text and the annotation stay the same. */
  const anchors = new Map<string, { stamp: string; byId: Map<string, Anchor | null> }>();

  async function textOf(documentId: string): Promise<string | null> {
    try {
      return (await corpus.get(documentId)).text;
    } catch (error) {
      if (error instanceof FacingError) return null;
      throw error;
    }
  }

  async function anchored(list: Annotation[]): Promise<AnchoredAnnotation[]> {
    const byDocument = new Map<string, Annotation[]>();
    for (const a of list) byDocument.set(a.documentId, [...(byDocument.get(a.documentId) ?? []), a]);
    const out: AnchoredAnnotation[] = [];
    for (const [documentId, annotations] of byDocument) {
      const text = await textOf(documentId);
      if (text === null) {
        out.push(...annotations.map((a) => ({ ...a, anchor: null })));
        continue;
      }
      const stamp = fingerprint(text);
      let cache = anchors.get(documentId);
      if (cache?.stamp !== stamp) {
        cache = { stamp, byId: anchorAll(text, [...all.values()].filter((a) => a.documentId === documentId)) };
        anchors.set(documentId, cache);
      }
      for (const a of annotations) {
        if (!cache.byId.has(a.id)) cache.byId.set(a.id, anchorTarget(text, a.target));
        out.push({ ...a, anchor: cache.byId.get(a.id) ?? null });
      }
    }
    return out;
  }

  const forget = (a: Annotation) => anchors.get(a.documentId)?.byId.delete(a.id);

  async function save(changed: Annotation[]): Promise<void> {
    for (const a of changed) {
      all.set(a.id, a);
      forget(a);
    }
    await store.commit(changed.map(put));
  }

  function existing(id: string): Annotation {
    const a = all.get(id);
    if (!a) throw new FacingError('not-found', 'That annotation no longer exists.');
    return a;
  }

  async function titles(): Promise<Map<string, DocumentLabel>> {
    return new Map((await corpus.list()).map((d) => [d.id, { title: d.title, language: d.language }]));
  }

  const inPositionOrder = (list: AnchoredAnnotation[]) =>
    list.sort((x, y) => x.documentId.localeCompare(y.documentId) || (x.anchor?.start ?? x.target.position.start) - (y.anchor?.start ?? y.target.position.start));

  async function list(documentId?: string): Promise<AnchoredAnnotation[]> {
    const chosen = [...all.values()].filter((a) => documentId === undefined || a.documentId === documentId);
    return inPositionOrder(await anchored(chosen));
  }

  return {
    notices,
    list,

    async create(input) {
      const draft = AnnotationDraftSchema.parse(input);
      const doc = await corpus.get(draft.documentId);
      const { start, end } = draft.target.position;
      if (end > doc.text.length || doc.text.slice(start, end) !== draft.target.quote.exact) {
        throw new FacingError('invalid-request', 'The highlighted text does not match the document; reload it and select again.');
      }
      const now = new Date().toISOString();
      const annotation: Annotation = { id: randomUUID(), ...draft, created: now, modified: now };
      await save([annotation]);
      return (await anchored([annotation]))[0]!;
    },

    async update(id, input) {
      const patch = AnnotationPatchSchema.parse(input);
      const updated: Annotation = { ...existing(id), ...patch, modified: new Date().toISOString() };
      await save([updated]);
      return (await anchored([updated]))[0]!;
    },

    async remove(ids) {
      const removed = ids.map((id) => all.get(id)).filter((a): a is Annotation => a !== undefined);
      for (const a of removed) {
        all.delete(a.id);
        forget(a);
      }
      await store.commit(removed.map((a) => ({ c: 'annotations', k: a.id, v: null })));
      return removed;
    },

    async restore(annotations) {
      await save(annotations);
      return anchored(annotations);
    },

    async renameTag(from, to) {
      const changed = renameTag([...all.values()], from, to, new Date().toISOString());
      const before = changed.map((a) => all.get(a.id)!);
      await save(changed);
      return before;
    },

    async deleteTag(tag) {
      const changed = deleteTag([...all.values()], tag, new Date().toISOString());
      const before = changed.map((a) => all.get(a.id)!);
      await save(changed);
      return before;
    },

    async export(format, documentId) {
      return exportAnnotations(format, await list(documentId), await titles(), new Date().toISOString(), randomUUID());
    },

    async import(content) {
      let incoming: Annotation[];
      try {
        incoming = parseAnnotationFile(content);
      } catch (error) {
        if (error instanceof ImportError) throw new FacingError('invalid-request', error.message);
        throw error;
      }
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
      const changed: Annotation[] = [];
      for (const a of incoming) {
        const current = all.get(a.id);
        if (!current) result.added++;
        else if (JSON.stringify(current) === JSON.stringify(a)) {
          result.unchanged++;
          continue;
        } else result.updated++;
        changed.push(a);
      }
      await save(changed);
      return result;
    },
  };
}
