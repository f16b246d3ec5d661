/**
 * The lossless notebook file: every note (live and trashed) with all its fields, its anchors as noted and as they
 * stand, and its revisions. Written by `notebookJson`, read back by `parseNotebookFile`, which never throws.
 */
import type { Note, NoteAnchor, NoteRevision, PassageSelector, RevisionAnchor } from '../../../contract/notes';
import { NOTEBOOK_SCHEMA } from './notebook-schema';
import { describeNotebookIssue } from './notebook-issues';
import { safeJson } from './safe-json';

/** The format name a notebook file carries in `format`. */
export const NOTEBOOK_FORMAT = 'parallax-notebook';

/** The version of the file format this build writes and reads. */
export const NOTEBOOK_VERSION = 1;

/** A note as the file keeps it: every field of the note plus its revisions (whose numeric ids importers ignore). */
export interface ExportedNote extends Note {
  revisions: NoteRevision[];
}

/** A whole notebook file, the shape of the JSON export. */
export interface NotebookFile {
  format: 'parallax-notebook';
  version: 1;
  exportedAt: string;
  notes: ExportedNote[];
}

/** What reading a notebook file gave: the file, or one sentence saying what is wrong with it. */
export type NotebookParse = { ok: true; value: NotebookFile } | { ok: false; message: string };

/** Builds the notebook file of the given notes and their revisions (by note id), copying only contract fields. */
export function notebookFile(notes: readonly Note[], revisions: ReadonlyMap<string, readonly NoteRevision[]>, exportedAt: string): NotebookFile {
  return {
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_VERSION,
    exportedAt,
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      tags: [...note.tags],
      anchors: note.anchors.map(anchorOf),
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      deletedAt: note.deletedAt,
      revisions: (revisions.get(note.id) ?? []).map(revisionOf),
    })),
  };
}

/** The notebook as pretty-printed JSON (2 spaces, trailing newline, HTML-safe escapes): the lossless export import reads. */
export function notebookJson(notes: readonly Note[], revisions: ReadonlyMap<string, readonly NoteRevision[]>, exportedAt: string): string {
  return safeJson(notebookFile(notes, revisions, exportedAt));
}

/** Reads a notebook file: the validated notebook, or one sentence naming the first problem. Never throws. */
export function parseNotebookFile(text: string): NotebookParse {
  try {
    return parseChecked(text);
  } catch {
    // Nothing above should throw; this only keeps the promise to callers (an import must fail as data).
    return { ok: false, message: 'This file could not be read as a Parallax notebook.' };
  }
}

/** The body of `parseNotebookFile`: JSON, then format and version, then the schema. */
function parseChecked(text: string): NotebookParse {
  if (typeof text !== 'string') return fail('This file is not JSON, so it cannot be a Parallax notebook.');
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return fail('This file is not JSON, so it cannot be a Parallax notebook.');
  }
  if (!isRecord(data)) return fail('This file is not a Parallax notebook.');
  if (data.format !== NOTEBOOK_FORMAT) {
    if (data.type === 'AnnotationCollection') return fail('This file is a W3C annotation export; Parallax imports notebooks from its JSON export only.');
    return fail('This file is not a Parallax notebook.');
  }
  const version = data.version;
  if (typeof version === 'number' && version > NOTEBOOK_VERSION) {
    const shown = Number.isSafeInteger(version) ? ` (format version ${version})` : '';
    return fail(`This notebook comes from a newer version of Parallax${shown}; update Parallax to import it.`);
  }
  const parsed = NOTEBOOK_SCHEMA.safeParse(data, { error: describeNotebookIssue });
  if (parsed.success) return { ok: true, value: parsed.data };
  return fail(parsed.error.issues[0]?.message ?? 'This notebook is not valid.');
}

/** A copy of an anchor with exactly the contract's fields. */
function anchorOf(anchor: NoteAnchor): NoteAnchor {
  return {
    id: anchor.id,
    docId: anchor.docId,
    path: anchor.path,
    title: anchor.title,
    outlet: anchor.outlet,
    published: anchor.published,
    selector: selectorOf(anchor.selector),
    contentHash: anchor.contentHash,
    textHash: anchor.textHash,
    state: anchor.state,
    start: anchor.start,
    end: anchor.end,
    currentText: anchor.currentText,
    diff: anchor.diff ? anchor.diff.map(({ op, text }) => ({ op, text })) : null,
    orphanReason: anchor.orphanReason,
    createdAt: anchor.createdAt,
  };
}

/** A copy of a revision with exactly the contract's fields. */
function revisionOf(revision: NoteRevision): NoteRevision {
  return {
    id: revision.id,
    noteId: revision.noteId,
    createdAt: revision.createdAt,
    reason: revision.reason,
    body: revision.body,
    tags: [...revision.tags],
    anchors: revision.anchors.map(
      (anchor): RevisionAnchor => ({
        id: anchor.id,
        docId: anchor.docId,
        path: anchor.path,
        selector: selectorOf(anchor.selector),
        contentHash: anchor.contentHash,
        textHash: anchor.textHash,
        createdAt: anchor.createdAt,
      }),
    ),
  };
}

/** A copy of a selector with exactly the contract's fields. */
function selectorOf(selector: PassageSelector): PassageSelector {
  return { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, start: selector.start, end: selector.end };
}

/** A failed parse. */
function fail(message: string): NotebookParse {
  return { ok: false, message };
}

/** Whether a parsed JSON value is an object (not a list or null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
