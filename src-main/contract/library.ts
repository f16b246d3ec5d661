/** Data shapes of the library: documents, ingest reports, reading text. */

/** A file that could not be ingested, and why (one sentence). */
export interface IngestFailure {
  path: string;
  error: string;
}

/** What an ingest did; the shape `parallax ingest --json` prints. */
export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  missing: number;
  failed: IngestFailure[];
}

/** Progress of a running ingest, reported every few hundred files. */
export interface IngestProgress {
  phase: 'scanning' | 'reading' | 'indexing' | 'done';
  done: number;
  total: number;
  path?: string;
}

/** One document as listed in the library; the shape `parallax docs --json` prints. */
export interface DocumentSummary {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  byline: string | null;
  url: string | null;
  words: number;
  stories: string[];
}

/** A row of the library list: the CLI's fields plus whether the file has gone from disk. */
export interface DocumentListEntry extends DocumentSummary {
  missing: boolean;
}

/** A library entry with the state the workbench shows beside the CLI's fields. */
export interface DocumentDetails extends DocumentSummary {
  missing: boolean;
  format: string;
  encoding: string;
  contentHash: string;
  /** Fields the reporter overrode, with the values the extractor found. */
  overrides: Partial<Record<MetadataField, { value: string | null; extracted: string | null }>>;
}

/** Metadata fields a reporter can override. */
export type MetadataField = 'title' | 'outlet' | 'byline' | 'published' | 'url';

/** The list of overridable metadata fields, in display order. */
export const METADATA_FIELDS: readonly MetadataField[] = ['title', 'outlet', 'byline', 'published', 'url'];

/** A boilerplate span of the raw text with the reason it was hidden. */
export interface BoilerplateEntry {
  index: number;
  start: number;
  end: number;
  reason: string;
  text: string;
  restored: boolean;
}

/** Something about the library file the reporter must be told: it was damaged and a backup restored, or backups fail. */
export interface LibraryNotice {
  kind: 'restored' | 'damaged' | 'new-library' | 'backup-failed' | 'watch-failed';
  /** What happened and what to do, in a sentence or two. */
  message: string;
}
