/**
 * A stand-in for the `electron` module, for tests only: it records what the shell asks of Electron
 * and lets a test fire the events Electron would. The smoke test bundles it as `electron` for the
 * built main.cjs.
 */
type Listener = (...args: any[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron event: preventable, with whatever details the event carries. */
export function fakeEvent<T extends object>(details: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...details,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly executed: string[] = [];
  readonly history: string[] = [];
  reloads = 0;
  readonly navigationHistory = {
    goBack: () => void this.history.push('back'),
    goForward: () => void this.history.push('forward'),
  };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return Promise.resolve(undefined);
  }
  prints = 0;
  readonly pdfOptions: unknown[] = [];
  /** What printToPDF answers with; an Error makes it fail. */
  pdf: Uint8Array | Error = Buffer.from('%PDF-1.7 fake');
  print(): void {
    this.prints++;
  }
  printToPDF(options: unknown): Promise<Uint8Array> {
    this.pdfOptions.push(options);
    return this.pdf instanceof Error ? Promise.reject(this.pdf) : Promise.resolve(this.pdf);
  }
  reload(): void {
    this.reloads++;
  }
}

export function createFakeElectron(options: { lock?: boolean } = {}) {
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    minimized = false;
    focused = 0;
    restored = 0;
    shown = 0;
    constructor(readonly options: any) {
      super();
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show(): void {
      this.shown++;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
      this.restored++;
    }
    focus(): void {
      this.focused++;
    }
    title = 'Facing';
    getTitle(): string {
      return this.title;
    }
  }

  const paths = new Map<string, string>([['userData', '/tmp/facing-fake-user-data']]);
  const quits: number[] = [];
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    quitting: false,
    requestSingleInstanceLock: () => options.lock ?? true,
    whenReady: () => new Promise<void>((resolve) => setImmediate(resolve)),
    setPath: (name: string, value: string) => void paths.set(name, value),
    getPath: (name: string) => paths.get(name) ?? `/tmp/facing-fake-${name}`,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-fake',
    getLocale: () => 'en-US',
    /** Like Electron: before-quit may be prevented; otherwise the app quits (a test sees `quit`). */
    quit() {
      quits.push(Date.now());
      const event = fakeEvent();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.emit('quit');
    },
  });

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    handlers,
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes),
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
      protocolHandlers.set(scheme, handler);
    },
    handlers: protocolHandlers,
    privileged,
  };

  const defaultSession = {
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    headersListener: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived: (listener: Listener) => void (defaultSession.headersListener = listener),
    },
  };

  const messageBoxes: Array<{ window: unknown; options: any }> = [];
  const answers: number[] = [];
  const errorBoxes: Array<[string, string]> = [];
  const saves: string[] = [];
  const saveDialogs: Array<{ window: unknown; options: any }> = [];
  const dialog = {
    /** The button the next message box answers with (default: the cancel/last one). */
    answer: (response: number) => void answers.push(response),
    showMessageBox(window: unknown, options?: any) {
      if (options === undefined) [window, options] = [null, window];
      messageBoxes.push({ window, options });
      return Promise.resolve({ response: answers.shift() ?? options.cancelId ?? Math.max(0, (options.buttons?.length ?? 1) - 1), checkboxChecked: false });
    },
    showErrorBox: (title: string, content: string) => void errorBoxes.push([title, content]),
    /** Where the next save dialog saves (default: cancelled). */
    saveTo: (path: string) => void saves.push(path),
    showSaveDialog(window: unknown, options: any) {
      saveDialogs.push({ window, options });
      const filePath = saves.shift();
      return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true });
    },
    messageBoxes,
    errorBoxes,
    saveDialogs,
  };

  const opened: string[] = [];
  const shell = { openExternal: (url: string) => Promise.resolve(void opened.push(url)), opened };

  const menus: Array<{ template: any[] } | null> = [];
  const Menu = {
    buildFromTemplate: (template: any[]) => ({ template }),
    setApplicationMenu: (menu: { template: any[] } | null) => void menus.push(menu),
    menus,
  };

  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api), exposed };
  const invoked: Array<[string, unknown]> = [];
  const ipcRenderer = { invoke: (channel: string, payload: unknown) => Promise.resolve(void invoked.push([channel, payload])), invoked };

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    windows,
    ipcMain,
    protocol,
    session: { defaultSession },
    dialog,
    shell,
    Menu,
    contextBridge,
    ipcRenderer,
    quits,
    net: { fetch: () => Promise.reject(new Error('The fake electron has no network')) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;
