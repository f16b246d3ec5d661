import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NoteAnchor } from '../../src-main/contract/notes';
import type { SearchHitDetails } from '../../src-main/contract/search';
import type { CommandContext, LibraryControls, ReaderControls, View } from '../commands/command';
import { useCommands } from '../commands/use-commands';
import { ReadingView } from '../features/compare/ReadingView';
import { useWorkspace, type Passage } from '../features/compare/use-workspace';
import { LibraryView } from '../features/library/LibraryView';
import { useDocuments } from '../features/library/use-documents';
import { NotebookPanel } from '../features/notebook/NotebookPanel';
import { useNotebook } from '../features/notebook/use-notebook';
import { CommandPalette } from '../features/palette/CommandPalette';
import { QuotesView } from '../features/quotes/QuotesView';
import { clearDocQuotes } from '../features/reader/use-doc-quotes';
import { clearReaderViews } from '../features/reader/use-reader-view';
import { SearchResults } from '../features/search/SearchResults';
import { CompareView } from '../features/story-compare/CompareView';
import { clearSourceTexts } from '../features/story-compare/use-source-texts';
import { useSearch } from '../features/search/use-search';
import { Toast } from '../components/Toast';
import { AboutDialog } from './AboutDialog';
import { LibraryNotices } from './LibraryNotices';
import { TopBar } from './TopBar';
import { useTheme } from './use-theme';

/**
 * The workbench: a top bar over five views (library, search, reader, quotes, compare), the notebook docked on the
 * right of whichever view shows, the command palette and the shortcuts.
 */
export function App() {
  const library = useDocuments();
  const search = useSearch();
  const workspace = useWorkspace();
  const notebook = useNotebook();
  const { changed: notebookChanged, dismissToast } = notebook;
  const { theme, toggle: toggleTheme } = useTheme();
  const [view, setView] = useState<View>('library');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const controls = useRef<{ reader: ReaderControls | null; library: LibraryControls | null }>({ reader: null, library: null });
  const summaries = useMemo(() => new Map(library.documents.map((document) => [document.id, document])), [library.documents]);

  // Texts may have changed with the library: views fetched before are not trusted.
  useEffect(() => {
    clearReaderViews();
    clearDocQuotes();
    clearSourceTexts();
    // Changed texts may move or lose noted passages.
    notebookChanged();
  }, [library.documents, notebookChanged]);

  const registerReader = useCallback((value: ReaderControls | null) => void (controls.current.reader = value), []);
  const registerLibrary = useCallback((value: LibraryControls | null) => void (controls.current.library = value), []);

  const openDocuments = useCallback(
    (ids: string[]) => {
      if (ids.length === 1) workspace.openDocument(ids[0]!);
      else workspace.openDocuments(ids);
      setView('reader');
    },
    [workspace],
  );

  const openHit = useCallback(
    (hit: SearchHitDetails | undefined, beside: boolean) => {
      if (!hit) return;
      workspace.openDocument(hit.id, { beside, hits: hit.highlights.flat() });
      setView('reader');
    },
    [workspace],
  );

  const openPassages = useCallback(
    (passages: Passage[], note: string) => {
      if (passages.length === 0) return;
      workspace.openPassages(passages, note);
      setView('reader');
    },
    [workspace],
  );

  /** Opens a note's passage in the reader (in the pane already showing its source, if any), outlined and flashed. */
  const openNotePassage = useCallback(
    (anchor: NoteAnchor) => {
      workspace.showPassage({ docId: anchor.docId, start: anchor.start, end: anchor.end }, 'Passage of your note');
      setView('reader');
    },
    [workspace],
  );

  const context: CommandContext = {
    view,
    showView: setView,
    focusSearch: () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    openPalette: () => setPaletteOpen(true),
    showAbout: () => setAboutOpen(true),
    toggleTheme,
    importFolder: () => {
      setView('library');
      controls.current.library?.importFolder();
    },
    get reader() {
      return controls.current.reader;
    },
    get library() {
      return controls.current.library;
    },
    notebook: { open: notebook.state.open, editing: notebook.editing, toggle: notebook.toggle, searchNotes: notebook.searchNotes },
  };
  const contextRef = useRef(context);
  contextRef.current = context;
  useCommands(contextRef);

  return (
    <div className="app">
      <TopBar
        view={view}
        onView={setView}
        paneCount={workspace.state.panes.length}
        hitCount={search.state.hits.length}
        searchRef={searchInput}
        search={{
          state: search.state,
          onQuery: search.setQuery,
          onMove: search.move,
          onOpen: (beside) => openHit(search.state.hits[search.state.activeIndex], beside),
          onEngage: () => setView('search'),
        }}
        theme={theme}
        onToggleTheme={toggleTheme}
        onPalette={() => setPaletteOpen(true)}
        notebookOpen={notebook.state.open}
        onToggleNotebook={notebook.toggle}
      />
      <div className={`app-body${notebook.state.open ? ' with-notebook' : ''}`}>
        <main className="views">
          <div className="view" hidden={view !== 'library'}>
            <LibraryView library={library} onOpen={openDocuments} registerControls={registerLibrary} />
          </div>
          <div className="view" hidden={view !== 'search'}>
            <SearchResults
              state={search.state}
              documents={summaries}
              onActivate={search.setActiveIndex}
              onOpen={(index, beside) => openHit(search.state.hits[index], beside)}
            />
          </div>
          <div className="view" hidden={view !== 'reader'}>
            <ReadingView workspace={workspace} documents={library.documents} summaries={summaries} registerControls={registerReader} notebook={notebook} />
          </div>
          <div className="view" hidden={view !== 'quotes'}>
            <QuotesView active={view === 'quotes'} documents={library.documents} summaries={summaries} stories={library.stories} onOpenPassages={openPassages} onNotePassages={(passages, body) => void notebook.notePassages(passages.map(({ docId, start, end }) => ({ doc: docId, start, end })), body)} />
          </div>
          <div className="view" hidden={view !== 'compare'}>
            <CompareView active={view === 'compare'} documents={library.documents} stories={library.stories} onOpenPassages={openPassages} />
          </div>
        </main>
        {notebook.state.open ? <NotebookPanel notebook={notebook} onOpenPassage={openNotePassage} /> : null}
      </div>
      {notebook.state.toast ? (
        <Toast
          key={notebook.state.toast.id}
          text={notebook.state.toast.text}
          tone={notebook.state.toast.tone}
          action={notebook.state.toast.action}
          onDismiss={() => dismissToast(notebook.state.toast!.id)}
        />
      ) : null}
      <LibraryNotices />
      {paletteOpen ? <CommandPalette context={context} onClose={() => setPaletteOpen(false)} /> : null}
      {aboutOpen ? <AboutDialog onClose={() => setAboutOpen(false)} /> : null}
    </div>
  );
}
