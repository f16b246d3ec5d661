/** The desktop app's main process: starts the engine, opens one secure window, and carries the contract over IPC. */
import type * as ElectronTypes from 'electron';
import { join } from 'node:path';
import type { Api } from '../contract/api';
import { isFirstRun, loadSamples } from '../engine/first-run';
import { startEngineHost, type EngineHost } from '../engine/host';
import { openExternalLink } from './external-links';
import { registerContract, sendEvent, shellMethods } from './ipc';
import { menuTemplate } from './menu';
import { createWindow, loadRenderer, secureSession, type RendererLocation } from './window';

/** The parts of the 'electron' module the shell uses; tests pass a fake with the same shape. */
export type ElectronModule = Pick<typeof ElectronTypes, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'session' | 'shell'>;

/** Where the library is, where the built bundles are, and (for tests) how to start the engine. */
export interface DesktopOptions {
  /** The library file; on first run (it does not exist yet) the sample story is loaded into it. */
  dbFile: string;
  /** The built main bundle's folder (out/main): the engine worker, preload and renderer are found from it. */
  bundleDir: string;
  /** electron-vite's dev server URL; without it the built renderer file is loaded. */
  devServerUrl?: string;
  /** The sample story's folder (defaults to the repository's seeds). */
  samplesFolder?: string;
  /** Starts the engine host; defaults to the worker thread beside the main bundle. */
  startEngine?(dbFile: string): Promise<Pick<EngineHost, 'api' | 'onProgress' | 'close'>>;
}

/** The running app: its window, its engine, and an orderly shutdown. */
export interface DesktopApp {
  window: ElectronTypes.BrowserWindow;
  engine: Pick<EngineHost, 'api' | 'onProgress' | 'close'>;
  close(): Promise<void>;
}

/** Starts the desktop app once Electron is ready; resolves when the window is loading the renderer. */
export async function startDesktopApp(electron: ElectronModule, options: DesktopOptions): Promise<DesktopApp> {
  const { app } = electron;
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    throw new Error('Parallax is already open.');
  }
  await app.whenReady();
  const renderer: RendererLocation = options.devServerUrl
    ? { kind: 'dev', url: options.devServerUrl }
    : { kind: 'file', file: join(options.bundleDir, '..', 'renderer', 'index.html') };
  secureSession(electron.session.defaultSession, renderer);

  const firstRun = isFirstRun(options.dbFile);
  const start = options.startEngine ?? ((dbFile: string) => startEngineHost({ dbFile, workerUrl: join(options.bundleDir, 'worker.js') }));
  let engine: DesktopApp['engine'];
  try {
    engine = await start(options.dbFile);
  } catch (error) {
    electron.dialog.showErrorBox('Parallax could not open its library', `${(error as Error).message}\n\nLibrary: ${options.dbFile}`);
    app.quit();
    throw error;
  }
  if (firstRun) await loadSamples(engine.api, options.samplesFolder).catch(() => null);

  const window: ElectronTypes.BrowserWindow = createWindow({
    BrowserWindow: electron.BrowserWindow,
    preload: join(options.bundleDir, '..', 'preload', 'index.cjs'),
    renderer,
    onExternal: (url) => void openExternalLink(electron, window, url),
  });
  const api: Api = { ...engine.api, ...shellMethods(electron.dialog, window) };
  const unregister = registerContract({ ipcMain: electron.ipcMain, window, renderer, api });
  const unsubscribe = engine.onProgress((progress) => sendEvent(window, 'progress', progress));
  const template = menuTemplate({ platform: process.platform, dev: renderer.kind === 'dev', command: (name) => sendEvent(window, 'command', { name }) });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      unsubscribe();
      unregister();
      await engine.close();
    })());
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    void close().finally(() => app.quit());
  });

  void loadRenderer(window, renderer).catch((error: Error) => {
    electron.dialog.showErrorBox('Parallax could not show its workbench', error.message);
  });
  return { window, engine, close };
}
