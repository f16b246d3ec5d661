import { createHash } from 'node:crypto';
import { statement, type Connection } from '../store/database';

/** A stable public id for the document first found at a path: 12 hex digits, lengthened on the rare collision. */
export function documentIdForPath(db: Connection, path: string): string {
  const digest = createHash('sha256').update(path, 'utf8').digest('hex');
  for (let length = 12; length <= digest.length; length += 4) {
    const id = digest.slice(0, length);
    const taken = statement(db, 'SELECT 1 FROM documents WHERE id = ?').get(id);
    if (!taken) return id;
  }
  throw new Error(`No free document id for ${path}.`);
}
