// Wires the shell's pieces (electron/shell/*) to Electron; every decision lives in those functions.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { join, delimiter } from 'node:path';
import { handlersWhenOpen } from '../shared/ipc/when-open';
import { openServices, type Services } from './services/handlers';
import { installAppMenu } from './shell/app-menu';
import { closeBeforeQuit, quitWhenAllClosed } from './shell/lifecycle';
import { menuTemplate, rendererCommands } from './shell/menu';
import { saveAsPdf } from './shell/save-pdf';
import { confirmExternal, guardNavigation, refuseWebviews } from './shell/navigation';
import { createFileOpener, filesFromArgv, listenForOpenedFiles } from './shell/open-files';
import { lockDownSession } from './shell/permissions';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/protocol';
import { registerIpc, registerUploads } from './shell/ipc';
import { claimSingleInstance } from './shell/single-instance';
import { secretBoxFrom } from './shell/secrets';
import { strings } from './shell/strings';
import { createMainWindow, offerReloadOnCrash } from './shell/window';

const rendererDir = join(__dirname, '..', 'dist', 'renderer');

// A portable or test setup: --facing-data-dir=DIR replaces the per-user data folder,
// --facing-corpus-dir=DIR the bundled corpus, --facing-dictionary-dirs=DIRS (path-delimited, may be empty)
// the folders searched for the system's dictionaries.
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const dataDirArg = argument('facing-data-dir');
if (dataDirArg) app.setPath('userData', dataDirArg);

registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;

// Files arrive only after `ready` (the opener queues them until then); on macOS the window may be closed.
const opener = createFileOpener({
  show: (id) => {
    mainWindow ??= createWindow();
    void mainWindow.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/read/${encodeURIComponent(id)}`)}`);
  },
  report: (problems) => {
    const options = { type: 'warning' as const, message: strings.openFiles.title, detail: problems.join('\n') };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  },
});
listenForOpenedFiles(app, opener);

function createWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'));
  window.once('ready-to-show', () => window.show());
  offerReloadOnCrash(window, dialog, () => app.quit());
  guardNavigation(window.webContents, (url) => void confirmExternal((options) => dialog.showMessageBox(window, options), (link) => shell.openExternal(link), url));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  window.on('closed', () => (mainWindow = null));
  return window;
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  // The window loads while the services open (reading a large store takes a while): calls it makes
  // meanwhile wait for them.
  const opening = openServices({
    dataDir: app.getPath('userData'),
    corpusDir: argument('facing-corpus-dir') ?? join(app.getAppPath(), 'corpus'),
    dictionaryDirs: argument('facing-dictionary-dirs')?.split(delimiter).filter(Boolean),
    shell: 'electron',
    version: app.getVersion(),
    locale: app.getLocale(),
    secretBox: secretBoxFrom(safeStorage),
  });
  serveRenderer(protocol, rendererDir);
  registerIpc(ipcMain, handlersWhenOpen(opening.then((services) => services.handlers)), () => mainWindow?.webContents);
  registerUploads(ipcMain, { fromPath: async (path, limit) => (await opening).uploads.fromPath(path, limit) }, () => mainWindow?.webContents);
  const saveWindowAsPdf = () => void (mainWindow && saveAsPdf(mainWindow, dialog));
  installAppMenu(Menu, () => menuTemplate(process.platform === 'darwin', { ...rendererCommands(() => mainWindow?.webContents), saveAsPdf: saveWindowAsPdf }));
  mainWindow = createWindow();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
  // A quit while the services open still closes them once they are.
  closeBeforeQuit(app, () => opening.then((services) => services.close(), () => {}));
  let services: Services;
  try {
    services = await opening;
  } catch (error) {
    dialog.showErrorBox(strings.startFailed.title, (error as Error).message);
    app.quit();
    return;
  }
  await opener.open(filesFromArgv(process.argv, process.cwd(), app.isPackaged));
  await opener.ready(services.handlers);
}

if (!claimSingleInstance(app, () => mainWindow, (argv, cwd) => void opener.open(filesFromArgv(argv, cwd, app.isPackaged)))) {
  app.quit();
} else {
  refuseWebviews(app);
  quitWhenAllClosed(app, process.platform);
  void app.whenReady().then(start);
}
