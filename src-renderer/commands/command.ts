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
  /** Whether a passage is selected in one of the panes now (read live, not from the last render). */
  hasSelection(): boolean;
  /** Starts a note on the selected passage and opens it in the notebook. */
  noteSelection(): void;
  /** Adds the selected passage to the note open in the notebook. */
  addSelectionToNote(): void;
}

/** What the notebook panel lends the commands (it lives beside every view). */
export interface NotebookControls {
  /** Whether the panel is showing. */
  open: boolean;
  /** Whether a note is open in the panel's editor (so a passage can be added to it). */
  editing: boolean;
  toggle(): void;
  /** Opens the panel on its list with the cursor in the search box. */
  searchNotes(): void;
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
  notebook: NotebookControls;
}

/** One command: shown in the palette with its keys, run by its shortcut, a menu item or the palette. */
export interface Command {
  /** Stable id; the desktop menu sends it as `{ name }` in a `command` event. */
  id: string;
  title: string;
  /** Palette group. */
  group: 'Workbench' | 'Library' | 'Reader' | 'Notebook';
  /** Key bindings ("Mod+K", "Alt+ArrowDown", "]"); the first is the one shown. */
  keys: string[];
  run(context: CommandContext): void;
  /** Whether the command applies now; omitted means always. */
  enabled?(context: CommandContext): boolean;
}
