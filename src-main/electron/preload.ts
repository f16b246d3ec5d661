// The preload: runs in the sandboxed renderer's isolated world and exposes `window.parallax` (see preload-bridge.ts).
// Bundled as CommonJS; 'electron' is its only runtime import, as a sandboxed preload requires.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './preload-bridge';

exposeBridge({ contextBridge, ipcRenderer });
