import { statement, type Connection } from '../store/database';
import { findNote, insertNote, insertRevision, setNoteTags } from '../store/notes';
import { failure, success, type Result } from '../../contract/result';
import type { NoteImportReport } from '../../contract/notes';
import { parseNotebookFile } from './export/notebook-file';
import { cleanTags } from './note-records';
import { ensureAnchors, reanchor } from './note-anchors';

/**
 * Imports a notebook exported as JSON, in one transaction: notes whose id is already in the library are left alone
 * (an import never overwrites a reporter's newer words); passages go back on their document by id, else on a present
 * document with the same content, else stay orphans of a missing source. Revisions come along, plus one marking the
 * import.
 */
export function importNotebook(db: Connection, text: string, at: string): Result<NoteImportReport> {
  const parsed = parseNotebookFile(text);
  if (!parsed.ok) return failure('bad-request', parsed.message);
  const report: NoteImportReport = { imported: 0, skipped: 0, orphanedAnchors: 0 };
  const imported: string[] = [];
  db.transaction(() => {
    for (const note of parsed.value.notes) {
      if (findNote(db, note.id)) {
        report.skipped++;
        continue;
      }
      const rowid = insertNote(db, note.id, note.body, note.createdAt, note.updatedAt, note.deletedAt);
      setNoteTags(db, rowid, cleanTags(note.tags));
      for (const anchor of note.anchors) reanchor(db, rowid, anchor, at);
      for (const revision of [...note.revisions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)) {
        insertRevision(db, rowid, revision.reason, revision.body, cleanTags(revision.tags), revision.anchors, revision.createdAt);
      }
      insertRevision(db, rowid, 'imported', note.body, cleanTags(note.tags), note.anchors.map(({ id, docId, path, selector, contentHash, textHash, createdAt }) => ({ id, docId, path, selector, contentHash, textHash, createdAt })), at);
      imported.push(note.id);
    }
  }).immediate();
  ensureAnchors(db);
  report.imported = imported.length;
  report.orphanedAnchors = countImportedOrphans(db, imported);
  return success(report);
}

/** How many anchors of the given notes found no document (orphans of a missing source). */
function countImportedOrphans(db: Connection, ids: readonly string[]): number {
  let count = 0;
  const query = statement(db, `SELECT count(*) FROM note_anchors a JOIN notes n ON n.rowid = a.note_rowid
    WHERE n.id = ? AND a.state = 'orphan' AND a.orphan_reason = 'source-missing'`).pluck();
  for (const id of ids) count += query.get(id) as number;
  return count;
}
