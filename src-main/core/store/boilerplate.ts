import { statement, type Connection } from './database';
import type { BoilerplateSpan } from '../extract/types';

/** A stored boilerplate span with whether the reporter restored it to the reading text. */
export interface StoredSpan extends BoilerplateSpan {
  ordinal: number;
  restored: boolean;
}

/** Replaces a document's boilerplate spans (after extraction); restores are kept, keyed by the span's text. */
export function replaceSpans(db: Connection, documentRowid: number, spans: readonly BoilerplateSpan[]): void {
  statement(db, 'DELETE FROM boilerplate_spans WHERE document_rowid = ?').run(documentRowid);
  addSpans(db, documentRowid, spans);
}

/** Stores the boilerplate spans of a document that has none yet (a new one: ingest skips replaceSpans' delete). */
export function addSpans(db: Connection, documentRowid: number, spans: readonly BoilerplateSpan[]): void {
  const insert = statement(db, 'INSERT INTO boilerplate_spans (document_rowid, ordinal, start, end, reason) VALUES (?, ?, ?, ?, ?)');
  spans.forEach((span, ordinal) => insert.run(documentRowid, ordinal, span.start, span.end, span.reason));
}

/** The texts of the spans a reporter restored, which survive re-extraction. */
export function restoredTexts(db: Connection, documentRowid: number): Set<string> {
  const rows = statement(db, 'SELECT span_text FROM boilerplate_restores WHERE document_rowid = ?').pluck().all(documentRowid);
  return new Set(rows as string[]);
}

/** A document's spans in order, with their restored state resolved against its raw text. */
export function listSpans(db: Connection, documentRowid: number, rawText: string): StoredSpan[] {
  const restored = restoredTexts(db, documentRowid);
  const rows = statement(db, 'SELECT ordinal, start, end, reason FROM boilerplate_spans WHERE document_rowid = ? ORDER BY ordinal')
    .all(documentRowid) as { ordinal: number; start: number; end: number; reason: BoilerplateSpan['reason'] }[];
  return rows.map((row) => ({ ...row, restored: restored.has(rawText.slice(row.start, row.end)) }));
}

/** Records or clears a reporter's restore of one span (by its text, so it survives re-ingest). */
export function setRestored(db: Connection, documentRowid: number, spanText: string, restored: boolean): void {
  if (restored) {
    statement(db, 'INSERT INTO boilerplate_restores (document_rowid, span_text) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(documentRowid, spanText);
  } else {
    statement(db, 'DELETE FROM boilerplate_restores WHERE document_rowid = ? AND span_text = ?').run(documentRowid, spanText);
  }
}
