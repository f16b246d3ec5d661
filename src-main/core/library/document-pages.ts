/**
 * The library list served a window at a time: the engine holds every document's listed fields once, with each sort
 * order and filter worked out on first use, and answers a request for rows 5,000–5,100 with a slice. The workbench no
 * longer receives 100k rows (28 MB of JSON) before it can paint the first one.
 */
import { isFiltering, type DocumentListEntry, type DocumentPage, type DocumentPageRequest, type LibraryFilter, type OutletList, type SortOrder } from '../../contract/library';
import type { Connection } from '../store/database';
import { listDocumentEntries } from '../store/document-list';
import { documentSummary } from '../store/documents';
import { filterTest, outletsOf, sortedPositions } from './library-order';

/** Filtered orders kept at once: the current filter and a few the reporter may step back to. */
const FILTERED_KEPT = 4;

/** The library list as the engine keeps it, and the orders worked out over it. */
interface Listing {
  /** Every document in path order, as listDocuments gives them. */
  entries: DocumentListEntry[];
  /** SQLite's data_version when the entries were read: another connection's commit changes it. */
  dataVersion: number;
  /** Positions in `entries`, by sort order. */
  sorted: Map<string, Int32Array>;
  /** Positions in `entries` passing a filter in a sort order, most recently used last. */
  filtered: Map<string, Int32Array>;
  outlets?: OutletList;
  byId?: Map<string, number>;
}

/** The library list's pages, outlets and entries, read once and kept until the library changes. */
export interface DocumentPages {
  /** One window of the filtered, sorted list. */
  page(request: DocumentPageRequest): DocumentPage;
  /** The library's outlets. */
  outlets(): OutletList;
  /** Every document in path order, or one story's (listDocuments, from the same store); or `limit` of them from `offset`. */
  entries(story?: string, offset?: number, limit?: number): DocumentListEntry[];
  /** Forgets the list after this engine changed documents or stories (an ingest). */
  invalidate(): void;
  /**
   * Reads one document's row again after this engine changed its metadata or text: a metadata edit in a library of
   * 100k articles costs one row and a new sort (under 0.1 s by date), not the whole list (1–2 s).
   */
  refresh(document: { id: string; rowid: number }): void;
}

/** Creates the library's paged list over a connection; the list is read on first use and again after a change. */
export function createDocumentPages(db: Connection): DocumentPages {
  let listing: Listing | null = null;

  const dataVersion = (): number => db.pragma('data_version', { simple: true }) as number;

  /** The current listing, read again when this engine or another connection changed the library. */
  const current = (): Listing => {
    const version = dataVersion();
    if (listing === null || listing.dataVersion !== version) {
      listing = { entries: listDocumentEntries(db), dataVersion: version, sorted: new Map(), filtered: new Map() };
    }
    return listing;
  };

  const sortedIn = (state: Listing, sort: SortOrder): Int32Array => {
    const key = `${sort.key}:${sort.direction}`;
    let positions = state.sorted.get(key);
    if (!positions) state.sorted.set(key, (positions = sortedPositions(state.entries, sort)));
    return positions;
  };

  const filteredIn = (state: Listing, filter: LibraryFilter, sort: SortOrder): Int32Array => {
    const sorted = sortedIn(state, sort);
    if (!isFiltering(filter)) return sorted;
    const key = JSON.stringify([sort.key, sort.direction, filter.story, filter.outlet, filter.from, filter.to, filter.text]);
    let positions = state.filtered.get(key);
    if (positions) {
      state.filtered.delete(key);
    } else {
      const passes = filterTest(filter);
      positions = sorted.filter((position) => passes(state.entries[position]!));
      if (state.filtered.size >= FILTERED_KEPT) state.filtered.delete(state.filtered.keys().next().value!);
    }
    state.filtered.set(key, positions);
    return positions;
  };

  return {
    page({ filter, sort, offset, limit, locate }) {
      const state = current();
      const positions = filteredIn(state, filter, sort);
      const documents = Array.from(positions.subarray(offset, offset + limit), (position) => state.entries[position]!);
      const page: DocumentPage = { total: positions.length, all: state.entries.length, offset, documents };
      if (locate !== undefined) {
        state.byId ??= new Map(state.entries.map((entry, position) => [entry.id, position]));
        const position = state.byId.get(locate);
        const index = position === undefined ? -1 : positions.indexOf(position);
        page.located = index < 0 ? null : index;
      }
      return page;
    },

    outlets() {
      const state = current();
      return (state.outlets ??= outletsOf(state.entries));
    },

    entries(story, offset = 0, limit) {
      const { entries } = current();
      const listed = story === undefined ? entries : entries.filter((entry) => entry.stories.includes(story));
      return listed.slice(offset, limit === undefined ? undefined : offset + limit);
    },

    invalidate() {
      listing = null;
    },

    refresh({ id, rowid }) {
      if (listing === null) return;
      const state = listing;
      state.byId ??= new Map(state.entries.map((entry, position) => [entry.id, position]));
      const position = state.byId.get(id);
      const summary = position === undefined ? undefined : documentSummary(db, rowid);
      if (position === undefined || summary === undefined) {
        listing = null;
        return;
      }
      state.entries[position] = summary;
      state.sorted.clear();
      state.filtered.clear();
      state.outlets = undefined;
    },
  };
}
