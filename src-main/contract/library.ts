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

/** The outlet filter's value for documents whose outlet is unknown. */
export const UNKNOWN_OUTLET = '\u0000unknown';

/** What the library list is narrowed to; empty strings mean "any". */
export interface LibraryFilter {
  story: string;
  /** An outlet's name, or UNKNOWN_OUTLET for documents without one. */
  outlet: string;
  /** First and last calendar day (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  /** Words to find in the title, file name, outlet or byline (every word, case-insensitive). */
  text: string;
}

/** No filter at all. */
export const NO_FILTER: LibraryFilter = { story: '', outlet: '', from: '', to: '', text: '' };

/** Whether any part of the filter narrows the list. */
export function isFiltering(filter: LibraryFilter): boolean {
  return Object.values(filter).some((value) => value !== '');
}

/** The columns the library list sorts by. */
export const SORT_KEYS = ['title', 'outlet', 'published', 'byline', 'words'] as const;

/** A column the library list sorts by. */
export type SortKey = (typeof SORT_KEYS)[number];

/** A sort column and direction; unknown values go last either way, ties keep path order. */
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** The order the library list opens in: newest first. */
export const DEFAULT_SORT: SortOrder = { key: 'published', direction: 'descending' };

/** A window of the filtered, sorted library list: the workbench asks for the rows it shows, never for all of them. */
export interface DocumentPageRequest {
  filter: LibraryFilter;
  sort: SortOrder;
  offset: number;
  limit: number;
  /** A document whose place in this order the answer should give (the row the reporter had selected). */
  locate?: string;
}

/** One window of the library list, and how long the whole list is. */
export interface DocumentPage {
  /** Documents passing the filter. */
  total: number;
  /** Documents in the library. */
  all: number;
  offset: number;
  documents: DocumentListEntry[];
  /** Where `locate` stands in the filtered order (0-based), or null when the filter leaves it out; absent when not asked. */
  located?: number | null;
}

/** The library's distinct outlets, alphabetically, and whether some documents have none (for the outlet filter). */
export interface OutletList {
  outlets: string[];
  someUnknown: boolean;
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
