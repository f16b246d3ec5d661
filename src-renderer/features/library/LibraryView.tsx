import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { LibraryControls } from '../../commands/command';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { Shortcut } from '../../components/Shortcut';
import { DocumentTable } from './DocumentTable';
import { ImportPanel } from './ImportPanel';
import { LibraryFilters } from './LibraryFilters';
import { filterDocuments, isFiltering, NO_FILTER, sortDocuments, type LibraryFilter, type SortKey, type SortOrder } from './library-filter';
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
  const [sort, setSort] = useState<SortOrder>({ key: 'published', direction: 'descending' });
  const [activeId, setActiveId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const flow = useImport(library.reload);
  const deferredFilter = useDeferredValue(filter);

  // Sorted once per list and order; filtering the sorted list keeps its order, so typing a filter never sorts again.
  const sorted = useMemo(() => sortDocuments(library.documents, sort), [library.documents, sort]);
  const shown = useMemo(() => filterDocuments(sorted, deferredFilter), [sorted, deferredFilter]);

  const toggleChecked = useCallback((id: string) => {
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const compareSelected = useCallback(() => {
    const ids = library.documents.filter((document) => checked.has(document.id)).map((document) => document.id).slice(0, 4);
    if (ids.length > 0) onOpen(ids);
  }, [checked, library.documents, onOpen]);

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

  const total = library.documents.length;
  return (
    <section className="library-view" aria-labelledby="library-heading">
      <header className="view-header">
        <div className="view-title">
          <h1 id="library-heading">Library</h1>
          <p className="quiet" role="status">
            {library.loading && total === 0
              ? 'Loading the library…'
              : isFiltering(filter)
                ? `${plural(shown.length, 'document')} of ${plural(total, 'source')}`
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
      <LibraryFilters filter={filter} onChange={setFilter} documents={library.documents} stories={library.stories} />
      {library.error ? <ErrorNote error={library.error} /> : null}
      {!library.loading && total === 0 ? (
        <p className="empty-state">The library is empty. Import a folder of articles (.txt, .md, .html) to begin.</p>
      ) : shown.length === 0 && total > 0 ? (
        <p className="empty-state">No document matches these filters.</p>
      ) : null}
      <DocumentTable
        documents={shown}
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
