import { statement, type Connection } from './database';
import { effective } from './documents';
import type { AnchorState, OrphanReason, PassageSelector, RevisionAnchor, RevisionReason } from '../../contract/notes';

/** A stored note row. */
export interface NoteRow {
  rowid: number;
  id: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A stored anchor with its document's effective citation metadata (null when the document row is gone). */
export interface AnchorRow {
  rowid: number;
  id: string;
  note_rowid: number;
  ordinal: number;
  document_rowid: number | null;
  document_id: string;
  document_path: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  content_hash: string;
  text_hash: string;
  state: AnchorState;
  current_start: number;
  current_end: number;
  current_text: string | null;
  orphan_reason: OrphanReason | null;
  resolved_text_hash: string | null;
  created_at: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** Where an anchor stands after resolution, as stored. */
export interface AnchorPlacement {
  state: AnchorState;
  currentStart: number;
  currentEnd: number;
  currentText: string | null;
  orphanReason: OrphanReason | null;
  resolvedTextHash: string | null;
}

/** A new anchor: the passage as noted in a document, and where it stands now. */
export interface NewAnchor {
  id: string;
  documentRowid: number | null;
  documentId: string;
  documentPath: string;
  selector: PassageSelector;
  contentHash: string;
  textHash: string;
  createdAt: string;
  placement: AnchorPlacement;
}

const NOTE_COLUMNS = 'rowid, id, body, created_at, updated_at, deleted_at';
const ANCHOR_SELECT = `SELECT a.rowid AS rowid, a.id AS id, a.note_rowid AS note_rowid, a.ordinal AS ordinal,
  a.document_rowid AS document_rowid, coalesce(d.id, a.document_id) AS document_id, coalesce(d.path, a.document_path) AS document_path,
  a.exact AS exact, a.prefix AS prefix, a.suffix AS suffix, a.start AS start, a.end AS end, a.content_hash AS content_hash,
  a.text_hash AS text_hash, a.state AS state, a.current_start AS current_start, a.current_end AS current_end,
  a.current_text AS current_text, a.orphan_reason AS orphan_reason, a.resolved_text_hash AS resolved_text_hash,
  a.created_at AS created_at, ${effective('title')}, ${effective('outlet')}, ${effective('published')}
  FROM note_anchors a LEFT JOIN documents d ON d.rowid = a.document_rowid`;

/** Inserts a note; returns its rowid. */
export function insertNote(db: Connection, id: string, body: string, createdAt: string, updatedAt = createdAt, deletedAt: string | null = null): number {
  return Number(statement(db, 'INSERT INTO notes (id, body, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, body, createdAt, updatedAt, deletedAt).lastInsertRowid);
}

/** Finds a note by its public id. */
export function findNote(db: Connection, id: string): NoteRow | undefined {
  return statement(db, `SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
}

/** Live notes or the trash, most recently updated first. */
export function listNoteRows(db: Connection, trash: boolean): NoteRow[] {
  const where = trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL';
  return statement(db, `SELECT ${NOTE_COLUMNS} FROM notes WHERE ${where} ORDER BY updated_at DESC, rowid DESC`).all() as NoteRow[];
}

/** Saves a note's body. */
export function setNoteBody(db: Connection, rowid: number, body: string, now: string): void {
  statement(db, 'UPDATE notes SET body = ?, updated_at = ? WHERE rowid = ?').run(body, now, rowid);
}

/** Moves a note to the trash (a time) or back (null). */
export function setNoteDeleted(db: Connection, rowid: number, deletedAt: string | null, now: string): void {
  statement(db, 'UPDATE notes SET deleted_at = ?, updated_at = ? WHERE rowid = ?').run(deletedAt, now, rowid);
}

/** Records that a note changed (an anchor added or removed). */
export function touchNote(db: Connection, rowid: number, now: string): void {
  statement(db, 'UPDATE notes SET updated_at = ? WHERE rowid = ?').run(now, rowid);
}

/** Replaces a note's tags, keeping their order. */
export function setNoteTags(db: Connection, rowid: number, tags: readonly string[]): void {
  statement(db, 'DELETE FROM note_tags WHERE note_rowid = ?').run(rowid);
  const insert = statement(db, 'INSERT INTO note_tags (note_rowid, tag, ordinal) VALUES (?, ?, ?)');
  tags.forEach((tag, ordinal) => insert.run(rowid, tag, ordinal));
}

/** Every note's tags in order, by note rowid. */
export function tagsByNote(db: Connection): Map<number, string[]> {
  const rows = statement(db, 'SELECT note_rowid, tag FROM note_tags ORDER BY note_rowid, ordinal').all() as { note_rowid: number; tag: string }[];
  const tags = new Map<number, string[]>();
  for (const row of rows) {
    const list = tags.get(row.note_rowid);
    if (list) list.push(row.tag);
    else tags.set(row.note_rowid, [row.tag]);
  }
  return tags;
}

/** One note's tags in order. */
export function noteTags(db: Connection, rowid: number): string[] {
  return statement(db, 'SELECT tag FROM note_tags WHERE note_rowid = ? ORDER BY ordinal').pluck().all(rowid) as string[];
}

/** Tags of live notes with their counts, most used first. */
export function liveTagCounts(db: Connection): { tag: string; notes: number }[] {
  return statement(db, `SELECT t.tag AS tag, count(*) AS notes FROM note_tags t JOIN notes n ON n.rowid = t.note_rowid
    WHERE n.deleted_at IS NULL GROUP BY t.tag ORDER BY notes DESC, t.tag COLLATE NOCASE`).all() as { tag: string; notes: number }[];
}

/** One note's anchors in order. */
export function noteAnchors(db: Connection, noteRowid: number): AnchorRow[] {
  return statement(db, `${ANCHOR_SELECT} WHERE a.note_rowid = ? ORDER BY a.ordinal`).all(noteRowid) as AnchorRow[];
}

/** Every anchor, grouped by note rowid, in order. */
export function anchorsByNote(db: Connection): Map<number, AnchorRow[]> {
  const rows = statement(db, `${ANCHOR_SELECT} ORDER BY a.note_rowid, a.ordinal`).all() as AnchorRow[];
  const anchors = new Map<number, AnchorRow[]>();
  for (const row of rows) {
    const list = anchors.get(row.note_rowid);
    if (list) list.push(row);
    else anchors.set(row.note_rowid, [row]);
  }
  return anchors;
}

/** The anchors of live notes in one document, in text order. */
export function documentAnchors(db: Connection, documentRowid: number): (AnchorRow & { note_id: string; body: string })[] {
  return statement(db, `SELECT x.*, n.id AS note_id, n.body AS body FROM (${ANCHOR_SELECT} WHERE a.document_rowid = ?) x
    JOIN notes n ON n.rowid = x.note_rowid WHERE n.deleted_at IS NULL ORDER BY x.current_start, x.current_end`)
    .all(documentRowid) as (AnchorRow & { note_id: string; body: string })[];
}

/** Inserts an anchor at the end of a note's passages. */
export function insertAnchor(db: Connection, noteRowid: number, anchor: NewAnchor): void {
  const ordinal = (statement(db, 'SELECT coalesce(max(ordinal) + 1, 0) FROM note_anchors WHERE note_rowid = ?').pluck().get(noteRowid) as number);
  const { selector, placement } = anchor;
  statement(db, `INSERT INTO note_anchors (id, note_rowid, ordinal, document_rowid, document_id, document_path, exact, prefix,
      suffix, start, end, content_hash, text_hash, state, current_start, current_end, current_text, orphan_reason,
      resolved_text_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(anchor.id, noteRowid, ordinal, anchor.documentRowid, anchor.documentId, anchor.documentPath, selector.exact,
      selector.prefix, selector.suffix, selector.start, selector.end, anchor.contentHash, anchor.textHash, placement.state,
      placement.currentStart, placement.currentEnd, placement.currentText, placement.orphanReason, placement.resolvedTextHash,
      anchor.createdAt);
  keepNotedText(db, anchor.textHash);
}

/** Keeps the reading text an anchor's offsets refer to, when a document still holds it (see migration 4). */
function keepNotedText(db: Connection, textHash: string): void {
  statement(db, `INSERT INTO noted_texts (text_hash, text) SELECT text_hash, reading_text FROM documents
    WHERE text_hash = ? AND NOT EXISTS (SELECT 1 FROM noted_texts WHERE text_hash = ?) LIMIT 1`).run(textHash, textHash);
}

/** The reading text with this hash that passages were noted in, if kept. */
export function notedText(db: Connection, textHash: string): string | undefined {
  return statement(db, 'SELECT text FROM noted_texts WHERE text_hash = ?').pluck().get(textHash) as string | undefined;
}

/** Removes one anchor. */
export function deleteAnchor(db: Connection, anchorRowid: number): void {
  statement(db, 'DELETE FROM note_anchors WHERE rowid = ?').run(anchorRowid);
}

/** Whether an anchor id is already taken (ids are global, so imports and restores keep them). */
export function anchorIdTaken(db: Connection, id: string): boolean {
  return statement(db, 'SELECT 1 FROM note_anchors WHERE id = ?').get(id) !== undefined;
}

/** Stores where an anchor stands after resolution. */
export function placeAnchor(db: Connection, anchorRowid: number, placement: AnchorPlacement): void {
  statement(db, `UPDATE note_anchors SET state = ?, current_start = ?, current_end = ?, current_text = ?, orphan_reason = ?,
      resolved_text_hash = ? WHERE rowid = ?`)
    .run(placement.state, placement.currentStart, placement.currentEnd, placement.currentText, placement.orphanReason,
      placement.resolvedTextHash, anchorRowid);
}

/** Points an anchor at another document (its content came back under another path). */
export function moveAnchor(db: Connection, anchorRowid: number, document: { rowid: number; id: string; path: string }): void {
  statement(db, 'UPDATE note_anchors SET document_rowid = ?, document_id = ?, document_path = ? WHERE rowid = ?')
    .run(document.rowid, document.id, document.path, anchorRowid);
}

/** An anchor whose document changed since it was last resolved, with what resolving it needs. */
export interface StaleAnchor {
  rowid: number;
  document_rowid: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  current_start: number;
  current_end: number;
  content_hash: string;
  text_hash: string;
  state: AnchorState;
  orphan_reason: OrphanReason | null;
  document_missing: number | null;
  document_text_hash: string | null;
  document_content_hash: string | null;
}

/**
 * Anchors to resolve again: their document's reading text is not the one they were resolved against, or their
 * document went missing (or came back) since. Orphans whose source is missing are listed too, so they can re-attach
 * to the same content wherever it returns.
 */
export function staleAnchors(db: Connection): StaleAnchor[] {
  return statement(db, `SELECT a.rowid AS rowid, a.document_rowid AS document_rowid, a.exact AS exact, a.prefix AS prefix,
      a.suffix AS suffix, a.start AS start, a.end AS end, a.current_start AS current_start, a.current_end AS current_end,
      a.content_hash AS content_hash, a.text_hash AS text_hash, a.state AS state, a.orphan_reason AS orphan_reason,
      d.missing AS document_missing, d.text_hash AS document_text_hash, d.content_hash AS document_content_hash
    FROM note_anchors a LEFT JOIN documents d ON d.rowid = a.document_rowid
    WHERE d.rowid IS NULL OR d.missing = 1
       OR a.resolved_text_hash IS NULL OR a.resolved_text_hash != d.text_hash`).all() as StaleAnchor[];
}

/** A present document with the given file hash or reading-text hash, for re-attaching orphans of a vanished source. */
export function presentDocumentWithContent(db: Connection, contentHashes: readonly string[], textHashes: readonly string[]): { rowid: number; id: string; path: string; text_hash: string } | undefined {
  for (const hash of contentHashes) {
    const row = statement(db, 'SELECT rowid, id, path, text_hash FROM documents WHERE content_hash = ? AND missing = 0 ORDER BY rowid LIMIT 1').get(hash);
    if (row) return row as { rowid: number; id: string; path: string; text_hash: string };
  }
  for (const hash of textHashes) {
    const row = statement(db, 'SELECT rowid, id, path, text_hash FROM documents WHERE text_hash = ? AND missing = 0 ORDER BY rowid LIMIT 1').get(hash);
    if (row) return row as { rowid: number; id: string; path: string; text_hash: string };
  }
  return undefined;
}

/** Keeps a snapshot of a note. */
export function insertRevision(db: Connection, noteRowid: number, reason: RevisionReason, body: string, tags: readonly string[], anchors: readonly RevisionAnchor[], createdAt: string): number {
  return Number(statement(db, 'INSERT INTO note_revisions (note_rowid, created_at, reason, body, tags_json, anchors_json) VALUES (?, ?, ?, ?, ?, ?)')
    .run(noteRowid, createdAt, reason, body, JSON.stringify(tags), JSON.stringify(anchors)).lastInsertRowid);
}

/** A stored revision row. */
export interface RevisionRow {
  rowid: number;
  note_rowid: number;
  created_at: string;
  reason: RevisionReason;
  body: string;
  tags_json: string;
  anchors_json: string;
}

/** A note's revisions, newest first. */
export function noteRevisions(db: Connection, noteRowid: number): RevisionRow[] {
  return statement(db, 'SELECT rowid, note_rowid, created_at, reason, body, tags_json, anchors_json FROM note_revisions WHERE note_rowid = ? ORDER BY rowid DESC')
    .all(noteRowid) as RevisionRow[];
}

/** When a note's newest revision was kept, or undefined. */
export function newestRevisionTime(db: Connection, noteRowid: number): string | undefined {
  return statement(db, 'SELECT created_at FROM note_revisions WHERE note_rowid = ? ORDER BY rowid DESC LIMIT 1').pluck().get(noteRowid) as string | undefined;
}
