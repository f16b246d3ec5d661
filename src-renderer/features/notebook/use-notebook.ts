import { useCallback, useMemo, useRef, useState } from 'react';
import type { Note, PassageTarget } from '../../../src-main/contract/notes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** A short message over the workbench, with at most one action ("Undo"). */
export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run(): void };
}

/** Where the panel should put the cursor next: the open note's body or the search box; `seq` makes a repeat new. */
export interface FocusRequest {
  target: 'body' | 'search';
  seq: number;
}

/** The notebook as the whole app shares it: the panel, the note open in it, and a version that moves with every change. */
export interface NotebookState {
  open: boolean;
  noteId: string | null;
  /** Increases after any change of notes, so lists and reader highlights fetch again. */
  version: number;
  focus: FocusRequest | null;
  toast: ToastMessage | null;
}

let nextToast = 1;
let nextFocus = 1;
let claimedFocus = 0;

/** Whether a focus request for `target` is new (and takes it): each request moves the cursor once, not at every remount. */
export function claimFocus(request: FocusRequest | null, target: FocusRequest['target']): boolean {
  if (!request || request.target !== target || request.seq <= claimedFocus) return false;
  claimedFocus = request.seq;
  return true;
}

/** The notebook's state and actions; lives at the app's top so the reader and the panel act on the same notes. */
export function useNotebook() {
  const [state, setState] = useState<NotebookState>({ open: false, noteId: null, version: 0, focus: null, toast: null });
  const noteIdRef = useRef<string | null>(null);
  noteIdRef.current = state.open ? state.noteId : null;

  const changed = useCallback(() => setState((current) => ({ ...current, version: current.version + 1 })), []);
  const toast = useCallback((text: string, options: { tone?: ToastMessage['tone']; action?: ToastMessage['action'] } = {}) => {
    const message: ToastMessage = { id: nextToast++, text, tone: options.tone ?? 'info', ...(options.action ? { action: options.action } : {}) };
    setState((current) => ({ ...current, toast: message }));
  }, []);
  const dismissToast = useCallback((id: number) => setState((current) => (current.toast?.id === id ? { ...current, toast: null } : current)), []);
  const fail = useCallback((error: AppError) => toast(error.message, { tone: 'error' }), [toast]);

  const toggle = useCallback(() => setState((current) => ({ ...current, open: !current.open })), []);
  const close = useCallback(() => setState((current) => ({ ...current, open: false })), []);
  const openNote = useCallback((id: string, focusBody = false) => {
    setState((current) => ({ ...current, open: true, noteId: id, focus: focusBody ? { target: 'body', seq: nextFocus++ } : current.focus }));
  }, []);
  const showList = useCallback(() => setState((current) => ({ ...current, open: true, noteId: null })), []);
  const searchNotes = useCallback(() => setState((current) => ({ ...current, open: true, noteId: null, focus: { target: 'search', seq: nextFocus++ } })), []);

  /** Starts one note on several passages (a quote in each source that carries it), with a first line of body. */
  const notePassages = useCallback(
    async (passages: PassageTarget[], body: string): Promise<Note | null> => {
      const result = await api().createNote({ body, passages });
      if (!result.ok) {
        fail(result.error);
        return null;
      }
      openNote(result.value.id, true);
      changed();
      return result.value;
    },
    [changed, fail, openNote],
  );

  /** Starts a note on a passage and opens it with the cursor in its body. */
  const notePassage = useCallback((passage: PassageTarget) => notePassages([passage], ''), [notePassages]);

  /** Adds a passage to the note open in the panel. */
  const addPassage = useCallback(
    async (passage: PassageTarget): Promise<Note | null> => {
      const id = noteIdRef.current;
      if (!id) return null;
      const result = await api().addNotePassage({ id, passage });
      if (!result.ok) {
        fail(result.error);
        return null;
      }
      changed();
      toast(`Passage added to the note (${result.value.anchors.length} passages now).`);
      return result.value;
    },
    [changed, fail, toast],
  );

  return useMemo(
    () => ({ state, editing: state.open && state.noteId !== null, changed, toast, dismissToast, fail, toggle, close, openNote, showList, searchNotes, notePassage, notePassages, addPassage }),
    [state, changed, toast, dismissToast, fail, toggle, close, openNote, showList, searchNotes, notePassage, notePassages, addPassage],
  );
}

/** The notebook and its actions, as views receive them. */
export type Notebook = ReturnType<typeof useNotebook>;
