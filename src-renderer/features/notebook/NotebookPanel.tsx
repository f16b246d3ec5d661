import { useState } from 'react';
import type { Note, NoteAnchor } from '../../../src-main/contract/notes';
import { api } from '../../api/client';
import { formatBinding } from '../../commands/key-binding';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { NotebookMenu } from './NotebookMenu';
import type { NoteShelf } from './use-note-list';
import type { Notebook } from './use-notebook';
import './notebook.css';

/** What the panel needs: the notebook, and how to open a passage in the reader. */
export interface NotebookPanelProps {
  notebook: Notebook;
  onOpenPassage(anchor: NoteAnchor): void;
}

/** The notebook docked on the right: the list of notes (search, shelves, tags), or one note open in the editor. */
export function NotebookPanel({ notebook, onOpenPassage }: NotebookPanelProps) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [shelf, setShelf] = useState<NoteShelf>('notes');
  const { state } = notebook;

  const restore = async (note: Note) => {
    const result = await api().restoreNote({ id: note.id });
    if (!result.ok) return notebook.fail(result.error);
    notebook.changed();
    notebook.toast('The note is back from the trash.', { action: { label: 'Open it', run: () => notebook.openNote(note.id) } });
  };

  return (
    <aside className="notebook-panel" aria-label="Notebook">
      <header className="notebook-header">
        <h2>Notebook</h2>
        <NotebookMenu notebook={notebook} />
        <button type="button" className="icon-button" onClick={notebook.close} aria-label="Close the notebook" title={`Close the notebook (${formatBinding('Alt+6')})`}>
          ×
        </button>
      </header>
      <div className="notebook-body">
        {state.noteId ? (
          <NoteEditor key={state.noteId} noteId={state.noteId} notebook={notebook} focus={state.focus} onOpenPassage={onOpenPassage} />
        ) : (
          <NoteList
            query={query}
            onQuery={setQuery}
            tag={tag}
            onTag={setTag}
            shelf={shelf}
            onShelf={setShelf}
            version={state.version}
            focus={state.focus}
            onOpen={(note) => notebook.openNote(note.id)}
            onRestore={(note) => void restore(note)}
          />
        )}
      </div>
    </aside>
  );
}
