/** Links that leave Parallax: only web and mail addresses, and only after the reporter confirms. */
import type { BrowserWindow, Dialog, Shell } from 'electron';

/** The schemes the system may open outside the app; anything else (file:, javascript:, custom apps) is refused. */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/** The longest address Parallax offers to open. */
const URL_LIMIT = 4096;

/** The normalized address when it may be opened outside the app, else null. */
export function externalUrl(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > URL_LIMIT) return null;
  try {
    const url = new URL(candidate);
    return EXTERNAL_PROTOCOLS.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Asks the reporter whether to open the address in their browser or mail app, and opens it if they agree. */
export async function openExternalLink(
  electron: { dialog: Pick<Dialog, 'showMessageBox'>; shell: Pick<Shell, 'openExternal'> },
  window: BrowserWindow | null,
  candidate: unknown,
): Promise<boolean> {
  const url = externalUrl(candidate);
  if (!url) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open outside Parallax',
    message: url.startsWith('mailto:') ? 'Write an email to this address?' : 'Open this address in your browser?',
    detail: url,
  };
  const answer = window && !window.isDestroyed() ? await electron.dialog.showMessageBox(window, options) : await electron.dialog.showMessageBox(options);
  if (answer.response !== 0) return false;
  await electron.shell.openExternal(url);
  return true;
}
