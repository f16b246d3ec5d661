/**
 * The bridge the preload exposes as `window.parallax`: one function per contract method, plus `on` for events.
 * It imports only the contract's method list and channel names, so the bundled preload needs nothing but 'electron'.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { API_METHODS, type ApiClient, type ApiEvents } from '../contract/api';
import { EVENT_CHANNEL, methodChannel, type EventMessage } from './channels';

/** The parts of Electron's renderer module the preload uses. */
export interface PreloadElectron {
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>;
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
}

/** Builds the client: methods invoke their channel; `on` relays one event's payloads and returns an unsubscribe. */
export function createBridge(ipcRenderer: PreloadElectron['ipcRenderer']): ApiClient {
  const bridge: Record<string, unknown> = {};
  for (const method of API_METHODS) bridge[method] = (input: unknown) => ipcRenderer.invoke(methodChannel(method), input);
  bridge.on = (event: keyof ApiEvents, listener: (payload: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('parallax.on needs a listener function.');
    const relay = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  };
  return bridge as unknown as ApiClient;
}

/** Exposes the bridge as `window.parallax` in the page's world (never ipcRenderer itself). */
export function exposeBridge(electron: PreloadElectron): void {
  electron.contextBridge.exposeInMainWorld('parallax', createBridge(electron.ipcRenderer));
}
