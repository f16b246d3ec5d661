import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type Ref } from 'react';
import type { DocumentListEntry, DocumentSummary } from '../../../src-main/contract/library';
import { isTypingTarget } from '../../commands/key-binding';
import { DocumentRow, rowId } from './DocumentRow';
import type { SortKey, SortOrder } from './library-filter';
import { MetadataEditor } from './MetadataEditor';
import './document-table.css';

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
  documents: DocumentSummary[];
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

/** The library as a virtualized grid: only the rows in view exist, so 100,000 documents scroll smoothly. */
export function DocumentTable(props: DocumentTableProps) {
  const { documents, sort, activeId, editingId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 58,
    overscan: 8,
    getItemKey: (index) => documents[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = activeId === null ? -1 : documents.findIndex((document) => document.id === activeId);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  function move(to: number) {
    const target = documents[Math.max(0, Math.min(documents.length - 1, to))];
    if (target) props.onActivate(target.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (isTypingTarget(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / 58) - 1);
    const onGrid = event.target === event.currentTarget;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) move((activeIndex < 0 ? -1 : activeIndex) + moves[event.key]!);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(documents.length - 1);
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
      aria-rowcount={documents.length + 1}
      aria-activedescendant={activeId && activeIndex >= 0 ? rowId(activeId) : undefined}
      tabIndex={0}
      ref={props.listRef}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget && activeIndex < 0) move(0);
      }}
    >
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
                <button type="button" className="sort-button" onClick={() => props.onSort(column.key!)} title={`Sort by ${column.label.toLowerCase()}`}>
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
      <div role="rowgroup" className="table-body" ref={scroller}>
        <div className="table-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const document = documents[item.index];
            if (!document) return null;
            const id = document.id;
            return (
              <DocumentRow
                key={id}
                rowRef={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
                document={document}
                index={item.index}
                active={id === activeId}
                checked={props.checked.has(id)}
                missing={(document as Partial<DocumentListEntry>).missing}
                onActivate={() => props.onActivate(id)}
                onOpen={() => props.onOpen(id)}
                onToggleChecked={() => props.onToggleChecked(id)}
                onEdit={() => props.onEdit(id)}
                editor={
                  editingId === id ? (
                    <MetadataEditor document={document} onSaved={props.onSaved} onClose={() => props.onEdit(null)} />
                  ) : undefined
                }
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
