import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channels } from '../shared/ipc/contract';
import { dispatch } from '../shared/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { openServices } from './services/handlers';

const SCHEME = 'app';
const APP_ORIGIN = `${SCHEME}://facing`;
const rendererDir = join(__dirname, '..', 'dist', 'renderer');

// A portable or test setup: --facing-data-dir=DIR replaces the per-user data folder,
// --facing-corpus-dir=DIR the bundled corpus.
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const dataDirArg = argument('facing-data-dir');
if (dataDirArg) app.setPath('userData', dataDirArg);

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && event.sender === mainWindow?.webContents && new URL(frame.url).origin === APP_ORIGIN;
}

function registerIpc(handlers: Awaited<ReturnType<typeof openServices>>['handlers']): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'invalid-request', message: 'Refused: the request did not come from Facing.' } };
      return dispatch(handlers, channel, payload, (error) => console.error(`[${channel}]`, error));
    });
  }
}

/** Serves the built renderer from app://facing/, refusing anything outside its folder. */
function registerAppProtocol(): void {
  protocol.handle(SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererDir, decodeURIComponent(pathname) === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

/** Links from notes open in the system browser, https only, and only after the user agrees. */
async function confirmExternal(window: BrowserWindow, url: string): Promise<void> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    title: 'Facing',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open links in new windows past the window-open handler's intent.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  // If the page crashes, offer to reload it: notes are saved as they are typed, so nothing is lost.
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        message: 'Facing’s window stopped unexpectedly.',
        detail: 'Your documents, highlights and notes are safe, including note text you were typing. Reload to carry on.',
      })
      .then(({ response }) => (response === 0 ? window.webContents.reload() : app.quit()));
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (new URL(url).protocol === 'https:') void confirmExternal(window, url);
    return { action: 'deny' };
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Menu commands reach the renderer as a DOM event; the renderer decides what they mean where focus is. */
function sendCommand(command: 'undo' | 'redo'): void {
  void mainWindow?.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent('facing:command', { detail: ${JSON.stringify(command)} }))`);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    {
      label: 'Edit',
      submenu: [
        // Undo and redo go to the renderer, which undoes its own edits (alignment, later annotations)
        // or, inside a text field, the field's typing.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendCommand('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => sendCommand('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Go',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+L', click: () => void mainWindow?.webContents.executeJavaScript("location.hash = '#/'") },
        { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => mainWindow?.webContents.navigationHistory.goBack() },
        { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => mainWindow?.webContents.navigationHistory.goForward() },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    let services: Awaited<ReturnType<typeof openServices>>;
    try {
      services = await openServices({
        dataDir: app.getPath('userData'),
        corpusDir: argument('facing-corpus-dir') ?? join(app.getAppPath(), 'corpus'),
        shell: 'electron',
        version: app.getVersion(),
      });
    } catch (error) {
      dialog.showErrorBox('Facing cannot start', (error as Error).message);
      app.quit();
      return;
    }
    let closing = false;
    app.on('before-quit', (event) => {
      if (closing) return;
      event.preventDefault();
      closing = true;
      void services.close().finally(() => app.quit());
    });
    registerAppProtocol();
    registerIpc(services.handlers);
    buildMenu();
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
