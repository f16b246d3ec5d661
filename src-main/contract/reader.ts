/** Data shapes of the reader and of side-by-side reading. */
import type { DocumentDetails } from './library';

/** A boilerplate block hidden from the reading text, placed at the reading-text offset where it was cut out. */
export interface HiddenBlock {
  /** The span's index in `listBoilerplate` (for restoring it). */
  index: number;
  /** Offset in the reading text where the block stood. */
  at: number;
  text: string;
  reason: string;
}

/** Everything the reader shows for one document: metadata, the canonical text, its paragraphs, the hidden blocks. */
export interface ReaderView {
  document: DocumentDetails;
  /** The canonical reading text: every offset in the app indexes this string. */
  text: string;
  /** Paragraphs as [start, end) offsets into `text`. */
  paragraphs: { start: number; end: number }[];
  hidden: HiddenBlock[];
  /** PDFs: where each page begins in `text` (page 1 at 0), so the reader can show page numbers; empty otherwise. */
  pages?: { page: number; at: number }[];
}

/** A passage of one document: offsets into its reading text, and the text itself. */
export interface PassageRef {
  docId: string;
  start: number;
  end: number;
  text: string;
}

/** A passage found in another document for a selection: verbatim, nearly so, or related by its words. */
export interface RelatedPassage extends PassageRef {
  kind: 'verbatim' | 'near' | 'related';
  /** 1 for verbatim; lower for near and related matches. */
  score: number;
}

/** A passage two documents share, with how alike the two versions are (1 = identical words). */
export interface SharedPassage {
  a: PassageRef;
  b: PassageRef;
  similarity: number;
}
