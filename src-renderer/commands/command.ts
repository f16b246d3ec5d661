/** The shape of a registered command and of what it can act on. */

/** The workbench's main views. */
export type View = 'library' | 'search' | 'reader' | 'quotes' | 'compare';

/** What the reading view lends the commands while it is mounted. */
export interface ReaderControls {
  paneCount: number;
  sharedCount: number;
  showHidden: boolean;
  syncScroll: boolean;
  nextShared(): void;
  previousShared(): void;
  toggleHidden(): void;
  toggleSync(): void;
  toggleQuotes(): void;
  addPane(): void;
  closePane(): void;
  nextPane(): void;
  clearRelated(): void;
}

/** What the library view lends the commands while it is mounted. */
export interface LibraryControls {
  selectedCount: number;
  compareSelected(): void;
  editActive(): void;
  focusList(): void;
  importFolder(): void;
}

/** Everything a command may act on: app-wide actions plus the controls the mounted views registered. */
export interface CommandContext {
  view: View;
  showView(view: View): void;
  focusSearch(): void;
  openPalette(): void;
  showAbout(): void;
  toggleTheme(): void;
  importFolder(): void;
  reader: ReaderControls | null;
  library: LibraryControls | null;
}

/** One command: shown in the palette with its keys, run by its shortcut, a menu item or the palette. */
export interface Command {
  /** Stable id; the desktop menu sends it as `{ name }` in a `command` event. */
  id: string;
  title: string;
  /** Palette group. */
  group: 'Workbench' | 'Library' | 'Reader';
  /** Key bindings ("Mod+K", "Alt+ArrowDown", "]"); the first is the one shown. */
  keys: string[];
  run(context: CommandContext): void;
  /** Whether the command applies now; omitted means always. */
  enabled?(context: CommandContext): boolean;
}
