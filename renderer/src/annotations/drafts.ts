/** Note text is kept in the browser's storage as it is typed, until the store has it: a crash loses nothing. */
const draftKey = (id: string) => `facing.note-draft.${id}`;

export function readDraft(id: string): string | null {
  try {
    return localStorage.getItem(draftKey(id));
  } catch {
    return null;
  }
}

export function writeDraft(id: string, text: string | null): void {
  try {
    if (text === null) localStorage.removeItem(draftKey(id));
    else localStorage.setItem(draftKey(id), text);
  } catch {
    // Storage may be full or disabled; the regular save still happens.
  }
}
