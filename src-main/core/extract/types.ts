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
export type SourceFormat = 'txt' | 'md' | 'html';

/** What a format parser produces before text heuristics run. */
export interface ParsedSource {
  format: SourceFormat;
  /** Text extracted from the file: decoded, NFC, LF line ends, paragraphs separated by one blank line. */
  rawText: string;
  /** Metadata the format itself declares (front matter, meta tags); null fields are filled from the text. */
  metadata: DocumentMetadata;
  /** Boilerplate the format parser already knows about (e.g. an HTML figure caption kept in the text). */
  boilerplate: BoilerplateSpan[];
}

/** The full result of extracting one file. */
export interface Extraction extends ParsedSource {
  /** Encoding the bytes were decoded from, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
}

/** Why a file could not be extracted; message is one sentence a reporter understands. */
export interface ExtractionError {
  code: 'binary' | 'empty' | 'unsupported-format' | 'too-large' | 'unreadable' | 'malformed';
  message: string;
}

/** Outcome of extraction as data, never an exception. */
export type ExtractionOutcome = { ok: true; value: Extraction } | { ok: false; error: ExtractionError };

/** An empty metadata record. */
export function emptyMetadata(): DocumentMetadata {
  return { title: null, outlet: null, byline: null, published: null, url: null };
}
