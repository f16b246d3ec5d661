import { useEffect, useRef } from 'react';
import type { Note } from '../../../src-main/contract/notes';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { anchorTrouble, formatExactTime, formatWhen, isBodyEmpty, noteTitle } from './note-text';
import { useNoteList, type NoteShelf } from './use-note-list';
import { claimFocus, type FocusRequest } from './use-notebook';

/** What the list shows (its filters live in the panel, so they survive opening a note) and reports. */
export interface NoteListProps {
  query: string;
  onQuery(value: string): void;
  tag: string | null;
  onTag(value: string | null): void;
  shelf: NoteShelf;
  onShelf(value: NoteShelf): void;
  version: number;
  focus: FocusRequest | null;
  onOpen(note: Note): void;
  onRestore(note: Note): void;
}

const SHELVES: { shelf: NoteShelf; label: string; hint: string }[] = [
  { shelf: 'notes', label: 'Notes', hint: 'Every note, most recently changed first' },
  { shelf: 'orphans', label: 'Orphans', hint: 'Notes with a passage that can no longer be found in its source' },
  { shelf: 'trash', label: 'Trash', hint: 'Deleted notes: nothing is erased, restore them from here' },
];

/** The notebook's list: search, Notes / Orphans / Trash, tag chips, and one row per note. */
export function NoteList(props: NoteListProps) {
  const { query, tag, shelf } = props;
  const list = useNoteList(query, tag, shelf, props.version);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (claimFocus(props.focus, 'search')) {
      search.current?.focus();
      search.current?.select();
    }
  }, [props.focus]);

  const filtered = query.trim() !== '' || tag !== null;
  return (
    <div className="note-list-view">
      <input
        ref={search}
        type="search"
        className="note-search"
        aria-label="Search notes"
        placeholder="Search notes, tags and passages…"
        value={query}
        onChange={(event) => props.onQuery(event.target.value)}
      />
      <div className="segmented shelves" role="group" aria-label="Which notes">
        {SHELVES.map((item) => (
          <button key={item.shelf} type="button" aria-pressed={shelf === item.shelf} onClick={() => props.onShelf(item.shelf)} title={item.hint}>
            {item.label}
            {list.counts[item.shelf] ? <span className="count">{list.counts[item.shelf]}</span> : null}
          </button>
        ))}
      </div>
      {list.tags.length > 0 && shelf !== 'trash' ? (
        <div className="tag-filter" role="group" aria-label="Filter by tag">
          {list.tags.map((item) => (
            <button key={item.tag} type="button" className="tag-chip" aria-pressed={tag === item.tag} onClick={() => props.onTag(tag === item.tag ? null : item.tag)}>
              {item.tag} <span className="count">{item.notes}</span>
            </button>
          ))}
        </div>
      ) : null}
      {list.error ? <ErrorNote error={list.error} /> : null}
      <p className="note-list-status quiet" role="status">
        {list.loading && list.notes.length === 0 ? 'Looking…' : describe(list.notes.length, shelf, filtered)}
        {filtered ? (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                props.onQuery('');
                props.onTag(null);
              }}
            >
              Clear the filter
            </button>
          </>
        ) : null}
      </p>
      {!list.loading && list.notes.length === 0 ? <p className="empty-state note-empty">{emptyText(shelf, filtered)}</p> : null}
      <ul className="note-list" aria-label={SHELVES.find((item) => item.shelf === shelf)!.label}>
        {list.notes.map((note) => (
          <NoteRow key={note.id} note={note} trashed={shelf === 'trash'} onOpen={() => props.onOpen(note)} onRestore={() => props.onRestore(note)} />
        ))}
      </ul>
    </div>
  );
}

/** One note in the list: its title, tags, passages, trouble and when it last changed. */
function NoteRow({ note, trashed, onOpen, onRestore }: { note: Note; trashed: boolean; onOpen(): void; onRestore(): void }) {
  const trouble = anchorTrouble(note);
  const when = trashed && note.deletedAt ? note.deletedAt : note.updatedAt;
  return (
    <li className="note-row" data-note={note.id}>
      <button type="button" className="note-row-open" onClick={onOpen}>
        <span className={`note-row-title${isBodyEmpty(note.body) ? ' from-passage' : ''}`}>{noteTitle(note.body, note.anchors)}</span>
        <span className="note-row-meta">
          <span>{plural(note.anchors.length, 'passage')}</span>
          {trouble.drifted > 0 ? <span className="tag warning">{trouble.drifted} changed</span> : null}
          {trouble.orphan > 0 ? <span className="tag danger">{trouble.orphan} not found</span> : null}
          <span className="note-row-time" title={formatExactTime(when)}>
            {trashed ? 'deleted' : 'changed'} {formatWhen(when)}
          </span>
        </span>
        {note.tags.length > 0 ? (
          <span className="note-row-tags">
            {note.tags.map((tag) => (
              <span key={tag} className="note-tag">
                {tag}
              </span>
            ))}
          </span>
        ) : null}
      </button>
      {trashed ? (
        <button type="button" className="note-row-restore" onClick={onRestore}>
          Restore
        </button>
      ) : null}
    </li>
  );
}

/** The line over the list: how many notes it shows. */
function describe(count: number, shelf: NoteShelf, filtered: boolean): string {
  const noun = shelf === 'trash' ? plural(count, 'note in the trash', 'notes in the trash') : shelf === 'orphans' ? plural(count, 'note with a lost passage', 'notes with a lost passage') : plural(count, 'note');
  return filtered ? `${noun} match.` : `${noun}.`;
}

/** What an empty list says, so the reporter knows how to fill it. */
function emptyText(shelf: NoteShelf, filtered: boolean): string {
  if (filtered) return 'No note matches. Try other words, or clear the filter.';
  if (shelf === 'trash') return 'The trash is empty. Deleted notes wait here until you restore them.';
  if (shelf === 'orphans') return 'No orphans: every passage your notes are about is still found in its source.';
  return 'No notes yet. Select a passage in the reader and press N (or the “Note” button beside it) to start one.';
}
