import { create } from 'zustand';
import { cleanWord } from '../../../shared/dictionary/pointed-word';
import { currentSelection } from '../annotations/selection';
import { domRange } from './textDom';

/** The word being looked up: where it is in its document and on screen. */
export interface LookupTarget {
  documentId: string;
  /** Offsets of the word in the document's text (punctuation around it left out). */
  start: number;
  end: number;
  word: string;
  language: string;
  /** The word on screen; followed when the page scrolls. */
  range: Range;
}

/** A piece of the screen holding document text that words can be looked up in (the reader, the parallel view). */
export interface LookupSource {
  root: HTMLElement;
  textOf(documentId: string): string | undefined;
}

interface LookupState {
  target: LookupTarget | null;
  sources: LookupSource[];
  open(target: LookupTarget): void;
  close(): void;
  register(source: LookupSource): () => void;
}

export const useLookup = create<LookupState>((set, get) => ({
  target: null,
  sources: [],
  open: (target) => set({ target }),
  close: () => set({ target: null }),
  register(source) {
    set({ sources: [...get().sources, source] });
    return () => set({ sources: get().sources.filter((s) => s !== source), target: null });
  },
}));

/** Longest text taken as one thing to look up: a word or a short phrase. */
const MAX_LOOKUP = 60;

/** The selected word as a lookup target, or null when nothing suitable is selected in a registered source. */
export function selectedWord(): LookupTarget | null {
  for (const source of useLookup.getState().sources) {
    const selection = currentSelection(source.root, source.textOf);
    if (!selection) continue;
    const text = source.textOf(selection.documentId)!;
    let { start, end } = selection;
    while (start < end && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
    while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
    const word = cleanWord(text.slice(start, end));
    if (!word || end - start > MAX_LOOKUP) return null;
    const anchor = window.getSelection()?.anchorNode;
    const element = anchor?.nodeType === Node.TEXT_NODE ? anchor.parentElement : (anchor as Element | null);
    const holder = element?.closest<HTMLElement>('[lang]');
    const container = element?.closest<HTMLElement>('[data-document-id]') ?? source.root;
    const range = domRange(container, start, end);
    if (!holder || !range) return null;
    return { documentId: selection.documentId, start, end, word, language: holder.lang, range };
  }
  return null;
}

/** Looks up the selected word (the "L" key, the selection menu's "Look up", a double-click). */
export function lookUpSelection(): boolean {
  const target = selectedWord();
  if (!target) return false;
  window.getSelection()?.removeAllRanges();
  useLookup.getState().open(target);
  return true;
}
