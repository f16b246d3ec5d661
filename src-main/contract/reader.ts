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

/** The largest `head` a getReaderView request may ask for (characters): past it a reader wants the whole text anyway. */
export const READER_HEAD_LIMIT = 10_000_000;

/**
 * Everything the reader shows for one document: metadata, the canonical text, its paragraphs, the hidden blocks.
 *
 * A view is whole (`complete: true`) unless getReaderView was asked for a `head` shorter than the text: then it is the
 * view of a prefix (`complete: false`) so a long article can be painted before all of it has been read and sent.
 * A partial view's `text` is the first characters of the whole reading text, cut at the end of a paragraph (or, in a
 * paragraph too long to wait for, at a space); every offset in it (paragraphs, hidden blocks, pages, and any offset
 * the app derives from it: selections, notes, marks) is the same as in the whole text, which starts with it. Only
 * what lies before the cut is listed: a hidden block or page placed exactly at the cut belongs to the rest.
 */
export interface ReaderView {
  document: DocumentDetails;
  /** The canonical reading text (or, when `complete` is false, its first characters): every offset in the app indexes the whole of it. */
  text: string;
  /** Paragraphs as [start, end) offsets into `text`; in a partial view the last one may end early, where the text was cut. */
  paragraphs: { start: number; end: number }[];
  /** The hidden blocks placed before the cut (all of them in a whole view). */
  hidden: HiddenBlock[];
  /** PDFs: where each page begins in `text` (page 1 at 0), so the reader can show page numbers; empty otherwise. */
  pages?: { page: number; at: number }[];
  /** Whether `text` is the whole reading text; false for the prefix a `head` asked for. */
  complete: boolean;
  /** The whole reading text's length (UTF-16 code units, as every offset): `text.length` when complete, more otherwise. */
  length: number;
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
