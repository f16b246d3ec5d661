import { statement, type Connection } from './database';
import type { MetadataField } from '../../contract/library';

/** Stores a reporter's value for one metadata field; kept apart from extraction so it survives re-ingest. */
export function setOverride(db: Connection, documentRowid: number, field: MetadataField, value: string | null): void {
  statement(db, `INSERT INTO metadata_overrides (document_rowid, field, value) VALUES (?, ?, ?)
    ON CONFLICT (document_rowid, field) DO UPDATE SET value = excluded.value`).run(documentRowid, field, value);
}

/** Drops a reporter's override so the extracted value shows again. */
export function clearOverride(db: Connection, documentRowid: number, field: MetadataField): void {
  statement(db, 'DELETE FROM metadata_overrides WHERE document_rowid = ? AND field = ?').run(documentRowid, field);
}

/** A document's overrides by field. */
export function listOverrides(db: Connection, documentRowid: number): Map<MetadataField, string | null> {
  const rows = statement(db, 'SELECT field, value FROM metadata_overrides WHERE document_rowid = ?').all(documentRowid) as {
    field: MetadataField;
    value: string | null;
  }[];
  return new Map(rows.map((row) => [row.field, row.value]));
}
