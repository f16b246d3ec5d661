/** The contract over IPC: one `parallax:METHOD` channel per method, each checking who asks and what they send. */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type Api, type ApiEvents, type ShellMethods } from '../contract/api';
import { failure, success, type Result } from '../contract/result';
import { validateInput } from '../contract/schemas';
import { EVENT_CHANNEL, methodChannel, type EventMessage } from './channels';
import { isRendererUrl, type RendererLocation } from './window';

/** Whether an IPC call comes from our window's main frame while it shows our renderer (not a subframe, not elsewhere). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow, renderer: RendererLocation): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame !== main && frame.frameToken !== main.frameToken) return false;
  return isRendererUrl(frame.url, renderer);
}

/** The methods only the desktop shell can answer, with Electron's dialogs. */
export function shellMethods(dialog: Pick<Dialog, 'showOpenDialog'>, window: BrowserWindow): ShellMethods {
  return {
    async chooseFolder() {
      const answer = await dialog.showOpenDialog(window, { title: 'Import a folder', buttonLabel: 'Import', properties: ['openDirectory'] });
      return success({ path: answer.canceled ? null : (answer.filePaths[0] ?? null) });
    },
  };
}

/** What the IPC handlers need: the window they serve, its renderer, and the whole contract (engine plus shell). */
export interface ContractOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  window: BrowserWindow;
  renderer: RendererLocation;
  api: Api;
}

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerContract(options: ContractOptions): () => void {
  const { ipcMain, window, renderer, api } = options;
  for (const method of API_METHODS) {
    const target = api[method] as (input: unknown) => Promise<Result<unknown>>;
    ipcMain.handle(methodChannel(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, window, renderer)) {
        return failure('bad-request', 'This request did not come from the Parallax window, so it was refused.');
      }
      const valid = validateInput(method, input);
      if (!valid.ok) return valid;
      try {
        return await target(valid.value);
      } catch (error) {
        return failure('internal', `Parallax failed to answer: ${(error as Error).message}`);
      }
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(methodChannel(method));
  };
}

/** Sends an event (progress, a menu command) to the window, if it is still open. */
export function sendEvent<Event extends keyof ApiEvents>(window: BrowserWindow, event: Event, payload: ApiEvents[Event]): void {
  if (window.isDestroyed()) return;
  window.webContents.send(EVENT_CHANNEL, { event, payload } as EventMessage);
}
