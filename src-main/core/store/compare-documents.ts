/** The documents a comparison reads: reading text with effective title, outlet and date, for a scope. */
import { statement, type Connection } from './database';
import { effective } from './documents';

/** Which documents a comparison covers: the whole library, one story, or a list of document rowids. */
export interface CompareScope {
  storyRowid?: number;
  documentRowids?: readonly number[];
}

/** Effective metadata of a compared document (a reporter's override wins). */
export interface CompareDocumentRow {
  rowid: number;
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
}

function scopeFilter(scope: CompareScope): { where: string; parameters: unknown[] } {
  if (scope.documentRowids !== undefined) {
    return { where: 'WHERE d.rowid IN (SELECT value FROM json_each(?))', parameters: [JSON.stringify(scope.documentRowids)] };
  }
  if (scope.storyRowid !== undefined) {
    return { where: 'WHERE d.rowid IN (SELECT document_rowid FROM story_documents WHERE story_rowid = ?)', parameters: [scope.storyRowid] };
  }
  return { where: '', parameters: [] };
}

/** The scope's documents with reading text and effective title, outlet and date, ordered by path. */
export function listCompareDocuments(db: Connection, scope: CompareScope): CompareDocumentRow[] {
  const { where, parameters } = scopeFilter(scope);
  return statement(db, `SELECT d.rowid AS rowid, d.id AS id, d.path AS path, ${effective('title')},
      ${effective('outlet')}, ${effective('published')}, d.reading_text AS text
    FROM documents d ${where} ORDER BY d.path`).all(...parameters) as CompareDocumentRow[];
}

/** Reading texts of the given documents, by rowid (for aligning a few candidate pairs). */
export function readingTexts(db: Connection, rowids: readonly number[]): Map<number, string> {
  const rows = statement(db, 'SELECT rowid, reading_text AS text FROM documents WHERE rowid IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(rowids)) as { rowid: number; text: string }[];
  return new Map(rows.map((row) => [row.rowid, row.text]));
}

/** The rowids of the scope's documents, ascending, without reading their rows' columns. */
export function scopeRowids(db: Connection, scope: CompareScope): number[] {
  const { where, parameters } = scopeFilter(scope);
  return statement(db, `SELECT d.rowid FROM documents d ${where} ORDER BY d.rowid`).pluck().all(...parameters) as number[];
}

/** The scope's documents as (rowid, id, path, text hash), ordered by rowid: enough to tell whether a comparison is
 * current and to name its passages' documents, without reading any text. */
export function scopeSignature(db: Connection, scope: CompareScope): { rowid: number; id: string; path: string; textHash: string }[] {
  const { where, parameters } = scopeFilter(scope);
  return statement(db, `SELECT d.rowid AS rowid, d.id AS id, d.path AS path, d.text_hash AS textHash FROM documents d ${where} ORDER BY d.rowid`)
    .all(...parameters) as { rowid: number; id: string; path: string; textHash: string }[];
}
