/** The reader's view of one document: details, reading text, paragraphs and the boilerplate it hides, placed. */
import type { HiddenBlock, ReaderView } from '../../contract/reader';
import { composeReadingTextMap, type ReadingTextMap } from '../extract/reading-text';
import type { Connection } from '../store/database';
import { documentText, type DocumentRow } from '../store/documents';
import { documentDetailsOf } from '../store/document-details';
import { listSpans, type StoredSpan } from '../store/boilerplate';
import { pagesOf } from '../store/pages';
import { paragraphsOf } from './paragraphs';

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

/** Everything the reader shows for a document, from one read of the store. */
export function readerViewOf(db: Connection, row: DocumentRow): ReaderView {
  const text = documentText(db, row.rowid, false);
  const raw = documentText(db, row.rowid, true);
  const spans = listSpans(db, row.rowid, raw);
  const map = readingMapOf(raw, spans);
  return {
    document: documentDetailsOf(db, row),
    text,
    paragraphs: paragraphsOf(text),
    hidden: hiddenBlocksOf(raw, spans, text.length, map),
    pages: pagesOf(db, row.rowid).map(({ page, start }) => ({ page, at: Math.min(readingOffsetBefore(map, start), text.length) })),
  };
}
