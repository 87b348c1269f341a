/**
 * Every word the main process shows: menu labels and dialog texts, in one table so they can be
 * translated as a whole. Menu entries with an Electron role take their labels from the system.
 */
export const strings = {
  menu: {
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    go: 'Go',
    library: 'Library',
    back: 'Back',
    forward: 'Forward',
  },
  openLink: {
    message: 'Open this link in your web browser?',
    open: 'Open in browser',
    cancel: 'Cancel',
  },
  crashed: {
    message: 'Facing’s window stopped unexpectedly.',
    detail: 'Your documents, highlights and notes are safe, including note text you were typing. Reload to carry on.',
    reload: 'Reload',
    quit: 'Quit',
  },
  startFailed: { title: 'Facing cannot start' },
  openFiles: {
    title: 'Some files could not be opened',
    tooLarge: (name: string, limitMb: number) => `“${name}” is larger than ${limitMb} MB, the most Facing imports.`,
    unreadable: (name: string, reason: string) => `“${name}” could not be read: ${reason}`,
  },
  refused: 'Refused: the request did not come from Facing.',
};
