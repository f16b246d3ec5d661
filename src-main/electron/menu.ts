/** The application menu: standard roles plus items that send commands to the renderer's command registry. */
import type { MenuItemConstructorOptions } from 'electron';

/** The commands menu items send; the renderer runs them from the same registry as its palette and shortcuts. */
export const MENU_COMMANDS = ['import-folder', 'find', 'command-palette', 'toggle-theme', 'shortcuts', 'about'] as const;

/** One command a menu item sends to the renderer. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the menu depends on: the platform (macOS has an app menu), development mode, and where commands go. */
export interface MenuOptions {
  platform: NodeJS.Platform;
  dev: boolean;
  command(name: MenuCommand): void;
}

/** The menu template: File, Edit, View, (Window on macOS) and Help. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (name: MenuCommand) => () => options.command(name);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Import folder…', accelerator: 'CmdOrCtrl+O', click: send('import-folder') },
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        separator,
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'Command palette…', accelerator: 'CmdOrCtrl+K', click: send('command-palette') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle theme', accelerator: 'Alt+Shift+L', click: send('toggle-theme') },
        separator,
        ...(options.dev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    ...(mac ? [{ role: 'windowMenu' }] satisfies MenuItemConstructorOptions[] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', click: send('shortcuts') },
        separator,
        { label: 'About Parallax', click: send('about') },
      ],
    },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
