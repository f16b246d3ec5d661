import { useEffect, useId, useRef, useState } from 'react';
import type { NoteAnchor } from '../../../src-main/contract/notes';
import { ErrorNote } from '../../components/ErrorNote';
import { MarkdownPreview } from './MarkdownPreview';
import { NoteHistory } from './NoteHistory';
import { NotePassages } from './NotePassages';
import { formatExactTime, formatWhen } from './note-text';
import { TagEditor } from './TagEditor';
import type { SaveStatus } from './use-autosave';
import { useNoteEditing } from './use-note-editing';
import { claimFocus, type FocusRequest, type Notebook } from './use-notebook';
import './note-editor.css';

/** What the editor needs: the note, the notebook's actions, and how to open a passage in the reader. */
export interface NoteEditorProps {
  noteId: string;
  notebook: Notebook;
  focus: FocusRequest | null;
  onOpenPassage(anchor: NoteAnchor): void;
}

const STATUS_WORDS: Record<SaveStatus, string> = { saved: 'Saved', pending: 'Saving…', saving: 'Saving…', failed: 'Not saved' };

/** One note open in the panel: its Markdown body (autosaved, with a preview), tags, passages and history. */
export function NoteEditor({ noteId, notebook, focus, onOpenPassage }: NoteEditorProps) {
  const editing = useNoteEditing(noteId, notebook);
  const { note, autosave } = editing;
  const [preview, setPreview] = useState(false);
  const [history, setHistory] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const bodyId = useId();

  // A note just started from the reader takes the cursor in its body, once it has loaded.
  useEffect(() => {
    if (autosave.draft === null || !claimFocus(focus, 'body')) return;
    setPreview(false);
    requestAnimationFrame(() => body.current?.focus());
  }, [focus, autosave.draft]);

  if (editing.loadError) {
    return (
      <div className="note-editor">
        <BackButton onBack={notebook.showList} />
        <ErrorNote error={editing.loadError} />
      </div>
    );
  }
  if (!note || autosave.draft === null) return <p className="empty-state">Opening the note…</p>;
  const trashed = note.deletedAt !== null;

  return (
    <div className="note-editor">
      <div className="editor-bar">
        <BackButton onBack={notebook.showList} />
        <span className={`save-status status-${autosave.status}`} role="status" title={`Changed ${formatExactTime(note.updatedAt)}`}>
          {trashed ? 'In the trash' : STATUS_WORDS[autosave.status]}
        </span>
        <div className="segmented editor-mode" role="group" aria-label="Write or preview">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} onClick={() => void autosave.flush().then(() => setPreview(true))}>
            Preview
          </button>
        </div>
      </div>
      {autosave.status === 'failed' && autosave.error ? (
        <div className="save-error">
          <ErrorNote error={`Your last words are not saved yet: ${autosave.error.message}`} />
          <button type="button" onClick={() => void autosave.flush()}>
            Try again
          </button>
        </div>
      ) : null}
      {trashed ? (
        <p className="trash-notice">
          This note is in the trash. Nothing is erased: restore it to change it again.{' '}
          <button type="button" className="primary" onClick={() => void editing.restore()}>
            Restore
          </button>
        </p>
      ) : null}
      <label htmlFor={bodyId} className="visually-hidden">
        Note
      </label>
      {preview ? (
        <MarkdownPreview source={autosave.draft} />
      ) : (
        <textarea
          id={bodyId}
          ref={body}
          className="note-body"
          value={autosave.draft}
          readOnly={trashed}
          placeholder="Write your note. Markdown works: **bold**, *italic*, - lists, > quotes."
          onChange={(event) => autosave.edit(event.target.value)}
          onBlur={() => void autosave.flush()}
          spellCheck
        />
      )}
      <TagEditor tags={note.tags} onChange={(tags) => void editing.setTags(tags)} disabled={trashed} />
      <NotePassages anchors={note.anchors} readOnly={trashed} onOpen={onOpenPassage} onRemove={(anchor) => void editing.removePassage(anchor)} />
      <div className="editor-foot">
        <button type="button" className="link-button" aria-expanded={history} onClick={() => setHistory((value) => !value)}>
          {history ? 'Hide the history' : 'History'}
        </button>
        <span className="quiet" title={formatExactTime(note.createdAt)}>
          Started {formatWhen(note.createdAt)}
        </span>
        {trashed ? null : (
          <button type="button" className="danger-button" onClick={() => void editing.trash()} title="Move this note to the trash (it can be restored)">
            Delete
          </button>
        )}
      </div>
      {history ? <NoteHistory noteId={noteId} version={notebook.state.version} readOnly={trashed} onRestore={(revision) => void editing.restoreRevision(revision)} /> : null}
    </div>
  );
}

/** Back to the list of notes. */
function BackButton({ onBack }: { onBack(): void }) {
  return (
    <button type="button" className="ghost back-button" onClick={onBack}>
      <span aria-hidden="true">←</span> All notes
    </button>
  );
}
