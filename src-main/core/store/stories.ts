import { statement, type Connection } from './database';

/** Returns the rowid of a story, creating it when new. */
export function ensureStory(db: Connection, name: string, now: string): number {
  statement(db, 'INSERT INTO stories (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, now);
  return statement(db, 'SELECT rowid FROM stories WHERE name = ?').pluck().get(name) as number;
}

/** The rowid of a story by name, or undefined. */
export function findStory(db: Connection, name: string): number | undefined {
  return statement(db, 'SELECT rowid FROM stories WHERE name = ?').pluck().get(name) as number | undefined;
}

/** Adds a document to a story (idempotent). */
export function addToStory(db: Connection, storyRowid: number, documentRowid: number): void {
  statement(db, 'INSERT INTO story_documents (story_rowid, document_rowid) VALUES (?, ?) ON CONFLICT DO NOTHING')
    .run(storyRowid, documentRowid);
}

/** Every story with its number of documents, by name. */
export function listStories(db: Connection): { name: string; documents: number }[] {
  return statement(db, `SELECT s.name AS name, count(sd.document_rowid) AS documents FROM stories s
    LEFT JOIN story_documents sd ON sd.story_rowid = s.rowid GROUP BY s.rowid ORDER BY s.name`).all() as {
    name: string;
    documents: number;
  }[];
}

/** A story's documents with what its passage index depends on (id, text hash, metadata). */
export function storyMembers(db: Connection, storyRowid: number): { rowid: number; id: string; path: string; text_hash: string }[] {
  return statement(db, `SELECT d.rowid AS rowid, d.id AS id, d.path AS path, d.text_hash AS text_hash FROM story_documents sd
    JOIN documents d ON d.rowid = sd.document_rowid WHERE sd.story_rowid = ? ORDER BY d.id`).all(storyRowid) as {
    rowid: number;
    id: string;
    path: string;
    text_hash: string;
  }[];
}
