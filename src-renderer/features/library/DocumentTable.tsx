import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { DocumentSummary, SortKey, SortOrder } from '../../../src-main/contract/library';
import { isTypingTarget } from '../../commands/key-binding';
import { DocumentRow, PlaceholderRow, rowId } from './DocumentRow';
import type { DocumentWindows } from './use-document-pages';
import { preloadReaderView } from '../reader/use-reader-view';
import { MetadataEditor } from './MetadataEditor';
import './document-table.css';

/** A row's height before one has been measured (the CSS gives rows this height at the default font size). */
const ROW_HEIGHT = 58;

/** Rows rendered beyond each edge of the view, so a quick scroll shows rows rather than blank space. */
const OVERSCAN = 6;

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: null, label: 'Compare' },
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'published', label: 'Date' },
  { key: 'byline', label: 'Byline' },
  { key: 'words', label: 'Words' },
  { key: null, label: 'Edit' },
];

/** What the table shows and reports. */
export interface DocumentTableProps {
  /** The list, held a window at a time: the table asks for the rows it is about to show. */
  pages: DocumentWindows;
  sort: SortOrder;
  onSort(key: SortKey): void;
  activeId: string | null;
  onActivate(id: string): void;
  onOpen(id: string): void;
  checked: ReadonlySet<string>;
  onToggleChecked(id: string): void;
  editingId: string | null;
  onEdit(id: string | null): void;
  onSaved(summary: DocumentSummary): void;
  listRef?: Ref<HTMLDivElement>;
}

/**
 * The library as a virtualized grid: only the rows in view exist, and only the rows near the view are fetched, so
 * 100,000 documents scroll smoothly; a row not yet arrived shows as a blank placeholder. Rows all have one height,
 * measured once from the first row shown; only the row being edited (taller) is measured by itself.
 */
export function DocumentTable(props: DocumentTableProps) {
  const { pages, sort, activeId, editingId } = props;
  const count = pages.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  // Stable functions: the virtualizer re-measures every row when they change, which on a long list costs more than a
  // frame. Rows are keyed by place (a place's row arrives later than the place itself).
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const virtualizer = useVirtualizer({ count, getScrollElement, estimateSize, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const activeIndex = activeId === null ? -1 : pages.indexOf(activeId);

  // The rows about to be shown are asked for (the hook skips those held or on their way).
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => {
    pages.request(firstShown, lastShown + 1);
  }, [pages, firstShown, lastShown]);

  // A keyboard move to a row not yet arrived: it becomes active when it arrives.
  const pendingMove = useRef<number | null>(null);
  useEffect(() => {
    if (pendingMove.current === null) return;
    const row = pages.rowAt(pendingMove.current);
    if (!row) return;
    pendingMove.current = null;
    props.onActivate(row.id);
  });

  // The row height, once, from the first plain row shown (fonts may make rows taller than the CSS minimum).
  const measured = useRef(false);
  useLayoutEffect(() => {
    if (measured.current) return;
    const height = spacer.current?.querySelector<HTMLElement>('.table-row:not(.editing)')?.offsetHeight ?? 0;
    if (height === 0) return;
    measured.current = true;
    if (height !== rowHeight) setRowHeight(height);
  });

  // Sizes estimated with another row height no longer hold.
  useLayoutEffect(() => {
    if (rowHeight !== ROW_HEIGHT) virtualizer.measure();
  }, [virtualizer, rowHeight]);

  // The editor closed: its row, measured while it was open, has the common height again.
  const edited = useRef<string | null>(null);
  useLayoutEffect(() => {
    const closed = edited.current;
    edited.current = editingId;
    if (closed === null || closed === editingId) return;
    const index = pages.indexOf(closed);
    if (index >= 0) virtualizer.resizeItem(index, rowHeight);
  }, [editingId, pages, virtualizer, rowHeight]);

  // The same handler functions for every row and every render, calling the latest props.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onActivate = useCallback((id: string) => latest.current.onActivate(id), []);
  const onOpen = useCallback((id: string) => {
    // The text is asked for before the reader is drawn: the request is on its way while React switches views.
    preloadReaderView(id);
    latest.current.onOpen(id);
  }, []);
  const onToggleChecked = useCallback((id: string) => latest.current.onToggleChecked(id), []);
  const onEdit = useCallback((id: string) => latest.current.onEdit(id), []);
  const onCloseEditor = useCallback(() => latest.current.onEdit(null), []);
  const onSaved = useCallback((summary: DocumentSummary) => latest.current.onSaved(summary), []);

  // The active row is brought into view, unless it is in full view already (a clicked row): asking the virtualizer
  // costs a layout of the page, in the middle of opening a document.
  useEffect(() => {
    if (activeIndex < 0) return;
    const item = virtualizer.getVirtualItems().find((candidate) => candidate.index === activeIndex);
    const top = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (item && height > 0 && item.start >= top && item.end <= top + height) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  function move(to: number) {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    const target = pages.rowAt(index);
    if (target) {
      pendingMove.current = null;
      props.onActivate(target.id);
    } else {
      pendingMove.current = index;
      pages.request(index, index + 1);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (isTypingTarget(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / rowHeight) - 1);
    const onGrid = event.target === event.currentTarget;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) move((activeIndex < 0 ? -1 : activeIndex) + moves[event.key]!);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(count - 1);
    else if (event.key === 'Enter' && onGrid && activeId) props.onOpen(activeId);
    else if (event.key === ' ' && onGrid && activeId) props.onToggleChecked(activeId);
    else return;
    event.preventDefault();
  }

  return (
    <div
      className="document-table"
      role="grid"
      aria-label="Documents in the library"
      aria-rowcount={count + 1}
      aria-activedescendant={activeId && activeIndex >= 0 ? rowId(activeId) : undefined}
      tabIndex={0}
      ref={props.listRef}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget && activeIndex < 0) move(0);
      }}
    >
      <TableHead sort={sort} onSort={props.onSort} />
      <div role="rowgroup" className="table-body" ref={scroller}>
        <div className="table-spacer" ref={spacer} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const document = pages.rowAt(item.index);
            if (!document) return <PlaceholderRow key={`place-${item.index}`} index={item.index} top={item.start} />;
            const id = document.id;
            const editing = editingId === id;
            return (
              <DocumentRow
                key={id}
                rowRef={editing ? virtualizer.measureElement : undefined}
                top={item.start}
                document={document}
                index={item.index}
                active={id === activeId}
                checked={props.checked.has(id)}
                missing={document.missing}
                onActivate={onActivate}
                onOpen={onOpen}
                onToggleChecked={onToggleChecked}
                onEdit={onEdit}
                editor={editing ? <MetadataEditor document={document} onSaved={onSaved} onClose={onCloseEditor} /> : undefined}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The column headers, with the sort buttons; re-rendered only when the sort changes. */
const TableHead = memo(function TableHead({ sort, onSort }: { sort: SortOrder; onSort(key: SortKey): void }) {
  return (
    <div role="rowgroup" className="table-head">
      <div role="row" className="table-row head" aria-rowindex={1}>
        {COLUMNS.map((column) => (
          <span
            key={column.label}
            role="columnheader"
            className={column.key === 'words' ? 'cell-number' : undefined}
            aria-sort={column.key && sort.key === column.key ? sort.direction : undefined}
          >
            {column.key ? (
              <button type="button" className="sort-button" onClick={() => onSort(column.key!)} title={`Sort by ${column.label.toLowerCase()}`}>
                {column.label}
                <span className="sort-mark" aria-hidden="true">
                  {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              <span className="visually-hidden-label">{column.label}</span>
            )}
          </span>
        ))}
      </div>
    </div>
  );
});
