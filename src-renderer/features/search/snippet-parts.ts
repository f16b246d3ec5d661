import type { SearchHighlight, SearchSnippet } from '../../../src-main/contract/search';

/** A run of snippet text, marked when it is a hit. */
export interface SnippetPart {
  text: string;
  hit: boolean;
  /** Offset of the run in the reading text. */
  start: number;
}

/** Splits a snippet into plain and hit runs; highlights are offsets into the reading text, clipped to the snippet. */
export function snippetParts(snippet: SearchSnippet, highlights: readonly SearchHighlight[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let cursor = snippet.start;
  const sorted = [...highlights].sort((left, right) => left.start - right.start);
  for (const highlight of sorted) {
    const start = Math.max(highlight.start, cursor, snippet.start);
    const end = Math.min(highlight.end, snippet.end);
    if (end <= start) continue;
    if (start > cursor) parts.push({ text: snippet.text.slice(cursor - snippet.start, start - snippet.start), hit: false, start: cursor });
    parts.push({ text: snippet.text.slice(start - snippet.start, end - snippet.start), hit: true, start });
    cursor = end;
  }
  if (cursor < snippet.end) parts.push({ text: snippet.text.slice(cursor - snippet.start), hit: false, start: cursor });
  return parts;
}
