import { useEffect, useState } from 'react';
import type { Note, NoteFilter, TagCount } from '../../../src-main/contract/notes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** Which notes the list shows: the live ones, those with a passage that was lost, or the trash. */
export type NoteShelf = 'notes' | 'orphans' | 'trash';

/** How long typing in the search box rests before the notes are asked for. */
const SEARCH_PAUSE_MS = 250;

/** The notes of the list as last fetched, the tags to filter by, and how many notes each shelf holds. */
export interface NoteListData {
  notes: Note[];
  tags: TagCount[];
  counts: Record<NoteShelf, number | null>;
  loading: boolean;
  error: AppError | null;
}

/** A query as it stands after the reporter stops typing for a moment. */
function useSettled(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value.trim() === '') {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Fetches the notes of a shelf matching the words and tag given, again after any change of the notebook (`version`). */
export function useNoteList(query: string, tag: string | null, shelf: NoteShelf, version: number): NoteListData {
  const settled = useSettled(query, SEARCH_PAUSE_MS);
  const [state, setState] = useState<Omit<NoteListData, 'loading'> & { key: string }>({ key: '', notes: [], tags: [], counts: { notes: null, orphans: null, trash: null }, error: null });
  const key = JSON.stringify([settled.trim(), tag, shelf, version]);

  useEffect(() => {
    let current = true;
    const filter: NoteFilter = {};
    if (settled.trim()) filter.query = settled.trim();
    if (tag) filter.tag = tag;
    if (shelf === 'orphans') filter.orphans = true;
    if (shelf === 'trash') filter.trash = true;
    const count = (input: NoteFilter) => api().listNotes(input).then((result) => (result.ok ? result.value.length : null));
    void Promise.all([api().listNotes(filter), api().listNoteTags({}), count({}), count({ orphans: true }), count({ trash: true })]).then(([notes, tags, live, orphans, trash]) => {
      if (!current) return;
      setState({
        key,
        notes: notes.ok ? notes.value : [],
        tags: tags.ok ? tags.value : [],
        counts: { notes: live, orphans, trash },
        error: notes.ok ? null : notes.error,
      });
    });
    return () => {
      current = false;
    };
  }, [key, settled, tag, shelf]);

  return { notes: state.notes, tags: state.tags, counts: state.counts, error: state.error, loading: state.key !== key || settled !== query };
}
