import type { Connection } from '../store/database';
import { documentText } from '../store/documents';
import { listSpans } from '../store/boilerplate';
import { pageAt, pagesOf } from '../store/pages';
import { composeReadingTextMap, rawOffsetOf } from '../extract/reading-text';

/**
 * A finder of the page a reading-text offset lies on, for citing "p. 4" of a PDF: the offset is mapped back to the raw
 * text (where page starts are kept) through the document's current boilerplate. Each document's map is built once per
 * finder, so create one per listing; documents without pages cost one indexed lookup.
 */
export function createPageFinder(db: Connection): (documentRowid: number | null, readingOffset: number) => number | null {
  const maps = new Map<number, ((offset: number) => number | null) | null>();
  return (documentRowid, readingOffset) => {
    if (documentRowid === null) return null;
    let find = maps.get(documentRowid);
    if (find === undefined) {
      const pages = pagesOf(db, documentRowid);
      if (pages.length === 0) find = null;
      else {
        const raw = documentText(db, documentRowid, true);
        const spans = listSpans(db, documentRowid, raw);
        const restored = new Set(spans.flatMap((span, index) => (span.restored ? [index] : [])));
        const map = composeReadingTextMap(raw, spans, restored);
        find = (offset) => pageAt(pages, rawOffsetOf(map, offset));
      }
      maps.set(documentRowid, find);
    }
    return find === null ? null : find(readingOffset);
  };
}
