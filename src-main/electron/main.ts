// The desktop shell's main process: starts the engine worker and opens one secure window on the renderer.
import { app, BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineHost, type EngineHost } from '../engine/host';
import { defaultLibraryPath } from '../core/store/location';
import { isFirstRun, loadSamples } from '../engine/first-run';

const here = dirname(fileURLToPath(import.meta.url));
let engine: EngineHost | null = null;

/** Opens the workbench window with the secure settings of DESIGN.md. */
function openWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Parallax',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const dbFile = process.env.PARALLAX_DB ?? defaultLibraryPath();
  const firstRun = isFirstRun(dbFile);
  engine = await startEngineHost({ dbFile, workerUrl: join(here, 'worker.js') });
  if (firstRun) await loadSamples(engine.api);
  openWindow();
});

app.on('window-all-closed', () => {
  void engine?.close();
  app.quit();
});
