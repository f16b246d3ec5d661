import type { Migration } from './migration';

/**
 * The quote ledger: each document's quotes (offsets into its reading text). Quotes are found after ingest, on first
 * use, so they never slow a document's way to being searchable: `quotes_text_hash` records the reading text they were
 * found in, and a document whose text hash differs has stale quotes that are found again before any quote is read.
 */
export const quotesSchema: Migration = {
  version: 2,
  name: 'quotes',
  up: `
    CREATE TABLE quotes (
      document_rowid INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
      start INTEGER NOT NULL CHECK (start >= 0),
      end INTEGER NOT NULL CHECK (end >= start),
      text TEXT NOT NULL,
      speaker TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'transcript')),
      PRIMARY KEY (document_rowid, ordinal)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes (speaker COLLATE NOCASE);
    ALTER TABLE documents ADD COLUMN quotes_text_hash TEXT;
  `,
};
