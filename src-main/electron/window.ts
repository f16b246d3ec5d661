/** The workbench window and its session, locked down: articles are untrusted, so the page may reach nothing else. */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../server/access';

/** Where the renderer comes from: the built file, or electron-vite's dev server during development. */
export type RendererLocation = { kind: 'file'; file: string } | { kind: 'dev'; url: string };

/** The settings every Parallax page runs with: isolated, sandboxed, no Node, same-origin rules on. */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The page's Content-Security-Policy: the HTTP host's, plus the dev server's live-reload socket in development. */
export function contentSecurityPolicy(renderer: RendererLocation): string {
  if (renderer.kind === 'file') return CONTENT_SECURITY_POLICY;
  const socket = new URL(renderer.url);
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:';
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${socket.origin}`);
}

/** The renderer's address as a URL string. */
export function rendererUrl(renderer: RendererLocation): string {
  return renderer.kind === 'file' ? pathToFileURL(renderer.file).href : renderer.url;
}

/** Whether a URL is our renderer: the built index.html exactly (any query or hash), or the dev server's origin. */
export function isRendererUrl(candidate: string, renderer: RendererLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const expected = new URL(rendererUrl(renderer));
  if (renderer.kind === 'dev') return url.origin === expected.origin;
  return url.protocol === 'file:' && url.host === expected.host && url.pathname === expected.pathname;
}

/** Denies every permission, applies the CSP to every response (file:// pages too), and stops requests to the network. */
export function secureSession(session: Session, renderer: RendererLocation): void {
  const policy = contentSecurityPolicy(renderer);
  const devOrigin = renderer.kind === 'dev' ? new URL(renderer.url).origin : null;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, devOrigin) });
  });
}

/** Whether a request stays on the machine: local schemes always, http(s)/ws only to the dev server. */
export function requestAllowed(candidate: string, devOrigin: string | null): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol)) return true;
  if (devOrigin === null) return false;
  const dev = new URL(devOrigin);
  return url.hostname === dev.hostname && url.port === dev.port;
}

/** Denies navigation away from the renderer, every new window and every webview; offers links to `onExternal`. */
export function hardenContents(contents: WebContents, renderer: RendererLocation, onExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isRendererUrl(event.url, renderer)) return;
    event.preventDefault();
    onExternal(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    onExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** What a window needs: the window class, the built preload, the renderer, and where external links go. */
export interface WindowOptions {
  BrowserWindow: typeof BrowserWindow;
  preload: string;
  renderer: RendererLocation;
  onExternal(url: string): void;
}

/** Creates the workbench window (hidden until its first paint), hardened but not yet loaded. */
export function createWindow(options: WindowOptions): BrowserWindow {
  const window = new options.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Parallax',
    show: false,
    webPreferences: secureWebPreferences(options.preload),
  });
  hardenContents(window.webContents, options.renderer, options.onExternal);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Loads the renderer into the window. */
export function loadRenderer(window: BrowserWindow, renderer: RendererLocation): Promise<void> {
  return renderer.kind === 'file' ? window.loadFile(renderer.file) : window.loadURL(renderer.url);
}
