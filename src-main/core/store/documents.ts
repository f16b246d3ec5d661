import { statement, type Connection } from './database';
import type { DocumentSummary, MetadataField } from '../../contract/library';

/** A stored document row as the engine sees it (extracted metadata, before overrides). */
export interface DocumentRow {
  rowid: number;
  id: string;
  path: string;
  format: string;
  encoding: string;
  content_hash: string;
  file_size: number;
  file_mtime_ms: number;
  extractor_version: number;
  text_hash: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  words: number;
  missing: number;
  /** The message this document was attached to, or null for a file of its own. */
  carrier_rowid: number | null;
}

/** The columns written when a document is added or re-extracted. */
export interface DocumentContent {
  format: string;
  encoding: string;
  contentHash: string;
  fileSize: number;
  fileMtimeMs: number;
  extractorVersion: number;
  rawText: string;
  readingText: string;
  textHash: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  words: number;
}

const ROW_COLUMNS = `rowid, id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
  text_hash, title, outlet, byline, published, url, words, missing, carrier_rowid`;

/** Effective metadata: a reporter's override (even to null) wins over what the extractor found. */
export function effective(field: MetadataField): string {
  const override = `FROM metadata_overrides o WHERE o.document_rowid = d.rowid AND o.field = '${field}'`;
  return `CASE WHEN EXISTS (SELECT 1 ${override}) THEN (SELECT o.value ${override}) ELSE d.${field} END AS ${field}`;
}

const SUMMARY_SELECT = `SELECT d.rowid AS rowid, d.id AS id, d.path AS path, ${effective('title')}, ${effective('outlet')},
  ${effective('published')}, ${effective('byline')}, ${effective('url')},
  d.words AS words, d.missing AS missing,
  (SELECT json_group_array(name) FROM (SELECT s.name AS name FROM story_documents sd JOIN stories s ON s.rowid = sd.story_rowid
     WHERE sd.document_rowid = d.rowid ORDER BY s.name)) AS stories
  FROM documents d`;

/** A summary as SQLite returns it: stories as a JSON array, missing as 0/1. */
type SummaryRow = Omit<DocumentSummary, 'stories'> & { rowid: number; missing: number; stories: string };

function toSummary(row: SummaryRow): DocumentSummary & { missing: boolean } {
  return {
    id: row.id,
    path: row.path,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    byline: row.byline,
    url: row.url,
    words: row.words,
    stories: JSON.parse(row.stories) as string[],
    missing: row.missing === 1,
  };
}

/** Lists documents with effective metadata and their stories, ordered by path; optionally one story's. */
export function listDocumentSummaries(db: Connection, story?: string): (DocumentSummary & { missing: boolean })[] {
  const rows = story
    ? (statement(db, `${SUMMARY_SELECT} WHERE d.rowid IN (SELECT sd.document_rowid FROM story_documents sd JOIN stories s
        ON s.rowid = sd.story_rowid WHERE s.name = ?) ORDER BY d.path`).all(story) as SummaryRow[])
    : (statement(db, `${SUMMARY_SELECT} ORDER BY d.path`).all() as SummaryRow[]);
  return rows.map(toSummary);
}

/** One document's summary with effective metadata, or undefined. */
export function documentSummary(db: Connection, rowid: number): (DocumentSummary & { missing: boolean }) | undefined {
  const row = statement(db, `${SUMMARY_SELECT} WHERE d.rowid = ?`).get(rowid) as SummaryRow | undefined;
  return row ? toSummary(row) : undefined;
}

/** Finds a document by its absolute path. */
export function findDocumentByPath(db: Connection, path: string): DocumentRow | undefined {
  return statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE path = ?`).get(path) as DocumentRow | undefined;
}

/** Finds the documents of many paths in one query (ingest looks up a batch of 1,000 files at once): path → row. */
export function findDocumentsByPaths(db: Connection, paths: readonly string[]): Map<string, DocumentRow> {
  const rows = statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE path IN (SELECT value FROM json_each(?))`).all(JSON.stringify(paths)) as DocumentRow[];
  return new Map(rows.map((row) => [row.path, row]));
}

/** Finds a document by its public id. */
export function findDocumentById(db: Connection, id: string): DocumentRow | undefined {
  return statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
}

/** Finds a document by rowid. */
export function findDocumentByRowid(db: Connection, rowid: number): DocumentRow | undefined {
  return statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE rowid = ?`).get(rowid) as DocumentRow | undefined;
}

/** Files (not attachments) whose path lies under a folder (prefix match on the folder plus a separator). */
export function documentsUnder(db: Connection, folder: string, separator: string): Pick<DocumentRow, 'rowid' | 'path' | 'missing'>[] {
  const prefix = folder.endsWith(separator) ? folder : folder + separator;
  return statement(db, 'SELECT rowid, path, missing FROM documents WHERE substr(path, 1, ?) = ? AND carrier_rowid IS NULL')
    .all(prefix.length, prefix) as Pick<DocumentRow, 'rowid' | 'path' | 'missing'>[];
}

/** The attachments stored for a message, by path. */
export function attachmentsOf(db: Connection, carrierRowid: number): Map<string, DocumentRow> {
  const rows = statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE carrier_rowid = ?`).all(carrierRowid) as DocumentRow[];
  return new Map(rows.map((row) => [row.path, row]));
}

/** Links a document to the message it came in. */
export function setCarrier(db: Connection, rowid: number, carrierRowid: number): void {
  statement(db, 'UPDATE documents SET carrier_rowid = ? WHERE rowid = ?').run(carrierRowid, rowid);
}

/** Which of these content hashes some stored file (not an attachment) has: one query for a batch of new files. */
export function storedContentHashes(db: Connection, contentHashes: readonly string[]): Set<string> {
  const rows = statement(db, `SELECT DISTINCT content_hash FROM documents WHERE content_hash IN (SELECT value FROM json_each(?))
    AND carrier_rowid IS NULL`).pluck().all(JSON.stringify(contentHashes)) as string[];
  return new Set(rows);
}

/** Which of these public ids are taken: one query for a batch of new files. */
export function takenDocumentIds(db: Connection, ids: readonly string[]): Set<string> {
  return new Set(statement(db, 'SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[]);
}

/** Files with these exact bytes (their content hash), for finding where a file moved to. */
export function filesWithContent(db: Connection, contentHash: string): DocumentRow[] {
  return statement(db, `SELECT ${ROW_COLUMNS} FROM documents WHERE content_hash = ? AND carrier_rowid IS NULL`).all(contentHash) as DocumentRow[];
}

/** Gives a document (a file that moved) a new path, and its attachments paths under it; id, notes and stories stay. */
export function moveDocument(db: Connection, rowid: number, oldPath: string, newPath: string): void {
  statement(db, 'UPDATE documents SET path = ? WHERE rowid = ?').run(newPath, rowid);
  statement(db, 'UPDATE documents SET path = ? || substr(path, ?) WHERE carrier_rowid = ? AND substr(path, 1, ?) = ?')
    .run(newPath, oldPath.length + 1, rowid, oldPath.length, oldPath);
}

/** The canonical reading text or the raw extracted text of a document. */
export function documentText(db: Connection, rowid: number, raw: boolean): string {
  const column = raw ? 'raw_text' : 'reading_text';
  return statement(db, `SELECT ${column} FROM documents WHERE rowid = ?`).pluck().get(rowid) as string;
}

/** The first characters of a document's reading or raw text, and whether they are all of it. */
export interface TextPrefix {
  text: string;
  whole: boolean;
}

/**
 * The first `characters` code points of a document's reading or raw text, read without sending the rest to
 * JavaScript (SQLite's substr counts code points; the string returned is longer in UTF-16 units when it holds
 * characters beyond the Basic Multilingual Plane, such as emoji).
 */
export function documentTextPrefix(db: Connection, rowid: number, raw: boolean, characters: number): TextPrefix {
  const column = raw ? 'raw_text' : 'reading_text';
  const text = statement(db, `SELECT substr(${column}, 1, ?) FROM documents WHERE rowid = ?`).pluck().get(characters, rowid) as string;
  return { text, whole: codePointsOf(text) < characters };
}

/** How many code points a string holds: its UTF-16 length less one per surrogate pair. */
function codePointsOf(text: string): number {
  let pairs = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        index++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * The length of a document's reading text in UTF-16 code units (as every offset counts), without decoding the text
 * into a JavaScript string: SQLite counts code points, and each character beyond the Basic Multilingual Plane (such as
 * an emoji) counts twice. Such a character is four bytes in UTF-8, led by a byte from 0xF0 up that nothing else uses:
 * an ASCII text needs nothing more, another has its lead bytes counted.
 */
export function readingTextLength(db: Connection, rowid: number): number {
  const { characters, bytes } = statement(db, 'SELECT length(reading_text) AS characters, length(CAST(reading_text AS BLOB)) AS bytes FROM documents WHERE rowid = ?')
    .get(rowid) as { characters: number; bytes: number };
  if (characters === bytes) return characters;
  const encoded = statement(db, 'SELECT CAST(reading_text AS BLOB) FROM documents WHERE rowid = ?').pluck().get(rowid) as Buffer;
  let astral = 0;
  for (const byte of encoded) if (byte >= 0xf0) astral++;
  return characters + astral;
}

/**
 * Whether a document's reading text has a blank line anywhere, looked up by SQLite (the reading text trims every
 * line's trailing whitespace, so a blank line there is always two line feeds in a row).
 */
export function readingTextHasBlankLine(db: Connection, rowid: number): boolean {
  return statement(db, 'SELECT instr(reading_text, char(10, 10)) > 0 FROM documents WHERE rowid = ?').pluck().get(rowid) === 1;
}

/** Removes a document from the full-text index; must run before its indexed values change. */
export function unindexDocument(db: Connection, rowid: number): void {
  statement(db, `INSERT INTO document_index (document_index, rowid, title, outlet, byline, text)
    SELECT 'delete', rowid, title, outlet, byline, text FROM document_index_content WHERE rowid = ?`).run(rowid);
}

/** Adds a document's current effective values to the full-text index. */
export function indexDocument(db: Connection, rowid: number): void {
  statement(db, `INSERT INTO document_index (rowid, title, outlet, byline, text)
    SELECT rowid, title, outlet, byline, text FROM document_index_content WHERE rowid = ?`).run(rowid);
}

/** Inserts a new document and indexes it; returns its rowid. */
export function insertDocument(db: Connection, id: string, path: string, content: DocumentContent, now: string): number {
  const result = statement(db, `INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
      raw_text, reading_text, text_hash, title, outlet, byline, published, url, words, missing, added_at, updated_at)
      VALUES (@id, @path, @format, @encoding, @contentHash, @fileSize, @fileMtimeMs, @extractorVersion, @rawText,
      @readingText, @textHash, @title, @outlet, @byline, @published, @url, @words, 0, @now, @now)`)
    .run({ id, path, now, ...content });
  const rowid = Number(result.lastInsertRowid);
  // A new document has no overrides, so its extracted values are the effective ones: no need to go through the view.
  statement(db, 'INSERT INTO document_index (rowid, title, outlet, byline, text) VALUES (?, ?, ?, ?, ?)')
    .run(rowid, content.title, content.outlet, content.byline, content.readingText);
  return rowid;
}

/** Replaces a document's extracted content under the same id, keeping overrides, stories and notes. */
export function updateDocumentContent(db: Connection, rowid: number, content: DocumentContent, now: string): void {
  unindexDocument(db, rowid);
  statement(db, `UPDATE documents SET format = @format, encoding = @encoding, content_hash = @contentHash,
      file_size = @fileSize, file_mtime_ms = @fileMtimeMs, extractor_version = @extractorVersion, raw_text = @rawText,
      reading_text = @readingText, text_hash = @textHash, title = @title, outlet = @outlet, byline = @byline,
      published = @published, url = @url, words = @words, missing = 0, updated_at = @now WHERE rowid = @rowid`)
    .run({ rowid, now, ...content });
  indexDocument(db, rowid);
}

/** Records a new modification time (content unchanged) and clears the missing flag. */
export function touchDocument(db: Connection, rowid: number, fileMtimeMs: number): void {
  statement(db, 'UPDATE documents SET file_mtime_ms = ?, missing = 0 WHERE rowid = ?').run(fileMtimeMs, rowid);
}

/** Marks a document whose file is gone; nothing attached to it is deleted. */
export function markMissing(db: Connection, rowid: number, now: string): void {
  statement(db, 'UPDATE documents SET missing = 1, updated_at = ? WHERE rowid = ?').run(now, rowid);
}

/** Replaces the stored reading text (after a boilerplate span is restored or hidden) and re-indexes. */
export function replaceReadingText(db: Connection, rowid: number, readingText: string, textHash: string, words: number, now: string): void {
  unindexDocument(db, rowid);
  statement(db, 'UPDATE documents SET reading_text = ?, text_hash = ?, words = ?, updated_at = ? WHERE rowid = ?')
    .run(readingText, textHash, words, now, rowid);
  indexDocument(db, rowid);
}
