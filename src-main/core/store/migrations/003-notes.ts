import type { Migration } from './migration';

/**
 * The notebook: notes, the passages they are anchored to, and revisions. Notes never cascade away with a document:
 * an anchor keeps the document's id, path and hashes as copied values, so a note outlives its source's row.
 * An anchor's `resolved_text_hash` is the reading text it was last resolved against (null while its source is
 * missing); an anchor whose document's text hash differs is stale and is resolved again before any note is read.
 */
export const notesSchema: Migration = {
  version: 3,
  name: 'notes',
  up: `
    CREATE TABLE notes (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE note_tags (
      note_rowid INTEGER NOT NULL REFERENCES notes (rowid) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      PRIMARY KEY (note_rowid, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX note_tags_tag ON note_tags (tag COLLATE NOCASE);

    CREATE TABLE note_anchors (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      note_rowid INTEGER NOT NULL REFERENCES notes (rowid) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      document_rowid INTEGER REFERENCES documents (rowid) ON DELETE SET NULL,
      document_id TEXT NOT NULL,
      document_path TEXT NOT NULL,
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end >= start),
      content_hash TEXT NOT NULL,
      text_hash TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('ok', 'drifted', 'orphan')),
      current_start INTEGER NOT NULL CHECK (current_start >= 0),
      current_end INTEGER NOT NULL CHECK (current_end >= current_start),
      current_text TEXT,
      orphan_reason TEXT CHECK (orphan_reason IN ('source-missing', 'not-found')),
      resolved_text_hash TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX note_anchors_note ON note_anchors (note_rowid, ordinal);
    CREATE INDEX note_anchors_document ON note_anchors (document_rowid);

    CREATE TABLE note_revisions (
      rowid INTEGER PRIMARY KEY,
      note_rowid INTEGER NOT NULL REFERENCES notes (rowid) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('created', 'edited', 'before-delete', 'before-anchor-removal', 'before-restore', 'imported')),
      body TEXT NOT NULL,
      tags_json TEXT NOT NULL,
      anchors_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX note_revisions_note ON note_revisions (note_rowid, rowid);

    -- A source that vanished is found again by its content, wherever it comes back.
    CREATE INDEX documents_text_hash ON documents (text_hash);
  `,
};
