import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../src-main/contract/notes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** How long typing rests before the body is saved. */
export const SAVE_PAUSE_MS = 500;
/** The longest the body goes unsaved while the reporter keeps typing. */
export const SAVE_AT_MOST_MS = 1000;

/** Where the body stands: saved, waiting to be saved, on its way, or refused. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * The note's body as the reporter types it, saved by itself: half a second after the last keystroke, at least once a
 * second while typing goes on, and at once on `flush` (blur, closing, switching notes, the page going away). One save
 * runs at a time; what was typed meanwhile follows it.
 */
export function useAutosave(id: string, onSaved: (note: Note) => void) {
  const [draft, setDraftState] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<AppError | null>(null);
  const draftRef = useRef<string | null>(null);
  const savedRef = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstPending = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    firstPending.current = null;
    if (inFlight.current) {
      await inFlight.current;
      return save();
    }
    const body = draftRef.current;
    if (body === null || body === savedRef.current) return;
    setStatus('saving');
    const request = api()
      .updateNote({ id, body })
      .then((result) => {
        if (result.ok) {
          savedRef.current = body;
          setError(null);
          onSavedRef.current(result.value);
        } else setError(result.error);
        setStatus(!result.ok ? 'failed' : draftRef.current === body ? 'saved' : 'pending');
      });
    inFlight.current = request;
    try {
      await request;
    } finally {
      inFlight.current = null;
    }
  }, [id]);

  /** Takes the body as loaded (or as a restored version left it) as the saved one. */
  const reset = useCallback((body: string) => {
    clearTimeout(timer.current);
    firstPending.current = null;
    draftRef.current = body;
    savedRef.current = body;
    setDraftState(body);
    setStatus('saved');
  }, []);

  /** Takes a keystroke's text and schedules its save. */
  const edit = useCallback(
    (body: string) => {
      draftRef.current = body;
      setDraftState(body);
      if (body === savedRef.current) return;
      setStatus((current) => (current === 'saving' ? current : 'pending'));
      const now = Date.now();
      firstPending.current ??= now;
      const wait = Math.max(0, Math.min(SAVE_PAUSE_MS, SAVE_AT_MOST_MS - (now - firstPending.current)));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), wait);
    },
    [save],
  );

  // Leaving the note (closing the panel, opening another) or the page saves what is pending.
  useEffect(() => {
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, [save]);

  return useMemo(() => ({ draft, status, error, edit, reset, flush: save }), [draft, status, error, edit, reset, save]);
}
