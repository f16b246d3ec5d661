// Fakes of the electron module and of the engine host, for testing the desktop shell in plain Node.
import { API_METHODS, type Api, type ApiMethod } from '../../src-main/contract/api';
import { success } from '../../src-main/contract/result';
import type { IngestProgress } from '../../src-main/contract/library';
import type { ElectronModule } from '../../src-main/electron/app';
import { pathToFileURL } from 'node:url';

/** A listener of any fake event. */
export type Listener = (...args: any[]) => unknown;

/** A tiny event emitter: records listeners by name and calls them on `emit`. */
export class Emitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

/** A cancellable Electron event. */
export function fakeEvent(fields: Record<string, unknown> = {}) {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...fields };
}

/** A fake 'electron' module recording what the shell asks of it. */
export function fakeElectron() {
  const record = {
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    menus: [] as unknown[],
    openDialogs: [] as unknown[][],
    messageBoxes: [] as unknown[][],
    opened: [] as string[],
    messageBoxAnswer: 0,
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    headers: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    quits: 0,
  };
  class FakeContents extends Emitter {
    mainFrame = { url: 'about:blank', frameToken: 'main-frame', parent: null };
    sent: [string, unknown][] = [];
    openHandler: Listener | undefined;
    send(channel: string, message: unknown) { this.sent.push([channel, message]); }
    setWindowOpenHandler(handler: Listener) { this.openHandler = handler; }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    constructor(readonly options: Record<string, any>) {
      super();
      record.windows.push(this);
    }
    async loadFile(file: string) { this.webContents.mainFrame.url = pathToFileURL(file).href; }
    async loadURL(url: string) { this.webContents.mainFrame.url = url; }
    isDestroyed() { return false; }
    isMinimized() { return false; }
    show() {}
    focus() {}
    restore() {}
  }
  const app = Object.assign(new Emitter(), {
    enableSandbox() {},
    requestSingleInstanceLock: () => true,
    whenReady: async () => {},
    quit() { record.quits += 1; },
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle(channel: string, handler: Listener) {
        if (record.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.handlers.set(channel, handler);
      },
      removeHandler(channel: string) { record.handlers.delete(channel); },
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => record.menus.push(menu) },
    dialog: {
      async showOpenDialog(...args: unknown[]) { record.openDialogs.push(args); return { canceled: false, filePaths: ['/home/reporter/story'] }; },
      async showMessageBox(...args: unknown[]) { record.messageBoxes.push(args); return { response: record.messageBoxAnswer, checkboxChecked: false }; },
      showErrorBox() {},
    },
    shell: { async openExternal(url: string) { record.opened.push(url); } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (record.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (record.permissionCheck = handler),
        webRequest: {
          onHeadersReceived: (handler: Listener) => (record.headers = handler),
          onBeforeRequest: (handler: Listener) => (record.beforeRequest = handler),
        },
      },
    },
  };
  return { electron: electron as unknown as ElectronModule, record };
}

/** A fake engine host: every method records its call and answers success; progress can be emitted. */
export function fakeEngine() {
  const calls: [ApiMethod, unknown][] = [];
  const listeners = new Set<(progress: IngestProgress) => void>();
  const api = Object.fromEntries(
    API_METHODS.map((method) => [method, async (input: unknown) => (calls.push([method, input]), success({ method }))]),
  ) as unknown as Api;
  return {
    calls,
    closed: false,
    host: {
      api,
      onProgress(listener: (progress: IngestProgress) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      async close() {},
    },
    progress(progress: IngestProgress) {
      for (const listener of listeners) listener(progress);
    },
  };
}

