import type { DocumentSummary } from '../../../src-main/contract/library';
import { dayOf, documentName } from '../../components/document-label';

/** The outlet filter's value for documents whose outlet is unknown. */
export const UNKNOWN_OUTLET = '\u0000unknown';

/** What the library list is narrowed to; empty strings mean "any". */
export interface LibraryFilter {
  story: string;
  outlet: string;
  /** First and last calendar day (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  /** Words to find in the title, file name, outlet or byline. */
  text: string;
}

/** The columns the list sorts by. */
export type SortKey = 'title' | 'outlet' | 'published' | 'byline' | 'words';

/** A sort column and direction. */
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** No filter at all. */
export const NO_FILTER: LibraryFilter = { story: '', outlet: '', from: '', to: '', text: '' };

/** Whether any part of the filter narrows the list. */
export function isFiltering(filter: LibraryFilter): boolean {
  return Object.values(filter).some((value) => value !== '');
}

/** The documents that pass the filter, in their original order. */
export function filterDocuments(documents: readonly DocumentSummary[], filter: LibraryFilter): DocumentSummary[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return documents.filter((document) => {
    if (filter.story && !document.stories.includes(filter.story)) return false;
    if (filter.outlet === UNKNOWN_OUTLET ? document.outlet !== null : filter.outlet && document.outlet !== filter.outlet) return false;
    if (filter.from || filter.to) {
      const day = dayOf(document.published);
      if (!day || (filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
    }
    if (words.length > 0) {
      const haystack = `${documentName(document)} ${document.path} ${document.outlet ?? ''} ${document.byline ?? ''}`.toLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The value a document sorts by in a column; null sorts last in either direction. */
function sortValue(document: DocumentSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'title':
      return documentName(document);
    case 'published':
      return document.published;
    case 'words':
      return document.words;
    default:
      return document[key];
  }
}

/** The documents sorted by one column (a new array); unknown values go last. */
export function sortDocuments(documents: readonly DocumentSummary[], order: SortOrder): DocumentSummary[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const keyed = documents.map((document) => ({ document, value: sortValue(document, order.key) }));
  keyed.sort((left, right) => {
    if (left.value === null || right.value === null) return left.value === right.value ? 0 : left.value === null ? 1 : -1;
    if (typeof left.value === 'number' && typeof right.value === 'number') return sign * (left.value - right.value);
    return sign * COLLATOR.compare(String(left.value), String(right.value));
  });
  return keyed.map((entry) => entry.document);
}

/** The distinct outlets of the library, alphabetically, and whether some documents have none. */
export function outletsOf(documents: readonly DocumentSummary[]): { outlets: string[]; someUnknown: boolean } {
  const outlets = new Set<string>();
  let someUnknown = false;
  for (const document of documents) {
    if (document.outlet === null) someUnknown = true;
    else outlets.add(document.outlet);
  }
  return { outlets: [...outlets].sort(COLLATOR.compare), someUnknown };
}
