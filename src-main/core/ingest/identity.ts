import { createHash } from 'node:crypto';
import { statement, type Connection } from '../store/database';
import { takenDocumentIds } from '../store/documents';

/** A path's digest, whose first 12 hex digits are its document's id unless another document holds them. */
function digestOf(path: string): string {
  return createHash('sha256').update(path, 'utf8').digest('hex');
}

/** A stable public id for the document first found at a path: 12 hex digits, lengthened on the rare collision. */
export function documentIdForPath(db: Connection, path: string): string {
  const digest = digestOf(path);
  for (let length = 12; length <= digest.length; length += 4) {
    const id = digest.slice(0, length);
    const taken = statement(db, 'SELECT 1 FROM documents WHERE id = ?').get(id);
    if (!taken) return id;
  }
  throw new Error(`No free document id for ${path}.`);
}

/**
 * Gives the new documents of one ingest batch the ids documentIdForPath would, with one query for the batch instead of
 * one per file: an id free before the batch and not given earlier in it is used as is; any other goes through
 * documentIdForPath, which sees the documents the batch has already written. Every id of the batch must come from it.
 */
export class BatchIds {
  private readonly shortIds: Map<string, string>;
  private readonly takenBefore: Set<string>;
  private readonly given = new Set<string>();

  /** `paths`: the batch's new paths, looked up at once; a path not listed is still given a free id. */
  constructor(private readonly db: Connection, paths: readonly string[]) {
    this.shortIds = new Map(paths.map((path) => [path, digestOf(path).slice(0, 12)]));
    this.takenBefore = takenDocumentIds(db, [...this.shortIds.values()]);
  }

  /** The id of the document first found at `path`. */
  next(path: string): string {
    const short = this.shortIds.get(path) ?? digestOf(path).slice(0, 12);
    const id = this.takenBefore.has(short) || this.given.has(short) ? documentIdForPath(this.db, path) : short;
    this.given.add(id);
    return id;
  }
}
