import { useEffect, useState } from 'react';
import type { DocumentNoteMark } from '../../../src-main/contract/notes';
import { api } from '../../api/client';
import type { Mark } from '../reader/marks';

/** The noted passages of the given documents, by document id; fetched again whenever the notebook changes (`version`). */
export function useDocNotes(docIds: readonly string[], version: number): ReadonlyMap<string, DocumentNoteMark[]> {
  const key = [...new Set(docIds)].sort().join('\n');
  const [byDoc, setByDoc] = useState<ReadonlyMap<string, DocumentNoteMark[]>>(new Map());
  useEffect(() => {
    const docs = key === '' ? [] : key.split('\n');
    let current = true;
    void Promise.all(docs.map((doc) => api().listDocumentNotes({ doc }).then((result) => [doc, result.ok ? result.value : []] as const))).then((entries) => {
      if (current) setByDoc(new Map(entries));
    });
    return () => {
      current = false;
    };
  }, [key, version]);
  return byDoc;
}

/** Noted passages as reader marks: highlighted, drifted ones differently, each naming its note. */
export function noteMarks(marks: readonly DocumentNoteMark[]): Mark[] {
  return marks.map((mark) => ({ start: mark.start, end: mark.end, kind: mark.state === 'drifted' ? 'note-drifted' : 'note', noteId: mark.noteId }));
}

/** What the reader's popover says about a note: its preview, tags, and whether a passage of it drifted. */
export interface NotePreview {
  noteId: string;
  preview: string;
  tags: string[];
  drifted: boolean;
}

/** Every note with a passage in the given documents, by note id. */
export function notePreviews(byDoc: ReadonlyMap<string, readonly DocumentNoteMark[]>): Map<string, NotePreview> {
  const previews = new Map<string, NotePreview>();
  for (const marks of byDoc.values()) {
    for (const mark of marks) {
      const known = previews.get(mark.noteId);
      previews.set(mark.noteId, { noteId: mark.noteId, preview: mark.preview, tags: mark.tags, drifted: (known?.drifted ?? false) || mark.state === 'drifted' });
    }
  }
  return previews;
}
