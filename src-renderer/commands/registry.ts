import type { Command, CommandContext } from './command';
import { isBareKey, isTypingTarget, matchesBinding, parseBinding } from './key-binding';

/** Whether the reading view is showing and has lent its controls. */
const reading = (context: CommandContext) => context.view === 'reader' && context.reader !== null;
/** Whether a passage is selected in the reading view. */
const selecting = (context: CommandContext) => reading(context) && (context.reader?.hasSelection() ?? false);
/** Whether the library view is showing and has lent its controls. */
const inLibrary = (context: CommandContext) => context.view === 'library' && context.library !== null;

/** Every command of the workbench: the palette, the shortcuts and the desktop menu all come from this one list. */
export const COMMANDS: readonly Command[] = [
  { id: 'command-palette', title: 'Show all commands', group: 'Workbench', keys: ['Mod+K'], run: (c) => c.openPalette() },
  { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'Workbench', keys: ['Mod+/'], run: (c) => c.openPalette() },
  { id: 'about', title: 'About Parallax', group: 'Workbench', keys: [], run: (c) => c.showAbout() },
  { id: 'find', title: 'Search the library', group: 'Workbench', keys: ['Mod+F', '/'], run: (c) => c.focusSearch() },
  { id: 'show-library', title: 'Go to the library', group: 'Workbench', keys: ['Alt+1'], run: (c) => c.showView('library') },
  { id: 'show-search', title: 'Go to search results', group: 'Workbench', keys: ['Alt+2'], run: (c) => c.showView('search') },
  { id: 'show-reader', title: 'Go to the reader', group: 'Workbench', keys: ['Alt+3'], run: (c) => c.showView('reader') },
  { id: 'show-quotes', title: 'Go to the quote ledger', group: 'Workbench', keys: ['Alt+4'], run: (c) => c.showView('quotes') },
  { id: 'show-compare', title: 'Compare the sources of a story', group: 'Workbench', keys: ['Alt+5'], run: (c) => c.showView('compare') },
  { id: 'toggle-theme', title: 'Switch between light and dark theme', group: 'Workbench', keys: ['Alt+Shift+L'], run: (c) => c.toggleTheme() },
  { id: 'import-folder', title: 'Import a folder…', group: 'Library', keys: ['Mod+O'], run: (c) => c.importFolder() },
  {
    id: 'compare-selected',
    title: 'Open the checked documents side by side',
    group: 'Library',
    keys: ['Alt+C'],
    run: (c) => c.library?.compareSelected(),
    enabled: (c) => inLibrary(c) && (c.library?.selectedCount ?? 0) >= 1,
  },
  { id: 'edit-metadata', title: 'Edit the metadata of the current document', group: 'Library', keys: ['F2'], run: (c) => c.library?.editActive(), enabled: inLibrary },
  {
    id: 'next-shared-passage',
    title: 'Next shared passage',
    group: 'Reader',
    keys: [']', 'Alt+ArrowDown'],
    run: (c) => c.reader?.nextShared(),
    enabled: (c) => reading(c) && (c.reader?.sharedCount ?? 0) > 0,
  },
  {
    id: 'previous-shared-passage',
    title: 'Previous shared passage',
    group: 'Reader',
    keys: ['[', 'Alt+ArrowUp'],
    run: (c) => c.reader?.previousShared(),
    enabled: (c) => reading(c) && (c.reader?.sharedCount ?? 0) > 0,
  },
  { id: 'toggle-sync-scroll', title: 'Sync scroll by shared passages', group: 'Reader', keys: ['Alt+S'], run: (c) => c.reader?.toggleSync(), enabled: reading },
  { id: 'toggle-quotes', title: 'Show or hide quotes in the reader', group: 'Reader', keys: ['Alt+Q'], run: (c) => c.reader?.toggleQuotes(), enabled: reading },
  { id: 'toggle-hidden', title: 'Show or hide removed boilerplate', group: 'Reader', keys: ['Alt+B'], run: (c) => c.reader?.toggleHidden(), enabled: reading },
  {
    id: 'add-pane',
    title: 'Add a pane beside',
    group: 'Reader',
    keys: ['Alt+N'],
    run: (c) => c.reader?.addPane(),
    enabled: (c) => reading(c) && (c.reader?.paneCount ?? 4) < 4,
  },
  {
    id: 'close-pane',
    title: 'Close the current pane',
    group: 'Reader',
    keys: ['Alt+W'],
    run: (c) => c.reader?.closePane(),
    enabled: (c) => reading(c) && (c.reader?.paneCount ?? 0) > 0,
  },
  {
    id: 'next-pane',
    title: 'Move to the next pane',
    group: 'Reader',
    keys: ['Alt+ArrowRight'],
    run: (c) => c.reader?.nextPane(),
    enabled: (c) => reading(c) && (c.reader?.paneCount ?? 0) > 1,
  },
  { id: 'clear-related', title: 'Clear the matches of the selection', group: 'Reader', keys: ['Escape'], run: (c) => c.reader?.clearRelated(), enabled: reading },
  { id: 'toggle-notebook', title: 'Show or hide the notebook', group: 'Notebook', keys: ['Alt+6', 'Mod+Shift+N'], run: (c) => c.notebook.toggle() },
  { id: 'search-notes', title: 'Search the notebook', group: 'Notebook', keys: ['Alt+Shift+F'], run: (c) => c.notebook.searchNotes() },
  { id: 'note-selection', title: 'Note the selected passage', group: 'Notebook', keys: ['N'], run: (c) => c.reader?.noteSelection(), enabled: selecting },
  {
    id: 'add-selection-to-note',
    title: 'Add the selected passage to the open note',
    group: 'Notebook',
    keys: ['Shift+N'],
    run: (c) => c.reader?.addSelectionToNote(),
    enabled: (c) => selecting(c) && c.notebook.editing,
  },
];

/** The command with this id (menu events name commands by id). */
export function findCommand(id: string): Command | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** Whether a command may run now. */
export function isEnabled(command: Command, context: CommandContext): boolean {
  return command.enabled ? command.enabled(context) : true;
}

/** The enabled command a key press triggers, if any; bare keys are ignored while the reporter types in a field. */
export function commandForKey(event: KeyboardEvent, context: CommandContext): Command | undefined {
  const typing = isTypingTarget(event.target);
  return COMMANDS.find((command) =>
    command.keys.some((text) => {
      const binding = parseBinding(text);
      if (typing && (isBareKey(binding) || binding.key === 'Escape')) return false;
      return matchesBinding(event, binding) && isEnabled(command, context);
    }),
  );
}
