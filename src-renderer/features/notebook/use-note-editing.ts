import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Note, NoteAnchor, NoteRevision } from '../../../src-main/contract/notes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { anchorSource, formatWhen } from './note-text';
import { useAutosave } from './use-autosave';
import { createTagEdits } from './tag-edits';
import type { Notebook } from './use-notebook';

/**
 * One open note: loaded, its body autosaved, and every change the editor offers (tags, passages, trash, versions),
 * each followed by the notebook's `changed` so lists and reader highlights follow, and undoable where it removes.
 */
export function useNoteEditing(noteId: string, notebook: Notebook) {
  const [note, setNote] = useState<Note | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const { changed, toast, fail, showList } = notebook;
  // Every note from the engine goes on screen through tagEdits.view, so an older answer never undoes a tag edit.
  const [tagEdits] = useState(createTagEdits);
  const withLocalTags = tagEdits.view;
  const autosave = useAutosave(
    noteId,
    useCallback(
      (saved: Note) => {
        setNote(withLocalTags(saved));
        changed();
      },
      [changed, withLocalTags],
    ),
  );
  const { reset, flush } = autosave;
  const loaded = useRef(false);

  // The note itself, again whenever the notebook changes (a passage added from the reader, a restore). The body typed
  // here is never replaced by a fetch: only loading and restoring a version set it.
  useEffect(() => {
    let current = true;
    const issuedAt = tagEdits.generation();
    void api()
      .getNote({ id: noteId })
      .then((result) => {
        if (!current) return;
        if (!result.ok) return setLoadError(result.error);
        setLoadError(null);
        if (!loaded.current) {
          loaded.current = true;
          reset(result.value.body);
        }
        setNote(withLocalTags(result.value, issuedAt));
      });
    return () => {
      current = false;
    };
  }, [noteId, notebook.state.version, reset, withLocalTags]);

  /** Applies an answer that changed the note, or reports its error. */
  const apply = useCallback(
    (result: { ok: true; value: Note } | { ok: false; error: AppError }): Note | null => {
      if (!result.ok) {
        fail(result.error);
        return null;
      }
      setNote(withLocalTags(result.value));
      changed();
      return result.value;
    },
    [changed, fail, withLocalTags],
  );

  const setTags = useCallback(
    async (tags: string[]) => {
      tagEdits.begin(tags);
      setNote((known) => (known ? { ...known, tags } : known));
      const result = await api().updateNote({ id: noteId, tags });
      tagEdits.end();
      apply(result);
    },
    [apply, noteId, tagEdits],
  );

  const restore = useCallback(async () => {
    if (apply(await api().restoreNote({ id: noteId }))) toast('The note is back from the trash.');
  }, [apply, noteId, toast]);

  const trash = useCallback(async () => {
    await flush();
    const result = await api().deleteNote({ id: noteId });
    if (!result.ok) return fail(result.error);
    changed();
    showList();
    toast('Note moved to the trash.', {
      action: {
        label: 'Undo',
        run: () => void api().restoreNote({ id: noteId }).then((answer) => (answer.ok ? changed() : fail(answer.error))),
      },
    });
  }, [changed, fail, flush, noteId, showList, toast]);

  const removePassage = useCallback(
    async (anchor: NoteAnchor) => {
      await flush();
      const removed = apply(await api().removeNotePassage({ id: noteId, anchorId: anchor.id }));
      if (!removed) return;
      toast(`Passage of ${anchorSource(anchor).name} removed from the note.`, { action: { label: 'Undo', run: () => void bringBackPassage(noteId).then((error) => (error ? fail(error) : changed())) } });
    },
    [apply, changed, fail, flush, noteId, toast],
  );

  const restoreRevision = useCallback(
    async (revision: NoteRevision) => {
      await flush();
      const restored = apply(await api().restoreNoteRevision({ id: noteId, revision: revision.id }));
      if (!restored) return;
      reset(restored.body);
      toast(`Restored the version from ${formatWhen(revision.createdAt)}. The text before it was kept in the history.`);
    },
    [apply, flush, noteId, reset, toast],
  );

  return useMemo(
    () => ({ note, loadError, autosave, setTags, restore, trash, removePassage, restoreRevision }),
    [note, loadError, autosave, setTags, restore, trash, removePassage, restoreRevision],
  );
}

/**
 * Undoes the newest passage removal: restores the version kept just before it, then puts back the body and tags the
 * note has now, so words typed since the removal are not lost. Returns an error, or null.
 */
async function bringBackPassage(noteId: string): Promise<AppError | null> {
  const [revisions, now] = await Promise.all([api().listNoteRevisions({ id: noteId }), api().getNote({ id: noteId })]);
  if (!revisions.ok) return revisions.error;
  if (!now.ok) return now.error;
  const before = revisions.value.find((revision) => revision.reason === 'before-anchor-removal');
  if (!before) return { code: 'not-found', message: 'There is no removed passage to bring back.' };
  const restored = await api().restoreNoteRevision({ id: noteId, revision: before.id });
  if (!restored.ok) return restored.error;
  const { body, tags } = now.value;
  if (restored.value.body !== body || restored.value.tags.join('\n') !== tags.join('\n')) {
    const kept = await api().updateNote({ id: noteId, body, tags });
    if (!kept.ok) return kept.error;
  }
  return null;
}
