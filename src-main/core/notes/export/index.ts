/** The notebook's exports: one entry point choosing the format, its media type and a dated file name. */
import type { Note, NoteExportFormat, NoteRevision } from '../../../contract/notes';
import { calendarDate } from './calendar-date';
import { notebookCsv } from './csv';
import { notebookMarkdown } from './markdown';
import { notebookJson } from './notebook-file';
import { notebookWebAnnotations } from './web-annotation';

/** The CSV export alone (RFC 4180, formula injection defused). */
export { notebookCsv } from './csv';
/** The Markdown export alone (headings, quoted passages, footnotes). */
export { notebookMarkdown } from './markdown';
/** The lossless JSON file, its reader for imports, and its types. */
export { notebookJson, parseNotebookFile, type ExportedNote, type NotebookFile, type NotebookParse } from './notebook-file';
/** The W3C Web Annotation JSON-LD export alone. */
export { notebookWebAnnotations } from './web-annotation';

/** An exported notebook: its text, media type and a file name to save it under. */
export interface NotebookExport {
  text: string;
  mediaType: string;
  fileName: string;
}

/** Media type and file extension of each format. */
const FORMATS: Readonly<Record<NoteExportFormat, { mediaType: string; extension: string }>> = {
  md: { mediaType: 'text/markdown', extension: 'md' },
  json: { mediaType: 'application/json', extension: 'json' },
  csv: { mediaType: 'text/csv', extension: 'csv' },
  w3c: { mediaType: 'application/ld+json', extension: 'jsonld' },
};

/**
 * Exports the given notes in one format, named `parallax-notebook-YYYY-MM-DD.<ext>` after the export date. Revisions
 * (by note id) only go into the lossless JSON; which notes to pass (live, trashed) is the caller's choice.
 */
export function exportNotebook(
  format: NoteExportFormat,
  notes: readonly Note[],
  revisions: ReadonlyMap<string, readonly NoteRevision[]>,
  exportedAt: string,
): NotebookExport {
  const { mediaType, extension } = FORMATS[format];
  const fileName = `parallax-notebook-${calendarDate(exportedAt) ?? 'export'}.${extension}`;
  return { text: exportText(format, notes, revisions, exportedAt), mediaType, fileName };
}

/** The text of one format. */
function exportText(format: NoteExportFormat, notes: readonly Note[], revisions: ReadonlyMap<string, readonly NoteRevision[]>, exportedAt: string): string {
  switch (format) {
    case 'md':
      return notebookMarkdown(notes, exportedAt);
    case 'json':
      return notebookJson(notes, revisions, exportedAt);
    case 'csv':
      return notebookCsv(notes);
    case 'w3c':
      return notebookWebAnnotations(notes, exportedAt);
  }
}
