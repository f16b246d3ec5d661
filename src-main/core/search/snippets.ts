import type { SearchHighlight, SearchSnippet } from '../../contract/search';

/** Marker FTS5's highlight() puts before a hit; the reading text never holds C0 controls, so it cannot clash. */
export const HIT_OPEN = '\u0001';
/** Marker FTS5's highlight() puts after a hit. */
export const HIT_CLOSE = '\u0002';

/** Reads hit offsets (into the unmarked text) from a text marked with HIT_OPEN/HIT_CLOSE. */
export function hitsFromMarkedText(marked: string): SearchHighlight[] {
  return readMarkedText(marked).hits;
}

/** A text read back from highlight() output: the unmarked text and the hit offsets into it. */
export interface MarkedText {
  text: string;
  hits: SearchHighlight[];
}

/**
 * Splits highlight() output into the unmarked text and its hit offsets, in one pass that jumps from marker to marker
 * (indexOf, not a character loop: a hit's text is often 5,000 characters with a handful of markers). A close without
 * an open is dropped; an open without a close opens again at the next open.
 */
export function readMarkedText(marked: string): MarkedText {
  const hits: SearchHighlight[] = [];
  const pieces: string[] = [];
  let open = -1;
  let length = 0;
  let from = 0;
  let nextOpen = marked.indexOf(HIT_OPEN);
  let nextClose = marked.indexOf(HIT_CLOSE);
  while (nextOpen >= 0 || nextClose >= 0) {
    const isOpen = nextClose < 0 || (nextOpen >= 0 && nextOpen < nextClose);
    const at = isOpen ? nextOpen : nextClose;
    pieces.push(marked.slice(from, at));
    length += at - from;
    if (isOpen) {
      open = length;
      nextOpen = marked.indexOf(HIT_OPEN, at + 1);
    } else {
      if (open >= 0) hits.push({ start: open, end: length });
      open = -1;
      nextClose = marked.indexOf(HIT_CLOSE, at + 1);
    }
    from = at + 1;
  }
  if (from === 0) return { text: marked, hits };
  pieces.push(marked.slice(from));
  return { text: pieces.join(''), hits };
}

/** A snippet with the hits inside it, for the workbench's highlighting. */
export interface SnippetWithHits extends SearchSnippet {
  hits: SearchHighlight[];
}

/** Moves an offset to a word boundary: forward to a word's start (+1) or back to a word's end (-1), within `slack`. */
function snapToBoundary(text: string, offset: number, direction: -1 | 1, slack: number): number {
  for (let step = 0; step <= slack; step++) {
    const position = offset + step * direction;
    if (position <= 0) return 0;
    if (position >= text.length) return text.length;
    const boundary = direction === 1 ? text[position - 1] : text[position];
    if (/\s/.test(boundary ?? '')) return position;
  }
  return offset;
}

/**
 * Cuts up to `count` windows of about `width` characters around the densest groups of hits, in text order; each
 * snippet's text is exactly text.slice(start, end) so its offsets index the reading text. No hits → the opening.
 */
export function buildSnippets(text: string, hits: readonly SearchHighlight[], count = 3, width = 220): SnippetWithHits[] {
  if (text.length === 0) return [];
  if (hits.length === 0) {
    const end = snapToBoundary(text, Math.min(text.length, width), -1, 40);
    return [{ text: text.slice(0, end), start: 0, end, hits: [] }];
  }
  const groups: SearchHighlight[][] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const group = groups.at(-1);
    if (group && hit.end - group[0]!.start <= width * 0.8) group.push(hit);
    else groups.push([hit]);
  }
  const chosen = [...groups]
    .sort((a, b) => b.length - a.length || a[0]!.start - b[0]!.start)
    .slice(0, count)
    .sort((a, b) => a[0]!.start - b[0]!.start);
  const snippets: SnippetWithHits[] = [];
  for (const group of chosen) {
    const first = group[0]!.start;
    const last = group.at(-1)!.end;
    const margin = Math.max(0, Math.floor((width - (last - first)) / 2));
    let start = snapToBoundary(text, Math.max(0, first - margin), 1, 30);
    if (start > first) start = first;
    let end = snapToBoundary(text, Math.min(text.length, last + margin), -1, 30);
    if (end < last) end = last;
    const previous = snippets.at(-1);
    if (previous && start < previous.end) start = previous.end;
    if (start >= end) continue;
    const inside = group.filter((hit) => hit.start >= start && hit.end <= end);
    snippets.push({ text: text.slice(start, end), start, end, hits: inside });
  }
  return snippets;
}
