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

/** A search result with highlight offsets, for the workbench. */
export interface SearchHitDetails extends SearchHit {
  highlights: SearchHighlight[][];
}

/** Arguments of a search. */
export interface SearchRequest {
  query: string;
  limit?: number;
  /** Search this story's passages (lunr) instead of the whole library (FTS5). */
  story?: string;
}
