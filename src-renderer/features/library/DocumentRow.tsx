import { memo, type ReactNode, type Ref } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { fileName, formatCount, formatDate } from '../../components/document-label';

/** What a row needs besides its document: its place, its state, and handlers that take the document's id (the same functions for every row, so a row re-renders only when its own props change). */
export interface RowProps {
  document: DocumentSummary;
  index: number;
  /** Where the row stands in the list's content, in pixels from its top. */
  top: number;
  active: boolean;
  checked: boolean;
  missing: boolean | undefined;
  onActivate(id: string): void;
  onOpen(id: string): void;
  onToggleChecked(id: string): void;
  onEdit(id: string): void;
  /** The inline metadata editor, when this row is being edited. */
  editor?: ReactNode;
  rowRef?: Ref<HTMLDivElement> | undefined;
}

/** One document in the library list: title (or file name), outlet, date, byline, words, missing state. */
export const DocumentRow = memo(function DocumentRow({ document, index, top, active, checked, missing, onActivate, onOpen, onToggleChecked, onEdit, editor, rowRef }: RowProps) {
  const name = document.title ?? fileName(document.path);
  const id = document.id;
  return (
    <div
      ref={rowRef}
      style={{ transform: `translateY(${top}px)` }}
      data-index={index}
      className={`table-row${active ? ' active' : ''}${missing ? ' missing' : ''}${editor ? ' editing' : ''}`}
      role="row"
      id={rowId(id)}
      aria-rowindex={index + 2}
      aria-selected={active}
      onClick={() => onActivate(id)}
      onDoubleClick={() => onOpen(id)}
    >
      <span role="gridcell" className="cell-check">
        <input type="checkbox" checked={checked} onChange={() => onToggleChecked(id)} aria-label={`Compare ${name}`} title="Check to compare side by side" />
      </span>
      <span role="gridcell" className="cell-title">
        <button type="button" className={`title-button${document.title ? '' : ' untitled'}`} onClick={() => onOpen(id)} title={`Open “${name}” in the reader`}>
          {name}
        </button>
        {document.title ? null : <span className="tag">no title found</span>}
        {missing ? <span className="tag warning" title="The file is no longer where it was imported from; its text is kept.">file missing</span> : null}
        <span className="path" title={document.path}>
          {document.path}
        </span>
      </span>
      <span role="gridcell" className={document.outlet ? '' : 'unknown'}>
        {document.outlet ?? '—'}
      </span>
      <span role="gridcell" className={document.published ? '' : 'unknown'} title={document.published ?? undefined}>
        {formatDate(document.published) || '—'}
      </span>
      <span role="gridcell" className={document.byline ? '' : 'unknown'}>
        {document.byline ?? '—'}
      </span>
      <span role="gridcell" className="cell-number">
        {formatCount(document.words)}
      </span>
      <span role="gridcell" className="cell-edit">
        <button
          type="button"
          className="icon-button"
          aria-label={`Edit metadata of ${name}`}
          title="Edit metadata (F2)"
          onClick={(event) => {
            event.stopPropagation();
            onEdit(id);
          }}
        >
          ✎
        </button>
      </span>
      {editor ? (
        <div role="gridcell" className="cell-editor" onClick={(event) => event.stopPropagation()} onDoubleClick={(event) => event.stopPropagation()}>
          {editor}
        </div>
      ) : null}
    </div>
  );
});

/** A place in the list whose row has not arrived yet: the row's height, blank, busy (it arrives within a moment). */
export const PlaceholderRow = memo(function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div style={{ transform: `translateY(${top}px)` }} data-index={index} className="table-row placeholder" role="row" aria-rowindex={index + 2} aria-busy="true">
      <span role="gridcell" className="cell-check" />
      <span role="gridcell" className="cell-title">
        <span className="placeholder-bar" />
      </span>
    </div>
  );
});

/** The DOM id of a document's row (for aria-activedescendant). */
export function rowId(documentId: string): string {
  return `document-row-${documentId}`;
}
