/** Paragraphs of a reading text: what the reader lays out and what related-passage search ranks. */
import { splitPassages } from '../search/passages';

/** A [start, end) range of a text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Paragraphs as [start, end) ranges, in order, trimmed: blank-line separated; a text with no blank line at all but
 * several lines (some outlets separate paragraphs with single line breaks) has one paragraph per line.
 */
export function paragraphsOf(text: string): TextRange[] {
  const separator = /\n[^\S\n]*\n/.test(text) ? /\n[^\S\n]*\n\s*/g : /\n\s*/g;
  const ranges: TextRange[] = [];
  let cursor = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) ranges.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    push(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  push(cursor, text.length);
  return ranges;
}

/** Paragraphs cut into passages of at most ~1,200 characters (at sentence ends), so a related hit stays precise. */
export function passageRangesOf(text: string): TextRange[] {
  return paragraphsOf(text).flatMap((paragraph) =>
    splitPassages('', text.slice(paragraph.start, paragraph.end)).map((passage) => ({
      start: paragraph.start + passage.start,
      end: paragraph.start + passage.end,
    })),
  );
}
