import { randomUUID } from 'node:crypto';
import type { Connection } from '../store/database';
import { documentText, type DocumentRow } from '../store/documents';
import {
  anchorsByNote,
  deleteAnchor,
  documentAnchors,
  findNote,
  insertAnchor,
  insertNote,
  insertRevision,
  liveTagCounts,
  listNoteRows,
  newestRevisionTime,
  noteAnchors,
  noteRevisions,
  noteTags,
  setNoteBody,
  setNoteDeleted,
  setNoteTags,
  tagsByNote,
  touchNote,
  type NoteRow,
} from '../store/notes';
import { failure, success, type Result } from '../../contract/result';
import type { Api } from '../../contract/api';
import type { Note, PassageTarget, RevisionReason } from '../../contract/notes';
import { anchorOn, ensureAnchors, occurrencesOf, reanchor } from './note-anchors';
import { createPageFinder } from '../reader/passage-pages';
import { cleanTags, noteMatches, noteOf, previewOf, revisionAnchorOf, revisionOf, searchTerms } from './note-records';
import { exportNotebook } from './export';
import { importNotebook } from './note-import';

/** While a note is being edited, a revision is kept at most this often. */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000;

/** The notebook's contract methods. */
export type NoteHandlers = {
  [Method in
    | 'listNotes' | 'getNote' | 'createNote' | 'updateNote' | 'addNotePassage' | 'removeNotePassage' | 'deleteNote'
    | 'restoreNote' | 'listNoteRevisions' | 'restoreNoteRevision' | 'listDocumentNotes' | 'listNoteTags' | 'exportNotes'
    | 'importNotes']: (input: Parameters<Api[Method]>[0]) => Awaited<ReturnType<Api[Method]>>;
};

/** How the notebook finds documents and tells the time (tests pass a clock). */
export interface NoteServiceOptions {
  resolveDocument: (db: Connection, reference: string) => Result<DocumentRow>;
  now?: () => Date;
}

/**
 * The notebook over one database: every write is one transaction (synchronous=FULL makes an acknowledged save
 * durable); nothing is ever erased — deleting moves to the trash, and each destructive action keeps a revision first.
 */
export function createNoteService(db: Connection, options: NoteServiceOptions): NoteHandlers {
  const clock = options.now ?? (() => new Date());
  const stamp = () => clock().toISOString();

  const load = (row: NoteRow): Note => noteOf(row, noteTags(db, row.rowid), noteAnchors(db, row.rowid), createPageFinder(db));
  const find = (id: string): Result<NoteRow> => {
    const row = findNote(db, id);
    return row ? success(row) : failure('not-found', `There is no note with the id "${id}".`);
  };
  const keepRevision = (row: NoteRow, reason: RevisionReason, at: string): void => {
    const note = load(row);
    insertRevision(db, row.rowid, reason, note.body, note.tags, note.anchors.map(revisionAnchorOf), at);
  };

  /** A passage target resolved to a document and a range of its reading text, or a clear refusal. */
  const locate = (target: PassageTarget): Result<{ document: DocumentRow; text: string; start: number; end: number }> => {
    const found = options.resolveDocument(db, target.doc);
    if (!found.ok) return found;
    const document = found.value;
    if (document.missing) return failure('not-found', `The file of "${document.path}" is missing, so a passage of it cannot be noted.`);
    const text = documentText(db, document.rowid, false);
    if ('exact' in target) {
      const places = occurrencesOf(text, target.exact);
      if (places.length === 0) return failure('not-found', `The passage "${clip(target.exact)}" is not in "${document.path}".`);
      if (places.length > 1) {
        return failure('bad-request', `The passage "${clip(target.exact)}" appears ${places.length} times in "${document.path}"; give more of its words.`);
      }
      return success({ document, text, ...places[0]! });
    }
    if (target.end > text.length) return failure('bad-request', `The passage ends after the end of "${document.path}" (${text.length} characters).`);
    if (text.slice(target.start, target.end).trim() === '') return failure('bad-request', 'The passage is only white space.');
    return success({ document, text, start: target.start, end: target.end });
  };

  const anchorAll = (noteRowid: number, targets: readonly PassageTarget[], at: string): Result<null> => {
    const located = [];
    for (const target of targets) {
      const place = locate(target);
      if (!place.ok) return place;
      located.push(place.value);
    }
    for (const place of located) insertAnchor(db, noteRowid, anchorOn(place.document, place.text, place.start, place.end, at));
    return success(null);
  };

  /** Runs a write in one immediate transaction; a refusal inside rolls it back. */
  const write = <T>(work: () => Result<T>): Result<T> => {
    let outcome: Result<T> = failure('internal', 'The note could not be saved.');
    try {
      db.transaction(() => {
        outcome = work();
        if (!outcome.ok) throw new RefusedWrite();
      }).immediate();
    } catch (error) {
      if (!(error instanceof RefusedWrite)) throw error;
    }
    return outcome;
  };

  const fresh = (id: string): Result<Note> => {
    ensureAnchors(db);
    const row = find(id);
    return row.ok ? success(load(row.value)) : row;
  };

  return {
    listNotes(filter) {
      ensureAnchors(db);
      let documentRowid: number | null = null;
      if (filter.doc !== undefined) {
        const found = options.resolveDocument(db, filter.doc);
        if (!found.ok) return found;
        documentRowid = found.value.rowid;
      }
      const tags = tagsByNote(db);
      const anchors = anchorsByNote(db);
      const terms = searchTerms(filter.query ?? '');
      const notes: Note[] = [];
      const pageOf = createPageFinder(db);
      for (const row of listNoteRows(db, filter.trash === true)) {
        const rows = anchors.get(row.rowid) ?? [];
        if (documentRowid !== null && !rows.some((anchor) => anchor.document_rowid === documentRowid)) continue;
        const note = noteOf(row, tags.get(row.rowid) ?? [], rows, pageOf);
        if (noteMatches(note, filter, terms)) notes.push(note);
      }
      return success(notes);
    },

    getNote({ id }) {
      return fresh(id);
    },

    createNote({ body, tags, passages }) {
      const at = stamp();
      const id = randomUUID();
      const written = write(() => {
        const rowid = insertNote(db, id, body ?? '', at);
        setNoteTags(db, rowid, cleanTags(tags ?? []));
        const anchored = anchorAll(rowid, passages, at);
        if (!anchored.ok) return anchored;
        keepRevision(findNote(db, id)!, 'created', at);
        return success(null);
      });
      return written.ok ? fresh(id) : written;
    },

    updateNote({ id, body, tags }) {
      const row = find(id);
      if (!row.ok) return row;
      const cleaned = tags === undefined ? undefined : cleanTags(tags);
      const current = noteTags(db, row.value.rowid);
      const bodyChanged = body !== undefined && body !== row.value.body;
      const tagsChanged = cleaned !== undefined && cleaned.join('\u0000') !== current.join('\u0000');
      if (!bodyChanged && !tagsChanged) return fresh(id);
      const at = stamp();
      write(() => {
        if (bodyChanged) setNoteBody(db, row.value.rowid, body, at);
        else touchNote(db, row.value.rowid, at);
        if (tagsChanged) setNoteTags(db, row.value.rowid, cleaned);
        const newest = newestRevisionTime(db, row.value.rowid);
        if (newest === undefined || Date.parse(at) - Date.parse(newest) >= REVISION_INTERVAL_MS) keepRevision(findNote(db, id)!, 'edited', at);
        return success(null);
      });
      return fresh(id);
    },

    addNotePassage({ id, passage }) {
      const row = find(id);
      if (!row.ok) return row;
      const at = stamp();
      const written = write(() => {
        const anchored = anchorAll(row.value.rowid, [passage], at);
        if (anchored.ok) touchNote(db, row.value.rowid, at);
        return anchored;
      });
      return written.ok ? fresh(id) : written;
    },

    removeNotePassage({ id, anchorId }) {
      const row = find(id);
      if (!row.ok) return row;
      const anchor = noteAnchors(db, row.value.rowid).find((candidate) => candidate.id === anchorId);
      if (!anchor) return failure('not-found', 'This note has no such passage.');
      const at = stamp();
      write(() => {
        keepRevision(row.value, 'before-anchor-removal', at);
        deleteAnchor(db, anchor.rowid);
        touchNote(db, row.value.rowid, at);
        return success(null);
      });
      return fresh(id);
    },

    deleteNote({ id }) {
      const row = find(id);
      if (!row.ok) return row;
      if (row.value.deleted_at !== null) return fresh(id);
      const at = stamp();
      write(() => {
        keepRevision(row.value, 'before-delete', at);
        setNoteDeleted(db, row.value.rowid, at, at);
        return success(null);
      });
      return fresh(id);
    },

    restoreNote({ id }) {
      const row = find(id);
      if (!row.ok) return row;
      if (row.value.deleted_at === null) return fresh(id);
      write(() => {
        setNoteDeleted(db, row.value.rowid, null, stamp());
        return success(null);
      });
      return fresh(id);
    },

    listNoteRevisions({ id }) {
      const row = find(id);
      if (!row.ok) return row;
      return success(noteRevisions(db, row.value.rowid).map((revision) => revisionOf(revision, id)));
    },

    restoreNoteRevision({ id, revision }) {
      ensureAnchors(db);
      const row = find(id);
      if (!row.ok) return row;
      const kept = noteRevisions(db, row.value.rowid).find((candidate) => candidate.rowid === revision);
      if (!kept) return failure('not-found', `This note has no revision ${revision}.`);
      const snapshot = revisionOf(kept, id);
      const at = stamp();
      write(() => {
        keepRevision(row.value, 'before-restore', at);
        setNoteBody(db, row.value.rowid, snapshot.body, at);
        setNoteTags(db, row.value.rowid, snapshot.tags);
        const wanted = new Set(snapshot.anchors.map((anchor) => anchor.id));
        const present = noteAnchors(db, row.value.rowid);
        for (const anchor of present) if (!wanted.has(anchor.id)) deleteAnchor(db, anchor.rowid);
        const presentIds = new Set(present.map((anchor) => anchor.id));
        for (const anchor of snapshot.anchors) if (!presentIds.has(anchor.id)) reanchor(db, row.value.rowid, anchor, at);
        return success(null);
      });
      return fresh(id);
    },

    listDocumentNotes({ doc }) {
      const found = options.resolveDocument(db, doc);
      if (!found.ok) return found;
      ensureAnchors(db);
      const tags = tagsByNote(db);
      return success(
        documentAnchors(db, found.value.rowid)
          .filter((anchor) => anchor.state !== 'orphan')
          .map((anchor) => ({
            noteId: anchor.note_id,
            anchorId: anchor.id,
            start: anchor.current_start,
            end: anchor.current_end,
            state: anchor.state,
            preview: previewOf(anchor.body),
            tags: tags.get(anchor.note_rowid) ?? [],
          })),
      );
    },

    listNoteTags() {
      return success(liveTagCounts(db));
    },

    exportNotes({ format }) {
      ensureAnchors(db);
      const tags = tagsByNote(db);
      const anchors = anchorsByNote(db);
      const rows = format === 'json' ? [...listNoteRows(db, false), ...listNoteRows(db, true)] : listNoteRows(db, false);
      // Oldest first reads as the notebook was written.
      rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.rowid - b.rowid);
      const pageOf = createPageFinder(db);
      const notes = rows.map((row) => noteOf(row, tags.get(row.rowid) ?? [], anchors.get(row.rowid) ?? [], pageOf));
      const revisions = new Map(
        format === 'json' ? rows.map((row) => [row.id, noteRevisions(db, row.rowid).reverse().map((revision) => revisionOf(revision, row.id))]) : [],
      );
      return success(exportNotebook(format, notes, revisions, stamp()));
    },

    importNotes({ text }) {
      return importNotebook(db, text, stamp());
    },
  };
}

/** Thrown inside a transaction to roll back a refused write; never escapes the service. */
class RefusedWrite extends Error {}

/** Shortens a passage for an error sentence. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
