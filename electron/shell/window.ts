import type { BrowserWindowConstructorOptions } from 'electron';
import { strings } from './strings';

/**
 * The main window; the security-relevant part is webPreferences. (The options stay a literal beside
 * `new BrowserWindow` so the Electronegativity scan can read them.)
 */
export function createMainWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, preloadPath: string): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    title: 'Facing',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in new windows past the window-open handler's intent.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export interface CrashableWindow {
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
    reload(): void;
  };
}

/** If the page crashes, offer to reload it: notes are saved as they are typed, so nothing is lost. */
export function offerReloadOnCrash<W extends CrashableWindow>(
  window: W,
  dialog: { showMessageBox(window: W, options: Electron.MessageBoxOptions): Promise<{ response: number }> },
  quit: () => void,
): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const { crashed } = strings;
    void dialog
      .showMessageBox(window, { type: 'warning', buttons: [crashed.reload, crashed.quit], defaultId: 0, message: crashed.message, detail: crashed.detail })
      .then(({ response }) => (response === 0 ? window.webContents.reload() : quit()));
  });
}
