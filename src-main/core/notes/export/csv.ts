/**
 * The notebook as CSV (RFC 4180) for spreadsheets: one row per note and passage. Cells are guarded against formula
 * injection, since passages, titles and outlets come from untrusted articles.
 */
import type { Note, NoteAnchor } from '../../../contract/notes';

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'note_id',
  'created',
  'updated',
  'tags',
  'body',
  'doc_id',
  'path',
  'outlet',
  'title',
  'published',
  'passage',
  'current_text',
  'start',
  'end',
  'state',
  'page',
] as const;

/** RFC 4180's record separator. */
const CRLF = '\r\n';

/**
 * The notebook as CSV: a header row, then one row per note and passage (a note without passages gets one row with
 * empty passage cells). `passage` is the text as noted; `current_text` and `start`/`end` say where it is now (the
 * same text when ok, the changed text when drifted, empty for orphans, which are nowhere). Ends with CRLF.
 */
export function notebookCsv(notes: readonly Note[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const note of notes) {
    const own = [note.id, note.createdAt, note.updatedAt, note.tags.join('; '), note.body];
    if (note.anchors.length === 0) rows.push([...own, ...CSV_COLUMNS.slice(own.length).map(() => '')]);
    for (const anchor of note.anchors) rows.push([...own, ...passageCells(anchor)]);
  }
  return rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/** The passage columns of one anchor, from doc_id to page (the source's page, PDFs only). */
function passageCells(anchor: NoteAnchor): string[] {
  const found = anchor.state !== 'orphan';
  const current = !found ? '' : anchor.state === 'drifted' && anchor.currentText !== null ? anchor.currentText : anchor.selector.exact;
  return [
    anchor.docId,
    anchor.path,
    anchor.outlet ?? '',
    anchor.title ?? '',
    anchor.published ?? '',
    anchor.selector.exact,
    current,
    found ? String(anchor.start) : '',
    found ? String(anchor.end) : '',
    anchor.state,
    typeof anchor.page === 'number' ? String(anchor.page) : '',
  ];
}

/** One cell: defused against formulas, then quoted (inner quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = defuseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Prefixes "'" to a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR — OWASP's list),
 * so a hostile article's `=HYPERLINK(…)` or `=cmd|…` shows as text.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
