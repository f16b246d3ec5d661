/**
 * The library list (listDocuments) read in three passes: the documents' own columns in path order, then every
 * metadata override and every story membership at once, joined here. The same rows as listDocumentSummaries, which
 * asks eleven correlated sub-queries per document (five overrides, each looked up twice, and its stories).
 */
import type { DocumentListEntry, MetadataField } from '../../contract/library';
import { statement, type Connection } from './database';

/** A document's listed columns as stored: extracted metadata, before the reporter's overrides; missing as 0/1. */
type ListedRow = Omit<DocumentListEntry, 'stories' | 'missing'> & { rowid: number; missing: number };

const COLUMNS = 'd.rowid AS rowid, d.id AS id, d.path AS path, d.title AS title, d.outlet AS outlet, d.published AS published, d.byline AS byline, d.url AS url, d.words AS words, d.missing AS missing';

/** The documents of one story, as a condition on `document_rowid` columns. */
const IN_STORY = 'IN (SELECT sd.document_rowid FROM story_documents sd JOIN stories s ON s.rowid = sd.story_rowid WHERE s.name = ?)';

/** Whether a string holds UTF-16 surrogates (characters beyond U+FFFF), whose code-unit order differs from SQLite's. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Compares two strings by code point: the order of their UTF-8 bytes, which is SQLite's BINARY order. */
function byCodePoint(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const a = left.charCodeAt(index);
    const b = right.charCodeAt(index);
    if (a === b) continue;
    // A surrogate stands for a character above U+FFFF: after every other code unit, U+E000–U+FFFF included.
    const surrogateA = a >= 0xd800 && a <= 0xdfff;
    const surrogateB = b >= 0xd800 && b <= 0xdfff;
    return surrogateA === surrogateB ? a - b : surrogateA ? 1 : -1;
  }
  return left.length - right.length;
}

/** The overrides of the listed documents: by document, the fields overridden and their values (null included). */
function overridesByDocument(db: Connection, story: string | undefined): Map<number, Map<MetadataField, string | null>> {
  const sql = `SELECT document_rowid AS rowid, field, value FROM metadata_overrides${story === undefined ? '' : ` WHERE document_rowid ${IN_STORY}`}`;
  const rows = (story === undefined ? statement(db, sql).all() : statement(db, sql).all(story)) as { rowid: number; field: MetadataField; value: string | null }[];
  const byDocument = new Map<number, Map<MetadataField, string | null>>();
  for (const row of rows) {
    let fields = byDocument.get(row.rowid);
    if (!fields) byDocument.set(row.rowid, (fields = new Map()));
    fields.set(row.field, row.value);
  }
  return byDocument;
}

/** The story names of the listed documents, by document, each list in name order (SQLite's, by code point). */
function storiesByDocument(db: Connection, story: string | undefined): Map<number, string[]> {
  // Memberships as pairs of numbers, named from the (short) list of stories: a join naming each of 100k rows costs more.
  const names = new Map((statement(db, 'SELECT rowid, name FROM stories').raw(true).all() as [number, string][]).map(([rowid, name]) => [rowid, name]));
  const sql = `SELECT sd.document_rowid, sd.story_rowid FROM story_documents sd ${story === undefined ? '' : `WHERE sd.document_rowid ${IN_STORY}`}`;
  const pairs = (story === undefined ? statement(db, sql).raw(true).all() : statement(db, sql).raw(true).all(story)) as [number, number][];
  const byDocument = new Map<number, string[]>();
  for (const [rowid, storyRowid] of pairs) {
    const name = names.get(storyRowid);
    if (name === undefined) continue;
    const listed = byDocument.get(rowid);
    if (listed) listed.push(name);
    else byDocument.set(rowid, [name]);
  }
  for (const listed of byDocument.values()) if (listed.length > 1) listed.sort(byCodePoint);
  return byDocument;
}

/** Rows in SQLite's `ORDER BY path` order (paths are unique), sorted here rather than through the path index. */
function inPathOrder(rows: ListedRow[]): ListedRow[] {
  const plain = !rows.some((row) => SURROGATE.test(row.path));
  return rows.sort(plain ? (left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0) : (left, right) => byCodePoint(left.path, right.path));
}

/**
 * Lists documents with effective metadata (an override, even to null, wins) and their stories, ordered by path;
 * optionally one story's. The documents are read in the table's own order, which reads the file front to back (a
 * row's listed columns sit after its texts), and sorted by path here.
 */
export function listDocumentEntries(db: Connection, story?: string): DocumentListEntry[] {
  const rows = inPathOrder(
    (story === undefined
      ? statement(db, `SELECT ${COLUMNS} FROM documents d`).all()
      : statement(db, `SELECT ${COLUMNS} FROM documents d WHERE d.rowid ${IN_STORY}`).all(story)) as ListedRow[],
  );
  const overrides = overridesByDocument(db, story);
  const stories = storiesByDocument(db, story);
  return rows.map((row) => {
    const fields = overrides.get(row.rowid);
    const value = (field: MetadataField) => (fields?.has(field) ? (fields.get(field) ?? null) : row[field]);
    return {
      id: row.id,
      path: row.path,
      title: value('title'),
      outlet: value('outlet'),
      published: value('published'),
      byline: value('byline'),
      url: value('url'),
      words: row.words,
      stories: stories.get(row.rowid) ?? [],
      missing: row.missing === 1,
    };
  });
}
