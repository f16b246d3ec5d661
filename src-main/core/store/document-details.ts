import type { DocumentDetails } from '../../contract/library';
import type { Connection } from './database';
import { documentSummary, type DocumentRow } from './documents';
import { listOverrides } from './overrides';

/** A document's details as getDocument returns them: effective metadata, format, hash and overrides. */
export function documentDetailsOf(db: Connection, row: DocumentRow): DocumentDetails {
  const summary = documentSummary(db, row.rowid)!;
  const overrides: DocumentDetails['overrides'] = {};
  for (const [field, value] of listOverrides(db, row.rowid)) overrides[field] = { value, extracted: row[field] };
  return { ...summary, format: row.format, encoding: row.encoding, contentHash: row.content_hash, overrides };
}
