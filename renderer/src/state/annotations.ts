import { create } from 'zustand';
import type { AnchoredAnnotation, Annotation, AnnotationDraft, AnnotationPatch, ExportFile, ExportFormat, ImportResult } from '../../../shared/model/annotation';
import { readDraft, writeDraft } from '../annotations/drafts';
import { api } from '../api';
import { useHistory } from './history';
import { useAppStore } from './store';
import { t } from '../../../shared/i18n/current';

const strip = ({ anchor: _anchor, ...rest }: AnchoredAnnotation): Annotation => rest;

interface AnnotationState {
  /** Annotations of each document loaded so far, in reading order. */
  byDocument: Record<string, AnchoredAnnotation[]>;
  /** Every annotation, loaded when the hub or tag suggestions need it. */
  all: AnchoredAnnotation[] | null;
  /** The annotation whose editor is open, and where to show it. */
  /** The editor's annotation, and what it must not cover: the words from `top` to `y`, starting at `x`. */
  editing: { id: string; x: number; y: number; top: number } | null;
  /** The state of that annotation when its editor opened: one undo step per editing session. */
  editingBefore: Annotation | null;
  /** Note text typed in the editor and not saved yet. */
  draft: { id: string; note: string } | null;
  error: string | null;
  /** The name this person syncs under ('' for none): annotations under it, or with no creator, are theirs. */
  me: string;

  loadMe(): Promise<void>;
  load(documentId: string): Promise<void>;
  loadAll(): Promise<void>;
  create(draft: AnnotationDraft): Promise<AnchoredAnnotation | null>;
  reply(to: string, note: string): Promise<AnchoredAnnotation | null>;
  update(id: string, patch: AnnotationPatch): Promise<void>;
  remove(id: string): Promise<void>;
  renameTag(from: string, to: string): Promise<void>;
  deleteTag(tag: string): Promise<void>;
  exportFile(format: ExportFormat, documentId?: string): Promise<ExportFile>;
  importFile(content: string): Promise<ImportResult>;
  /** Copies an annotation (colour, tags and its note, unsaved typing included) onto another range. */
  copyTo(id: string, documentId: string, target: AnnotationDraft['target']): Promise<AnchoredAnnotation | null>;
  setDraft(id: string, note: string): void;
  /** Saves the note being typed; resolves when the store has it. */
  saveDraft(): Promise<void>;
  openEditor(id: string, x: number, y: number, top?: number): void;
  /** Closes the editor, saving its note first. */
  closeEditor(): Promise<void>;
  clearError(): void;
}

export const useAnnotations = create<AnnotationState>((set, get) => {
  const find = (id: string): AnchoredAnnotation | undefined =>
    Object.values(get().byDocument)
      .flat()
      .find((a) => a.id === id) ?? get().all?.find((a) => a.id === id);

  /** Reloads what is shown for these documents (and the full list, if loaded). */
  const refresh = async (documentIds: Iterable<string>) => {
    const ids = [...new Set(documentIds)].filter((id) => id in get().byDocument);
    const lists = await Promise.all(ids.map((documentId) => api.invoke('annotations:list', { documentId })));
    const byDocument = { ...get().byDocument };
    ids.forEach((id, k) => (byDocument[id] = lists[k]!));
    set({ byDocument, all: get().all ? await api.invoke('annotations:list', {}) : null });
  };

  const guard = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      set({ error: (error as Error).message });
      return null;
    }
  };

  const restore = async (annotations: Annotation[]) => {
    if (annotations.length === 0) return;
    await api.invoke('annotations:restore', { annotations });
    await refresh(annotations.map((a) => a.documentId));
  };
  // Draft saves run one after another, so whoever waits for one sees every earlier save done.
  let saving: Promise<void> = Promise.resolve();

  const removeIds = async (annotations: Annotation[]) => {
    if (annotations.length === 0) return;
    await api.invoke('annotations:delete', { ids: annotations.map((a) => a.id) });
    await refresh(annotations.map((a) => a.documentId));
  };

  return {
    byDocument: {},
    all: null,
    editing: null,
    editingBefore: null,
    draft: null,
    error: null,
    me: '',

    async loadMe() {
      await guard(async () => set({ me: (await api.invoke('sync:get', {})).config?.displayName ?? '' }));
    },

    async load(documentId) {
      await guard(async () => {
        const list = await api.invoke('annotations:list', { documentId });
        set({ byDocument: { ...get().byDocument, [documentId]: list } });
        void useAppStore.getState().refreshNotices();
      });
    },

    async loadAll() {
      await guard(async () => {
        set({ all: await api.invoke('annotations:list', {}) });
        void useAppStore.getState().refreshNotices();
      });
    },

    async create(draft) {
      return guard(async () => {
        const created = await api.invoke('annotations:create', draft);
        await refresh([created.documentId]);
        const plain = strip(created);
        useHistory.getState().push({ scope: 'annotation', label: t('history.highlight'), undo: () => removeIds([plain]), redo: () => restore([plain]) });
        return created;
      });
    },

    async reply(to, note) {
      return guard(async () => {
        const created = await api.invoke('annotations:reply', { to, note });
        await refresh([created.documentId]);
        const plain = strip(created);
        useHistory.getState().push({ scope: 'annotation', label: t('history.replied'), undo: () => removeIds([plain]), redo: () => restore([plain]) });
        return created;
      });
    },

    async update(id, patch) {
      await guard(async () => {
        const updated = await api.invoke('annotations:update', { id, patch });
        await refresh([updated.documentId]);
      });
    },

    async remove(id) {
      await guard(async () => {
        const removed = await api.invoke('annotations:delete', { ids: [id] });
        if (get().editing?.id === id) set({ editing: null, editingBefore: null });
        if (get().draft?.id === id) set({ draft: null });
        writeDraft(id, null);
        await refresh(removed.map((a) => a.documentId));
        useHistory.getState().push({ scope: 'annotation', label: removed.every((a) => a.replyTo) ? t('history.deletedReply') : t('history.deletedHighlight'), announce: true, undo: () => restore(removed), redo: () => removeIds(removed) });
      });
    },

    async renameTag(from, to) {
      await guard(async () => {
        const before = await api.invoke('tags:rename', { from, to });
        const after = before.length ? (await api.invoke('annotations:list', {})).filter((a) => before.some((b) => b.id === a.id)).map(strip) : [];
        await refresh(before.map((a) => a.documentId));
        await get().loadAll();
        useHistory.getState().push({ scope: 'annotation', label: t('history.renamedTag', { from, to }), announce: true, undo: () => restore(before).then(() => get().loadAll()), redo: () => restore(after).then(() => get().loadAll()) });
      });
    },

    async deleteTag(tag) {
      await guard(async () => {
        const before = await api.invoke('tags:delete', { tag });
        const after = before.map((a) => ({ ...a, tags: a.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) }));
        await refresh(before.map((a) => a.documentId));
        await get().loadAll();
        useHistory.getState().push({ scope: 'annotation', label: t('history.deletedTag', { tag }), announce: true, undo: () => restore(before).then(() => get().loadAll()), redo: () => restore(after).then(() => get().loadAll()) });
      });
    },

    exportFile(format, documentId) {
      return api.invoke('annotations:export', { format, ...(documentId ? { documentId } : {}) });
    },

    async importFile(content) {
      const result = await api.invoke('annotations:import', { content });
      await refresh(Object.keys(get().byDocument));
      await get().loadAll();
      return result;
    },

    async copyTo(id, documentId, target) {
      await get().saveDraft();
      const source = find(id);
      if (!source) return null;
      await get().closeEditor();
      return get().create({ documentId, target, colour: source.colour, tags: source.tags, note: source.note });
    },

    setDraft(id, note) {
      set({ draft: { id, note } });
    },

    saveDraft() {
      saving = saving.then(async () => {
        const draft = get().draft;
        if (!draft) return;
        set({ draft: null });
        if (find(draft.id)?.note !== draft.note) await get().update(draft.id, { note: draft.note });
        // Typing may have gone on meanwhile: forget the kept copy only if it is what was saved.
        if (find(draft.id)?.note === draft.note && readDraft(draft.id) === draft.note) writeDraft(draft.id, null);
      });
      return saving;
    },

    openEditor(id, x, y, top = y) {
      void get().closeEditor();
      const annotation = find(id);
      set({ editing: { id, x, y, top }, editingBefore: annotation ? strip(annotation) : null });
    },

    async closeEditor() {
      const { editing, editingBefore } = get();
      set({ editing: null, editingBefore: null });
      await get().saveDraft();
      if (!editing || !editingBefore) return;
      const now = find(editing.id);
      if (!now) return;
      const after = strip(now);
      if (JSON.stringify(after) !== JSON.stringify(editingBefore)) {
        useHistory.getState().push({ scope: 'annotation', label: t('history.editHighlight'), undo: () => restore([editingBefore]), redo: () => restore([after]) });
      }
    },

    clearError() {
      set({ error: null });
    },
  };
});
