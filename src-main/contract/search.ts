/** Data shapes of library and story search. */

/** A window of the canonical reading text around hits; start/end index that text. */
export interface SearchSnippet {
  text: string;
  start: number;
  end: number;
}

/** One search result; the shape `parallax search --json` prints. */
export interface SearchHit {
  id: string;
  path: string;
  title: string | null;
  score: number;
  snippets: SearchSnippet[];
}

/** The words that matched inside one snippet, for highlighting (offsets into the reading text). */
export interface SearchHighlight {
  start: number;
  end: number;
}

/**
 * Most matches ranked by relevance. bm25 reads every match's positions and counts each phrase over the whole index,
 * which takes hundreds of milliseconds when a query matches most of 100k articles; beyond this many matches the most
 * recently added come first, and the hits say so (`order: 'recent'`).
 */
export const RANKED_MATCH_LIMIT = 5000;

/** The sentence that tells the reporter a query matched too many documents to rank (CLI and workbench). */
export const RECENT_ORDER_NOTE = `More than ${RANKED_MATCH_LIMIT.toLocaleString('en-US')} documents match, too many to rank by relevance: the most recently added come first. Add words to narrow the search.`;

/** How hits are ordered: by relevance (bm25), or most recently added first for a query matching too many articles to rank. */
export type SearchOrder = 'relevance' | 'recent';

/** A search result with highlight offsets, for the workbench. */
export interface SearchHitDetails extends SearchHit {
  highlights: SearchHighlight[][];
  /** Present ('recent') when the query matched more articles than are ranked: the newest added come first, score 0. */
  order?: SearchOrder;
}

/** Arguments of a search. */
export interface SearchRequest {
  query: string;
  limit?: number;
  /** Search this story's passages (lunr) instead of the whole library (FTS5). */
  story?: string;
}
