import { t } from '../../shared/i18n/current';

/**
 * Every word the main process shows: menu labels and dialog texts, read from the message catalogues
 * in the current interface language. Menu entries with an Electron role take their labels from the system.
 */
export const strings = {
  menu: {
    get file() { return t('shell.menu.file'); },
    get print() { return t('shell.menu.print'); },
    get saveAsPdf() { return t('shell.menu.saveAsPdf'); },
    get edit() { return t('shell.menu.edit'); },
    get undo() { return t('shell.menu.undo'); },
    get redo() { return t('shell.menu.redo'); },
    get go() { return t('shell.menu.go'); },
    get library() { return t('shell.menu.library'); },
    get back() { return t('shell.menu.back'); },
    get forward() { return t('shell.menu.forward'); },
  },
  openLink: {
    get message() { return t('shell.openLink.message'); },
    get open() { return t('shell.openLink.open'); },
    get cancel() { return t('shell.openLink.cancel'); },
  },
  crashed: {
    get message() { return t('shell.crashed.message'); },
    get detail() { return t('shell.crashed.detail'); },
    get reload() { return t('shell.crashed.reload'); },
    get quit() { return t('shell.crashed.quit'); },
  },
  startFailed: { get title() { return t('shell.startFailed.title'); } },
  savePdf: {
    get title() { return t('shell.savePdf.title'); },
    failed: (file: string, reason: string) => t('shell.savePdf.failed', { file, reason }),
  },
  openFiles: {
    get title() { return t('shell.openFiles.title'); },
    tooLarge: (name: string, limitMb: number) => t('shell.openFiles.tooLarge', { name, limitMb }),
    unreadable: (name: string, reason: string) => t('shell.openFiles.unreadable', { name, reason }),
  },
  get refused() { return t('shell.refused'); },
};
