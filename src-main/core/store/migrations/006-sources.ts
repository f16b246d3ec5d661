import type { Migration } from './migration';

/**
 * More kinds of sources: the pages of a PDF (where each begins in the raw text, so a passage can cite "p. 4"), the
 * message an attachment came in (an attachment is a document of its own, linked to its carrier and following it), and
 * the folders watched for new, changed, moved and deleted files while the workbench runs.
 */
export const sourcesSchema: Migration = {
  version: 6,
  name: 'sources',
  up: `
    ALTER TABLE documents ADD COLUMN carrier_rowid INTEGER REFERENCES documents (rowid) ON DELETE CASCADE;
    CREATE INDEX documents_carrier ON documents (carrier_rowid) WHERE carrier_rowid IS NOT NULL;

    CREATE TABLE document_pages (
      document_rowid INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
      page INTEGER NOT NULL,
      start INTEGER NOT NULL,
      PRIMARY KEY (document_rowid, page)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE watched_folders (
      path TEXT PRIMARY KEY,
      story_rowid INTEGER REFERENCES stories (rowid) ON DELETE SET NULL,
      added_at TEXT NOT NULL
    ) STRICT;
  `,
};
