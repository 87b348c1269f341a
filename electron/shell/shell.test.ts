import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { openServices } from '../services/handlers';
import { tempDirs } from '../services/test-support';
import { createFakeElectron, fakeEvent, FakeWebContents } from './fake-electron';
import { registerIpc, registerUploads, isTrustedSender } from './ipc';
import { UPLOAD_PATH_CHANNEL } from './bridge';
import { closeBeforeQuit, quitWhenAllClosed } from './lifecycle';
import { menuTemplate, rendererCommands } from './menu';
import { saveAsPdf } from './save-pdf';
import { confirmExternal, guardNavigation, refuseWebviews } from './navigation';
import { lockDownSession } from './permissions';
import { claimSingleInstance } from './single-instance';
import { strings } from './strings';
import { createMainWindow, offerReloadOnCrash } from './window';

const temp = tempDirs('facing-shell-');

async function services() {
  const corpus = temp();
  writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ documents: [] }));
  return openServices({ dataDir: temp(), corpusDir: corpus, shell: 'electron', version: 'test', warmAfterMs: 60_000 });
}

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, the bundled preload', () => {
    const preload = join(import.meta.dirname, '..', 'preload.ts');
    const electron = createFakeElectron();
    const window = createMainWindow(electron.BrowserWindow, preload);
    expect(electron.windows).toEqual([window]);
    const { webPreferences, show } = window.options as Electron.BrowserWindowConstructorOptions;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload,
    });
    expect(existsSync(webPreferences!.preload!)).toBe(true);
    expect(show).toBe(false);
  });

  it('offers to reload after a crash, and quits when asked to', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    let quit = 0;
    offerReloadOnCrash(window, electron.dialog, () => quit++);
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit' });
    expect(electron.dialog.messageBoxes).toHaveLength(0);
    electron.dialog.answer(0);
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed' });
    electron.dialog.answer(1);
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'oom' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.dialog.messageBoxes[0]!.options.message).toBe(strings.crashed.message);
    expect(window.webContents.reloads).toBe(1);
    expect(quit).toBe(1);
  });
});

describe('IPC', () => {
  it('registers every contract channel exactly once', async () => {
    const electron = createFakeElectron();
    const opened = await services();
    try {
      registerIpc(electron.ipcMain, opened.handlers, () => undefined);
      expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
      // A second registration would be a bug Electron throws on; the fake does the same.
      expect(() => registerIpc(electron.ipcMain, opened.handlers, () => undefined)).toThrow(/second handler/);
    } finally {
      await opened.close();
    }
  });

  it('answers the window’s own top frame and refuses other frames, windows and origins', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    const other = new FakeWebContents();
    const opened = await services();
    try {
      registerIpc(electron.ipcMain, opened.handlers, () => window.webContents, () => {});
      const info = electron.ipcMain.handlers.get('app:info')!;
      const own = { sender: window.webContents, senderFrame: { url: 'app://facing/index.html#/', parent: null } };
      expect(await info(own, {})).toMatchObject({ ok: true, value: { shell: 'electron' } });
      const refusals = [
        { sender: window.webContents, senderFrame: { url: 'app://facing/index.html', parent: {} } },
        { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
        { sender: window.webContents, senderFrame: { url: 'app://other/index.html', parent: null } },
        { sender: window.webContents, senderFrame: { url: 'file:///etc/passwd', parent: null } },
        { sender: window.webContents, senderFrame: { url: 'not a url', parent: null } },
        { sender: window.webContents, senderFrame: null },
        { sender: other, senderFrame: { url: 'app://facing/index.html', parent: null } },
      ];
      for (const event of refusals) {
        expect(await info(event, {}), JSON.stringify(event.senderFrame)).toEqual({ ok: false, error: { code: 'invalid-request', message: strings.refused } });
      }
      expect(isTrustedSender(own, undefined)).toBe(false);
      // The payload is still checked by the contract once the sender is trusted.
      expect(await info(own, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      await opened.close();
    }
  });

  it('takes the path of a picked file from the window’s own frame only, and hands back a handle pairs:import takes', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    const opened = await services();
    try {
      registerUploads(electron.ipcMain, opened.uploads, () => window.webContents);
      const byPath = electron.ipcMain.handlers.get(UPLOAD_PATH_CHANNEL)!;
      const own = { sender: window.webContents, senderFrame: { url: 'app://facing/index.html', parent: null } };
      const file = join(temp(), 'pair.tsv');
      writeFileSync(file, 'en\tde\nThe river is long.\tDer Fluss ist lang.\n');
      expect(await byPath({ sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, file)).toEqual({ ok: false, error: { code: 'invalid-request', message: strings.refused } });
      for (const bad of ['relative/pair.tsv', 42, { path: file }]) expect(await byPath(own, bad)).toMatchObject({ ok: false });
      expect(await byPath(own, join(temp(), 'missing.tsv'))).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const answer = (await byPath(own, file)) as { ok: true; value: { upload: string } };
      expect(answer.ok).toBe(true);
      const outcome = await opened.handlers['pairs:import']({ name: 'pair.tsv', upload: answer.value.upload });
      expect('rows' in outcome && outcome.rows).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

describe('navigation and permissions', () => {
  it('keeps the page on app://facing across navigations, redirects and frame navigations', () => {
    const contents = new FakeWebContents();
    guardNavigation(contents, () => {});
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(contents.count(event), event).toBe(1);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'nonsense']) {
        const e = fakeEvent({ url });
        contents.emit(event, e);
        expect(e.defaultPrevented, `${event} ${url}`).toBe(true);
      }
      const home = fakeEvent({ url: 'app://facing/index.html#/read/x' });
      contents.emit(event, home);
      expect(home.defaultPrevented).toBe(false);
    }
  });

  it('never opens a window; https links go to the external opener, nothing else', () => {
    const contents = new FakeWebContents();
    const external: string[] = [];
    guardNavigation(contents, (url) => external.push(url));
    for (const url of ['https://example.org/a', 'http://example.org/', 'file:///etc/passwd', 'app://facing/index.html', 'javascript:1', ''])
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(external).toEqual(['https://example.org/a']);
  });

  it('opens a link in the browser only after the user confirms', async () => {
    const electron = createFakeElectron();
    const ask = (options: Electron.MessageBoxOptions) => electron.dialog.showMessageBox(null, options);
    const open = (url: string) => electron.shell.openExternal(url);
    expect(await confirmExternal(ask, open, 'https://example.org/cancelled')).toBe(false);
    electron.dialog.answer(0);
    expect(await confirmExternal(ask, open, 'https://example.org/yes')).toBe(true);
    electron.dialog.answer(0);
    expect(await confirmExternal(ask, open, 'http://example.org/plain')).toBe(false);
    expect(electron.shell.opened).toEqual(['https://example.org/yes']);
    expect(electron.dialog.messageBoxes.map((box) => box.options.detail)).toEqual(['https://example.org/cancelled', 'https://example.org/yes']);
    expect(electron.dialog.messageBoxes[0]!.options).toMatchObject({ defaultId: 1, cancelId: 1, message: strings.openLink.message });
  });

  it('refuses every permission request and check, and sends the CSP with every response', () => {
    const { session } = createFakeElectron();
    lockDownSession(session.defaultSession);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      session.defaultSession.permissionRequestHandler!(null, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.defaultSession.permissionCheckHandler!(null, permission, 'app://facing', {}), permission).toBe(false);
    }
    let headers: Record<string, string[]> = {};
    session.defaultSession.headersListener!({ responseHeaders: { 'X-Other': ['1'] } }, (response: { responseHeaders: Record<string, string[]> }) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('refuses <webview> in any web contents', () => {
    const { app } = createFakeElectron();
    refuseWebviews(app);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('single instance, menu and quitting', () => {
  it('a second start restores and focuses the existing window and hands over its files', () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    window.minimized = true;
    const handed: Array<[string[], string]> = [];
    expect(claimSingleInstance(electron.app, () => window, (argv, cwd) => handed.push([argv, cwd]))).toBe(true);
    electron.app.emit('second-instance', fakeEvent(), ['facing', 'book.epub'], '/home/reader');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(handed).toEqual([[['facing', 'book.epub'], '/home/reader']]);
    expect(claimSingleInstance(createFakeElectron({ lock: false }).app, () => null, () => {})).toBe(false);
  });

  it('the menu has the usual roles and hands print, undo, redo and Go to the renderer, Save as PDF to the shell', () => {
    const contents = new FakeWebContents();
    let pdfs = 0;
    const commands = { ...rendererCommands(() => contents), saveAsPdf: () => void pdfs++ };
    const roles = (template: Electron.MenuItemConstructorOptions[]): string[] =>
      template.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
    const mac = menuTemplate(true, commands);
    const other = menuTemplate(false, commands);
    expect(roles(mac)).toEqual(['appMenu', 'close', 'cut', 'copy', 'paste', 'selectAll', 'viewMenu', 'windowMenu']);
    expect(roles(other)).toEqual(['quit', 'cut', 'copy', 'paste', 'selectAll', 'viewMenu', 'windowMenu']);
    const items = other.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []));
    const click = (label: string) => (items.find((item) => item.label === label)!.click as () => void)();
    click(strings.menu.print);
    click(strings.menu.saveAsPdf);
    expect([contents.prints, pdfs]).toEqual([1, 1]);
    for (const label of [strings.menu.undo, strings.menu.redo, strings.menu.library, strings.menu.back, strings.menu.forward]) click(label);
    expect(contents.executed).toEqual([
      `window.dispatchEvent(new CustomEvent('facing:command', { detail: "undo" }))`,
      `window.dispatchEvent(new CustomEvent('facing:command', { detail: "redo" }))`,
      "location.hash = '#/'",
    ]);
    expect(contents.history).toEqual(['back', 'forward']);
    expect(items.find((item) => item.label === strings.menu.undo)!.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('Save as PDF prints the page to the file the user picks, and says so when it cannot', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow({});
    window.title = 'Report: EN/DE';
    const written = new Map<string, Uint8Array>();
    const write = async (path: string, data: Uint8Array) => void written.set(path, data);
    expect(await saveAsPdf(window, electron.dialog, write)).toBeNull();
    expect(electron.dialog.saveDialogs[0]!.options.defaultPath).toBe('Report EN DE.pdf');
    expect(window.webContents.pdfOptions).toEqual([]);
    electron.dialog.saveTo('/tmp/pair.pdf');
    expect(await saveAsPdf(window, electron.dialog, write)).toBe('/tmp/pair.pdf');
    expect(Buffer.from(written.get('/tmp/pair.pdf')!).toString()).toBe('%PDF-1.7 fake');
    expect(window.webContents.pdfOptions).toEqual([{ pageSize: 'A4', printBackground: false, preferCSSPageSize: true }]);
    window.webContents.pdf = new Error('printing failed');
    electron.dialog.saveTo('/tmp/again.pdf');
    expect(await saveAsPdf(window, electron.dialog, write)).toBeNull();
    expect(written.has('/tmp/again.pdf')).toBe(false);
    expect(electron.dialog.messageBoxes.at(-1)!.options.message).toBe(strings.savePdf.failed('/tmp/again.pdf', 'printing failed'));
  });

  it('before-quit flushes and closes the store once, then quits', async () => {
    const { app } = createFakeElectron();
    let closes = 0;
    let quitted = 0;
    app.on('quit', () => quitted++);
    closeBeforeQuit(app, async () => {
      closes++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    app.quit();
    app.quit();
    expect(quitted).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closes).toBe(1);
    expect(quitted).toBe(1);
  });

  it('quits when a close fails rather than hanging, and when the last window closes except on macOS', async () => {
    const { app } = createFakeElectron();
    let quitted = 0;
    app.on('quit', () => quitted++);
    const logged: unknown[] = [];
    closeBeforeQuit(app, () => Promise.reject(new Error('disk gone')), (error) => logged.push(error));
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(quitted).toBe(1);
    expect(logged).toHaveLength(1);
    const mac = createFakeElectron().app;
    let macQuits = 0;
    mac.on('quit', () => macQuits++);
    quitWhenAllClosed(mac, 'darwin');
    mac.emit('window-all-closed');
    expect(macQuits).toBe(0);
    const linux = createFakeElectron().app;
    let linuxQuits = 0;
    linux.on('quit', () => linuxQuits++);
    quitWhenAllClosed(linux, 'linux');
    linux.emit('window-all-closed');
    expect(linuxQuits).toBe(1);
  });
});
