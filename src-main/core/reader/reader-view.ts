/** The reader's view of one document: details, reading text, paragraphs and the boilerplate it hides, placed. */
import type { HiddenBlock, ReaderView } from '../../contract/reader';
import { composeReadingTextMap, type ReadingTextMap } from '../extract/reading-text';
import type { Connection } from '../store/database';
import { documentText, documentTextPrefix, readingTextHasBlankLine, readingTextLength, type DocumentRow, type TextPrefix } from '../store/documents';
import { documentDetailsOf } from '../store/document-details';
import { listSpans, type StoredSpan } from '../store/boilerplate';
import { pagesOf } from '../store/pages';
import { paragraphsOf, type TextRange } from './paragraphs';

/** How many reading-text characters come from raw offsets before `rawOffset`: where a span cut there would stand. */
export function readingOffsetBefore(map: ReadingTextMap, rawOffset: number): number {
  let count = 0;
  for (const segment of map.segments) {
    if (segment.rawStart >= rawOffset) break;
    count += Math.min(segment.length, rawOffset - segment.rawStart);
  }
  return count;
}

/**
 * The hidden (not restored) boilerplate spans, each placed at the reading-text offset where it was cut out, with its
 * index in listBoilerplate order so the reader can offer to restore it.
 */
export function hiddenBlocksOf(rawText: string, spans: readonly StoredSpan[], readingLength: number, map = readingMapOf(rawText, spans)): HiddenBlock[] {
  return spans.flatMap((span, index) =>
    span.restored
      ? []
      : [{ index, at: Math.min(readingOffsetBefore(map, span.start), readingLength), text: rawText.slice(span.start, span.end), reason: span.reason }],
  );
}

/** The map from reading text to raw text with the spans the reporter has not restored cut out. */
function readingMapOf(rawText: string, spans: readonly StoredSpan[]): ReadingTextMap {
  return composeReadingTextMap(rawText, spans, new Set(spans.flatMap((span, index) => (span.restored ? [index] : []))));
}

/** Everything the reader shows for a document, whole; or, given `head`, for its opening when the text is longer (see ReaderView). */
export function readerViewOf(db: Connection, row: DocumentRow, head?: number): ReaderView {
  if (head === undefined) return wholeViewOf(db, row, documentText(db, row.rowid, false));
  // Enough of the text to find the end of the paragraph holding `head`, unless that paragraph is very long.
  const reach = head + Math.max(head, PARAGRAPH_REACH);
  const prefix = documentTextPrefix(db, row.rowid, false, reach);
  if (prefix.whole && prefix.text.length <= head) return wholeViewOf(db, row, prefix.text);
  const cut = cutReadingText(prefix, head, reach, () => readingTextHasBlankLine(db, row.rowid));
  if (prefix.whole && cut.end >= prefix.text.length) return wholeViewOf(db, row, prefix.text);
  const text = prefix.text.slice(0, cut.end);
  const length = prefix.whole ? prefix.text.length : readingTextLength(db, row.rowid);
  const { raw, spans, map } = rawPrefixPlacing(db, row.rowid, text.length);
  return {
    document: documentDetailsOf(db, row),
    text,
    paragraphs: cut.paragraphs,
    hidden: hiddenBlocksOf(raw, spans, length, map).filter((block) => block.at < text.length),
    pages: pagesOf(db, row.rowid)
      .map(({ page, start }) => ({ page, at: Math.min(readingOffsetBefore(map, start), length) }))
      .filter((page) => page.at < text.length),
    complete: false,
    length,
  };
}

/** The whole view of a document whose whole reading text is `text`: details, paragraphs, hidden blocks and pages placed. */
function wholeViewOf(db: Connection, row: DocumentRow, text: string): ReaderView {
  const raw = documentText(db, row.rowid, true);
  const spans = listSpans(db, row.rowid, raw);
  const map = readingMapOf(raw, spans);
  return {
    document: documentDetailsOf(db, row),
    text,
    paragraphs: paragraphsOf(text),
    hidden: hiddenBlocksOf(raw, spans, text.length, map),
    pages: pagesOf(db, row.rowid).map(({ page, start }) => ({ page, at: Math.min(readingOffsetBefore(map, start), text.length) })),
    complete: true,
    length: text.length,
  };
}

/**
 * How far past `head` the paragraph holding it may run (at least; `head` itself when larger) before a partial view is
 * cut inside that paragraph rather than at its end: a text with one enormous paragraph still opens quickly.
 */
export const PARAGRAPH_REACH = 4_000;

/** A line holding only whitespace: with one anywhere, a text's paragraphs are blank-line separated (see paragraphsOf). */
const BLANK_LINE = /\n[^\S\n]*\n/;

/** Where a partial view ends: the cut in the reading text, and the paragraphs before it (the last one shortened if cut inside). */
export interface ReadingCut {
  end: number;
  paragraphs: TextRange[];
}

/**
 * Where to cut a reading text for a view of about `head` characters, given a prefix of it at least `reach` long (or
 * the whole text): at the end of the paragraph holding offset `head` (the next one when `head` falls between two);
 * or, when that paragraph runs on past `reach` (or past the prefix), at the first whitespace from `head` (at `head`
 * when there is none, never between the halves of a surrogate pair). `hasBlankLine` says whether the whole text has
 * a blank line, asked only when the prefix has none, since that decides how the text splits into paragraphs.
 */
export function cutReadingText(prefix: TextPrefix, head: number, reach: number, hasBlankLine: () => boolean): ReadingCut {
  const { text, whole } = prefix;
  const ranges = paragraphsOfPrefix(text, whole, hasBlankLine);
  // The last paragraph of a prefix may go on past it; every other one ends where it does in the whole text.
  const certain = whole ? ranges.length : ranges.length - 1;
  const index = ranges.findIndex((range) => range.end > head);
  if (index < 0) return whole ? { end: text.length, paragraphs: ranges } : { end: spaceAfter(text, head), paragraphs: ranges };
  const paragraph = ranges[index]!;
  if (index < certain && paragraph.end <= reach) return { end: paragraph.end, paragraphs: ranges.slice(0, index + 1) };
  const before = ranges[index - 1];
  if (before && paragraph.start >= head) return { end: before.end, paragraphs: ranges.slice(0, index) };
  const end = spaceAfter(text, Math.max(head, paragraph.start + 1));
  let last = end;
  while (last > paragraph.start && /\s/.test(text[last - 1] ?? '')) last--;
  return { end, paragraphs: [...ranges.slice(0, index), ...(last > paragraph.start ? [{ start: paragraph.start, end: last }] : [])] };
}

/** The paragraphs of a prefix as they are in the whole text: split the way the whole text is split. */
function paragraphsOfPrefix(text: string, whole: boolean, hasBlankLine: () => boolean): TextRange[] {
  if (whole || BLANK_LINE.test(text) || !hasBlankLine()) return paragraphsOf(text);
  // No blank line yet, but the whole text has one further on: all of this is the start of its first paragraph.
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? [{ start, end }] : [];
}

/** The first whitespace at or after `from` in `text`; else `from` itself, moved past a surrogate pair it would split. */
function spaceAfter(text: string, from: number): number {
  for (let index = from; index < text.length; index++) if (/\s/.test(text[index]!)) return index;
  const unit = text.charCodeAt(from - 1);
  return unit >= 0xd800 && unit <= 0xdbff && from < text.length ? from + 1 : Math.min(from, text.length);
}

/**
 * A prefix of the raw text long enough to place everything before reading offset `end`, with the spans and the
 * reading-text map over it. The map of a raw prefix is a prefix of the whole text's map (same segments, the last
 * perhaps shorter), so a block or page it places before `end` stands where the whole map places it, as long as the
 * map reaches past `end`. Every span begun inside the prefix ends inside it, so its restored state (known by its
 * text) is right; the prefix doubles until the map reaches far enough.
 */
function rawPrefixPlacing(db: Connection, rowid: number, end: number): { raw: string; spans: StoredSpan[]; map: ReadingTextMap } {
  let characters = 2 * end + 4_096;
  for (;;) {
    const raw = documentTextPrefix(db, rowid, true, characters);
    const spans = listSpans(db, rowid, raw.text);
    const reach = raw.whole ? 0 : spans.reduce((most, span) => (span.start < raw.text.length ? Math.max(most, span.end) : most), 0);
    if (reach > raw.text.length) {
      characters = reach;
      continue;
    }
    const map = readingMapOf(raw.text, spans);
    if (raw.whole || map.text.length > end) return { raw: raw.text, spans, map };
    characters *= 2;
  }
}
