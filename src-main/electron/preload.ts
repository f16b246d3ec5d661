// The preload bridge: runs in the sandboxed renderer's isolated world; it will expose exactly the contract's methods.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('parallax', { version: 1 });
