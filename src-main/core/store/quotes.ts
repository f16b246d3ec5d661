import { statement, type Connection } from './database';
import { effective } from './documents';
import type { QuoteKind } from '../../contract/quotes';

/** A quote as stored beside its document: offsets of its words in the reading text, speaker and kind. */
export interface QuoteSpan {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  kind: QuoteKind;
}

/** A stored quote with what lists and clusters show of its document (effective published date). */
export interface QuoteRecord extends QuoteSpan {
  documentRowid: number;
  ordinal: number;
  docId: string;
  path: string;
  published: string | null;
}

/** Which quotes to list: all, one document's, one story's, or one document's if it is in one story. */
export interface QuoteScope {
  documentRowid?: number;
  storyRowid?: number;
}

/** The public id of a stored quote: its document's id and its ordinal. */
export function quoteIdOf(record: Pick<QuoteRecord, 'docId' | 'ordinal'>): string {
  return `${record.docId}:${record.ordinal}`;
}

/** Adds a new document's quotes: one prepared insert per quote (the writer's whole added cost). */
export function insertQuotes(db: Connection, documentRowid: number, quotes: readonly QuoteSpan[]): void {
  const insert = statement(db, 'INSERT INTO quotes (document_rowid, ordinal, start, end, text, speaker, kind) VALUES (?, ?, ?, ?, ?, ?, ?)');
  quotes.forEach((quote, ordinal) => insert.run(documentRowid, ordinal, quote.start, quote.end, quote.text, quote.speaker, quote.kind));
}

/** Replaces a document's quotes with those found in the reading text whose hash is given, marking them current. */
export function replaceQuotes(db: Connection, documentRowid: number, quotes: readonly QuoteSpan[], textHash: string): void {
  statement(db, 'DELETE FROM quotes WHERE document_rowid = ?').run(documentRowid);
  insertQuotes(db, documentRowid, quotes);
  statement(db, 'UPDATE documents SET quotes_text_hash = ? WHERE rowid = ?').run(textHash, documentRowid);
}

/** A document whose quotes are to be found again: its reading text and that text's hash. */
export interface StaleDocument {
  rowid: number;
  text: string;
  textHash: string;
}

/** The rowids of the documents (in a scope) whose quotes were not yet found in their current reading text. */
export function staleQuoteDocuments(db: Connection, scope: QuoteScope = {}): number[] {
  const select = 'SELECT d.rowid FROM documents d WHERE d.quotes_text_hash IS NOT d.text_hash';
  if (scope.documentRowid !== undefined) return statement(db, `${select} AND d.rowid = ?`).pluck().all(scope.documentRowid) as number[];
  if (scope.storyRowid !== undefined) {
    return statement(db, `${select} AND d.rowid IN (SELECT document_rowid FROM story_documents WHERE story_rowid = ?)`).pluck().all(scope.storyRowid) as number[];
  }
  return statement(db, select).pluck().all() as number[];
}

/** The reading texts and text hashes of some documents, for finding their quotes (in the order given). */
export function staleQuoteTexts(db: Connection, rowids: readonly number[]): StaleDocument[] {
  const read = statement(db, 'SELECT rowid, reading_text AS text, text_hash AS textHash FROM documents WHERE rowid = ?');
  return rowids.flatMap((rowid) => {
    const row = read.get(rowid) as StaleDocument | undefined;
    return row ? [row] : [];
  });
}

const RECORD_SELECT = `SELECT q.document_rowid AS documentRowid, q.ordinal AS ordinal, q.start AS start, q.end AS end, q.text AS text,
  q.speaker AS speaker, q.kind AS kind, d.id AS docId, d.path AS path, ${effective('published')}
  FROM quotes q JOIN documents d ON d.rowid = q.document_rowid`;

/** Stored quotes in text order per document (documents by path), for the whole library, one story, one document, or
 * one document if it is in one story; only documents whose quotes are current count (a stale document's quotes were
 * found in a text it no longer has). */
export function listQuoteRecords(db: Connection, scope: QuoteScope = {}): ListedQuote[] {
  const conditions = ['d.quotes_text_hash IS d.text_hash'];
  const values: number[] = [];
  if (scope.documentRowid !== undefined) {
    conditions.push('q.document_rowid = ?');
    values.push(scope.documentRowid);
  }
  if (scope.storyRowid !== undefined) {
    conditions.push('q.document_rowid IN (SELECT document_rowid FROM story_documents WHERE story_rowid = ?)');
    values.push(scope.storyRowid);
  }
  const rows = statement(db, `${RECORD_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY d.path, q.start, q.ordinal`).iterate(...values) as Iterable<QuoteRecord>;
  // A document's quotes come together: they share one copy of its id, path and date; speakers and kinds are shared
  // across documents. Rows are read one at a time, so the driver's row objects never pile up beside the records.
  const shared = new Map<string, string>();
  const one = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const known = shared.get(value);
    if (known !== undefined) return known as T;
    shared.set(value, value);
    return value;
  };
  const records: ListedQuote[] = [];
  let previous: ListedQuote | undefined;
  for (const row of rows) {
    const sameDocument = previous?.documentRowid === row.documentRowid;
    const record = new ListedQuote(
      row.documentRowid,
      row.ordinal,
      row.start,
      row.end,
      row.text,
      one(row.speaker),
      one(row.kind),
      sameDocument ? previous!.docId : row.docId,
      sameDocument ? previous!.path : row.path,
      sameDocument ? previous!.published : row.published,
    );
    records.push(record);
    previous = record;
  }
  return records;
}

/**
 * A listed quote: a QuoteRecord whose fields are all in the object (no overflow property store) and whose public id
 * is made when asked, not kept (a 100k story's 384k quotes are cached for clustering: ~158 MB before, see README).
 */
export class ListedQuote implements QuoteRecord {
  constructor(
    public documentRowid: number,
    public ordinal: number,
    public start: number,
    public end: number,
    public text: string,
    public speaker: string | null,
    public kind: QuoteKind,
    public docId: string,
    public path: string,
    public published: string | null,
  ) {}

  /** The quote's public id (quoteIdOf). */
  get quoteId(): string {
    return quoteIdOf(this);
  }
}

/** The stored quote that overlaps [start, end) of a document the most, or undefined. */
export function quoteOverlapping(db: Connection, documentRowid: number, start: number, end: number): QuoteRecord | undefined {
  return statement(db, `${RECORD_SELECT} WHERE q.document_rowid = ? AND q.start < ? AND q.end > ?
    ORDER BY min(q.end, ?) - max(q.start, ?) DESC, q.start LIMIT 1`).get(documentRowid, end, start, end, start) as QuoteRecord | undefined;
}
