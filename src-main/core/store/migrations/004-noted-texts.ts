import type { Migration } from './migration';

/**
 * The reading texts passages were noted in, one row per distinct text: with the text a note's offsets refer to at
 * hand, re-anchoring can follow the passage through a diff of the edit instead of searching for it by its words alone.
 * Kept while any anchor refers to its hash. Existing anchors get the text their document still has, when unchanged.
 */
export const notedTextsSchema: Migration = {
  version: 4,
  name: 'noted-texts',
  up: `
    CREATE TABLE noted_texts (
      rowid INTEGER PRIMARY KEY,
      text_hash TEXT NOT NULL UNIQUE,
      text TEXT NOT NULL
    ) STRICT;
    CREATE INDEX note_anchors_text_hash ON note_anchors (text_hash);
    INSERT OR IGNORE INTO noted_texts (text_hash, text)
      SELECT d.text_hash, d.reading_text FROM documents d
      WHERE d.text_hash IN (SELECT text_hash FROM note_anchors);
  `,
};
