import { useEffect, useRef, useState } from 'react';
import type { NoteRevision } from '../../../src-main/contract/notes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { formatExactTime, formatWhen, noteTitle, revisionReason } from './note-text';

/** A note's kept versions, newest first, each with when and why it was kept and a way to bring it back. */
export function NoteHistory({ noteId, version, readOnly, onRestore }: { noteId: string; version: number; readOnly: boolean; onRestore(revision: NoteRevision): void }) {
  const [state, setState] = useState<{ revisions: NoteRevision[]; error: AppError | null } | null>(null);
  const section = useRef<HTMLElement>(null);
  const loaded = state !== null;

  // Opened below the passages, the history comes into view once it has loaded.
  useEffect(() => {
    if (loaded) section.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [loaded]);

  useEffect(() => {
    let current = true;
    void api()
      .listNoteRevisions({ id: noteId })
      .then((result) => {
        if (current) setState(result.ok ? { revisions: result.value, error: null } : { revisions: [], error: result.error });
      });
    return () => {
      current = false;
    };
  }, [noteId, version]);

  if (state === null) return <p className="quiet">Reading the history…</p>;
  return (
    <section className="note-history" aria-label="History of this note" ref={section}>
      {state.error ? <ErrorNote error={state.error} /> : null}
      <p className="quiet note-history-intro">Parallax keeps a version when a note is created, every few minutes while you write, and before anything is removed or restored.</p>
      <ol>
        {state.revisions.map((revision) => (
          <li key={revision.id} className="revision">
            <div className="revision-line">
              <span className="revision-time" title={formatExactTime(revision.createdAt)}>
                {formatWhen(revision.createdAt)}
              </span>
              <span className="revision-reason">{revisionReason(revision.reason)}</span>
            </div>
            <p className="revision-summary quiet">
              {noteTitle(revision.body, revision.anchors)} · {plural(revision.anchors.length, 'passage')}
              {revision.tags.length > 0 ? ` · ${revision.tags.join(', ')}` : ''}
            </p>
            {readOnly ? null : (
              <button type="button" onClick={() => onRestore(revision)}>
                Restore this version
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
