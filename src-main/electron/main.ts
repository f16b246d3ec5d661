// The desktop app's entry (bundled as out/main/index.js): hands the real 'electron' module to the shell in app.ts.
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLibraryPath } from '../core/store/location';
import { startDesktopApp } from './app';

const bundleDir = dirname(fileURLToPath(import.meta.url));

startDesktopApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, session, shell },
  {
    dbFile: process.env.PARALLAX_DB ?? defaultLibraryPath(),
    bundleDir,
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    samplesFolder: join(bundleDir, '..', '..', 'seeds'),
  },
).catch((error: Error) => {
  console.error(error.message);
  app.exit(1);
});
