import { statement, type Connection } from './database';
import type { PageStart } from '../extract/types';

/** Replaces the page starts of a document (raw-text offsets); an empty list removes them (the source has no pages). */
export function replacePages(db: Connection, rowid: number, pages: readonly PageStart[]): void {
  statement(db, 'DELETE FROM document_pages WHERE document_rowid = ?').run(rowid);
  const insert = statement(db, 'INSERT INTO document_pages (document_rowid, page, start) VALUES (?, ?, ?)');
  for (const { page, start } of pages) insert.run(rowid, page, start);
}

/** The page starts of a document in page order, empty when its source has no pages. */
export function pagesOf(db: Connection, rowid: number): PageStart[] {
  return statement(db, 'SELECT page, start FROM document_pages WHERE document_rowid = ? ORDER BY page').all(rowid) as PageStart[];
}

/** The page a raw-text offset lies on (the last page starting at or before it), or null when there are no pages. */
export function pageAt(pages: readonly PageStart[], rawOffset: number): number | null {
  let found: number | null = null;
  for (const { page, start } of pages) {
    if (start > rawOffset) break;
    found = page;
  }
  return found ?? pages[0]?.page ?? null;
}
