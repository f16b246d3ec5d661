/** Shared shapes of the extraction pipeline: bytes on disk → raw text, metadata and boilerplate spans. */

/** Why a span of the raw text is kept out of the reading text. */
export type BoilerplateReason =
  | 'ad-marker'
  | 'promotion'
  | 'newsletter'
  | 'social-embed'
  | 'photo-credit'
  | 'author-bio'
  | 'press-release-trailer'
  | 'navigation'
  | 'disclaimer'
  | 'metadata-line';

/** A span [start, end) of the raw text (UTF-16 offsets) that is boilerplate, with the reason shown to the reporter. */
export interface BoilerplateSpan {
  start: number;
  end: number;
  reason: BoilerplateReason;
}

/** Metadata of one article; null means unknown (null beats a wrong guess). */
export interface DocumentMetadata {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  /** ISO 8601: "YYYY-MM-DD" when only the day is known, a full timestamp when the time is. */
  published: string | null;
  url: string | null;
}

/** The file formats the extractor reads. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'eml';

/** Where a page of a paginated source (PDF) begins in the raw text, so a passage can cite "p. 4". */
export interface PageStart {
  /** The page's number as printed in citations: 1-based, in file order. */
  page: number;
  /** UTF-16 offset in the raw text where this page's text begins. */
  start: number;
}

/** A file carried inside another (an e-mail's attachment), ingested as its own document linked to its carrier. */
export interface AttachedFile {
  /** The attachment's own file name, reduced to a safe base name (no folders, no control characters). */
  fileName: string;
  bytes: Uint8Array;
}

/** What a format parser produces before text heuristics run. */
export interface ParsedSource {
  format: SourceFormat;
  /** Text extracted from the file: decoded, NFC, LF line ends, paragraphs separated by one blank line. */
  rawText: string;
  /** Metadata the format itself declares (front matter, meta tags); null fields are filled from the text. */
  metadata: DocumentMetadata;
  /** Boilerplate the format parser already knows about (e.g. an HTML figure caption kept in the text). */
  boilerplate: BoilerplateSpan[];
  /** Paginated sources only: where each page begins in rawText, in order, first at 0. */
  pages?: PageStart[];
  /** Messages only: attached files of a supported format, to be ingested as documents of their own. */
  attachments?: AttachedFile[];
  /** Formats that carry their own text encoding (e-mail parts): the encoding declared; binary formats leave it unset. */
  encoding?: string;
}

/** The full result of extracting one file. */
export interface Extraction extends ParsedSource {
  /** Encoding the bytes were decoded from, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
}

/** Why a file could not be extracted; message is one sentence a reporter understands. */
export interface ExtractionError {
  code: 'binary' | 'empty' | 'unsupported-format' | 'too-large' | 'unreadable' | 'malformed' | 'no-text' | 'unsafe';
  message: string;
}

/** Outcome of a binary format's parser (PDF, Word, e-mail) as data, never an exception. */
export type ParseOutcome = { ok: true; value: ParsedSource } | { ok: false; error: ExtractionError };

/** Outcome of extraction as data, never an exception. */
export type ExtractionOutcome = { ok: true; value: Extraction } | { ok: false; error: ExtractionError };

/** An empty metadata record. */
export function emptyMetadata(): DocumentMetadata {
  return { title: null, outlet: null, byline: null, published: null, url: null };
}
