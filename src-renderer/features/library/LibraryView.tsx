import { memo, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { DEFAULT_SORT, isFiltering, NO_FILTER, type DocumentSummary, type LibraryFilter, type SortKey, type SortOrder } from '../../../src-main/contract/library';
import type { LibraryControls } from '../../commands/command';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { Shortcut } from '../../components/Shortcut';
import { DocumentTable } from './DocumentTable';
import { ImportPanel } from './ImportPanel';
import { LibraryFilters } from './LibraryFilters';
import { useDocumentPages } from './use-document-pages';
import type { LibraryData } from './use-documents';
import { useImport } from './use-import';
import './library.css';

/** What the library view needs from the app. */
export interface LibraryViewProps {
  library: LibraryData;
  /** Opens documents in the reader: one replaces the current pane, several open side by side. */
  onOpen(ids: string[]): void;
  /** Lends the view's controls to the command registry (null when unmounting). */
  registerControls(controls: LibraryControls | null): void;
}

/** The library: filters, sort, import with progress, inline metadata editing, and a virtualized list (re-rendered only when its props or state change). */
export const LibraryView = memo(function LibraryView({ library, onOpen, registerControls }: LibraryViewProps) {
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortOrder>(DEFAULT_SORT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const flow = useImport(library.reload);
  const deferredFilter = useDeferredValue(filter);

  // The engine filters and sorts; the table asks for the rows it shows. The selected row is followed across a new
  // filter or sort (its place comes with the first answer).
  const pages = useDocumentPages(deferredFilter, sort, library.revision, activeId);

  const toggleChecked = useCallback((id: string) => {
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const compareSelected = useCallback(() => {
    // In the order they were checked.
    const ids = [...checked].slice(0, 4);
    if (ids.length > 0) onOpen(ids);
  }, [checked, onOpen]);

  const edit = useCallback((id: string | null) => {
    setEditingId(id);
    if (id) setActiveId(id);
    else list.current?.focus();
  }, []);

  useEffect(() => {
    registerControls({
      selectedCount: checked.size,
      compareSelected,
      editActive: () => activeId && edit(activeId),
      focusList: () => list.current?.focus(),
      importFolder: () => void flow.start(),
    });
  });
  useEffect(() => () => registerControls(null), [registerControls]);

  function onSort(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'published' || key === 'words' ? 'descending' : 'ascending' },
    );
  }

  const total = pages.all ?? 0;
  const shown = pages.total ?? 0;
  const loading = pages.total === null;
  return (
    <section className="library-view" aria-labelledby="library-heading">
      <header className="view-header">
        <div className="view-title">
          <h1 id="library-heading">Library</h1>
          <p className="quiet" role="status">
            {loading && total === 0
              ? 'Loading the library…'
              : isFiltering(filter)
                ? `${plural(shown, 'document')} of ${plural(total, 'source')}`
                : plural(total, 'source')}
          </p>
        </div>
        <div className="view-actions">
          {checked.size === 0 ? (
            <span className="quiet">Check two to four documents to compare them side by side.</span>
          ) : (
            <button type="button" className="primary" onClick={compareSelected}>
              {checked.size > 1 ? `Compare ${Math.min(checked.size, 4)} side by side` : 'Open the checked document'}
              <Shortcut binding="Alt+C" />
            </button>
          )}
          {checked.size > 0 ? (
            <button type="button" className="link-button" onClick={() => setChecked(new Set())}>
              Uncheck all
            </button>
          ) : null}
          <button type="button" onClick={() => void flow.start()} disabled={flow.state.running}>
            Import folder… <Shortcut binding="Mod+O" />
          </button>
        </div>
      </header>
      {checked.size > 4 ? <p className="notice">Up to four documents open side by side: the first four checked will open.</p> : null}
      <ImportPanel flow={flow} />
      <LibraryFilters filter={filter} onChange={setFilter} revision={library.revision} stories={library.stories} />
      {pages.error ? <ErrorNote error={pages.error} /> : null}
      {!loading && total === 0 ? (
        <p className="empty-state">The library is empty. Import a folder of articles (web pages, text, PDF, Word or e-mail files) to begin.</p>
      ) : !loading && shown === 0 && total > 0 ? (
        <p className="empty-state">No document matches these filters.</p>
      ) : null}
      <DocumentTable
        pages={pages}
        sort={sort}
        onSort={onSort}
        activeId={activeId}
        onActivate={setActiveId}
        onOpen={(id) => onOpen([id])}
        checked={checked}
        onToggleChecked={toggleChecked}
        editingId={editingId}
        onEdit={edit}
        onSaved={(summary: DocumentSummary) => library.replace(summary)}
        listRef={list}
      />
    </section>
  );
});
