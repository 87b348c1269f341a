// Run by main.smoke.test.ts: `node --require smoke-harness.cjs dist-electron/main.cjs …` with the
// fake electron (bundled to FACING_FAKE_ELECTRON) resolved for `require('electron')`. Once main.cjs
// has loaded its window, this drives it through the fake and prints one report line, then quits.
const Module = require('node:module');

const fakePath = process.env.FACING_FAKE_ELECTRON;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? fakePath : resolve.call(this, request, ...rest);
};
const electron = require(fakePath);

function report(value) {
  process.stdout.write(`FACING_SMOKE ${JSON.stringify(value)}\n`);
}

async function drive() {
  const [window] = electron.windows;
  const contents = window.webContents;
  const trusted = { sender: contents, senderFrame: { url: 'app://facing/index.html', parent: null } };
  const stranger = { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } };
  const invoke = (event, channel, payload) => electron.ipcMain.handlers.get(channel)(event, payload);
  const serve = electron.protocol.handlers.get('app');
  const status = async (url) => (serve ? (await serve(new Request(url))).status : null);
  const navigation = {};
  for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    let prevented = false;
    contents.emit(name, { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    navigation[name] = prevented;
  }
  const session = electron.session.defaultSession;
  let requestGranted = null;
  session.permissionRequestHandler?.(contents, 'media', (granted) => (requestGranted = granted));
  const menu = electron.Menu.menus.at(-1);
  const roles = (items) => items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
  const result = {
    windows: electron.windows.map((w) => ({ options: w.options, loaded: w.loaded })),
    channels: [...electron.ipcMain.handlers.keys()],
    privileged: electron.protocol.privileged,
    info: await invoke(trusted, 'app:info', {}),
    refused: await invoke(stranger, 'app:info', {}),
    documents: await invoke(trusted, 'documents:list', {}),
    executed: contents.executed,
    index: await status('app://facing/index.html'),
    traversal: await status('app://facing/%2e%2e/%2e%2e/package.json'),
    otherHost: await status('app://elsewhere/index.html'),
    navigation,
    windowOpen: contents.windowOpenHandler?.({ url: 'https://example.org/' }),
    linkQuestion: await new Promise((resolve) => setImmediate(() => resolve(electron.dialog.messageBoxes.map((box) => box.options.detail)))),
    linkOpened: electron.shell.opened,
    permissionRequest: requestGranted,
    permissionCheck: session.permissionCheckHandler?.(contents, 'media', 'app://facing', {}),
    menuRoles: menu ? roles(menu.template) : [],
    beforeQuitListeners: electron.app.count('before-quit'),
    singleInstance: electron.app.count('second-instance'),
    openFile: electron.app.count('open-file'),
  };
  // The built preload, loaded into the same fake: one `facing` object with `invoke`, contract channels only.
  require(require('node:path').join(require('node:path').dirname(process.argv[1]), 'preload.cjs'));
  const bridge = electron.contextBridge.exposed.get('facing');
  result.preload = {
    exposed: [...electron.contextBridge.exposed.keys()],
    keys: Object.keys(bridge ?? {}),
    unknown: await bridge?.invoke('ELECTRON_BROWSER_REQUIRE', {}).then(() => 'sent', (error) => String(error.message)),
    known: await bridge?.invoke('app:info', {}).then(() => electron.ipcRenderer.invoked.map(([channel]) => channel)),
  };
  electron.app.on('quit', () => {
    result.quitAfterClose = true;
    report(result);
    process.exit(0);
  });
  electron.app.quit();
}

const started = Date.now();
const timer = setInterval(() => {
  // Ready once the window loaded and the file given on the command line was imported and shown.
  const ready = electron.windows.length > 0 && electron.windows[0].loaded.length > 0 && electron.windows[0].webContents.executed.some((code) => code.includes('#/read/'));
  if (!ready && Date.now() - started < 45_000) return;
  clearInterval(timer);
  if (!ready) {
    report({ error: 'main.cjs did not open its window and the given file within 45 s', windows: electron.windows.length, errorBoxes: electron.dialog.errorBoxes, boxes: electron.dialog.messageBoxes });
    process.exit(2);
  }
  drive().catch((error) => {
    report({ error: String(error?.stack ?? error) });
    process.exit(3);
  });
}, 20);
