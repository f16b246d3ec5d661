import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentListEntry, DocumentPage, LibraryFilter, SortOrder } from '../../../src-main/contract/library';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** Rows asked for and kept together: a screen holds about 15, so one block covers a few screens. */
const BLOCK = 100;

/** The most blocks one request asks for (the contract allows 1,000 rows). */
const BLOCKS_PER_REQUEST = 10;

/** The rows held for one filter, sort and library revision, by block. */
interface Held {
  key: string;
  /** The list's filter and sort, as asked of the engine. */
  filter: LibraryFilter;
  sort: SortOrder;
  blocks: Map<number, DocumentListEntry[]>;
  /** Each held row's place, by document id (plus the located row, whose block may not be held yet). */
  places: Map<string, number>;
  total: number | null;
  all: number | null;
}

/** The library list as the table reads it: how long it is, the rows held so far, and how to ask for more. */
export interface DocumentWindows {
  /** Documents passing the filter, or null before the first answer. */
  total: number | null;
  /** Documents in the library, or null before the first answer. */
  all: number | null;
  /** The row at a place in the list, if it has arrived. */
  rowAt(index: number): DocumentListEntry | undefined;
  /** A document's place in the list, if its row (or its located place) is known. */
  indexOf(id: string): number;
  /** Asks for the rows [start, end) the table is about to show; rows already held or on their way are not asked again. */
  request(start: number, end: number): void;
  error: AppError | null;
  /** How many answers have arrived: changes whenever rowAt may answer differently. */
  arrivals: number;
}

/** Which blocks cover the rows [start, end). */
function blocksOf(start: number, end: number): number[] {
  const first = Math.max(0, Math.floor(start / BLOCK));
  const last = Math.max(first, Math.floor((Math.max(start, end) - 1) / BLOCK));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * The library list, held a block of rows at a time as the table scrolls: the engine filters and sorts 100k documents
 * and sends only the windows shown. A new filter or sort starts afresh; a new revision of the library (an import, an
 * edit) keeps showing the rows held until their new versions arrive, so the list does not blink. `locate` is the
 * document whose place the first answer should give (the selected row, followed across a new sort).
 */
export function useDocumentPages(filter: LibraryFilter, sort: SortOrder, revision: number, locate: string | null): DocumentWindows {
  const order = JSON.stringify([filter, sort]);
  const key = `${order}#${revision}`;
  const held = useRef<Held>({ key: '', filter, sort, blocks: new Map(), places: new Map(), total: null, all: null });
  const stale = useRef<Held | null>(null);
  const inFlight = useRef(new Set<number>());
  /** The rows the table last asked for, asked again when a request ends or the list starts afresh. */
  const wanted = useRef<[number, number]>([0, BLOCK / 2]);
  const busy = useRef(false);
  const locateRef = useRef(locate);
  locateRef.current = locate;
  const [arrivals, setArrivals] = useState(0);
  const [error, setError] = useState<AppError | null>(null);

  const fetchWanted = useCallback(() => {
    if (busy.current) return;
    const current = held.current;
    const missing = blocksOf(...wanted.current).filter((block) => !current.blocks.has(block) && !inFlight.current.has(block));
    if (missing.length === 0 || (current.total !== null && missing[0]! * BLOCK >= current.total)) return;
    const first = missing[0]!;
    const count = Math.min(BLOCKS_PER_REQUEST, missing.at(-1)! - first + 1);
    for (let block = first; block < first + count; block++) inFlight.current.add(block);
    busy.current = true;
    const firstAnswer = current.total === null;
    const located = firstAnswer && locateRef.current ? locateRef.current : undefined;
    void api()
      .listDocumentPage({ filter: current.filter, sort: current.sort, offset: first * BLOCK, limit: count * BLOCK, ...(located ? { locate: located } : {}) })
      .then((result) => {
        busy.current = false;
        for (let block = first; block < first + count; block++) inFlight.current.delete(block);
        // An answer for a list that has since changed is dropped; the new list asks for itself.
        if (held.current !== current) return fetchWanted();
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        store(current, result.value, located);
        if (current.total !== null) stale.current = null;
        setArrivals((arrivals) => arrivals + 1);
        fetchWanted();
      });
  }, []);

  // A new list: start afresh, keeping the old rows to show meanwhile when only the library's revision changed.
  if (held.current.key !== key) {
    const previous = held.current;
    const sameOrder = previous.key.slice(0, previous.key.lastIndexOf('#')) === order;
    stale.current = sameOrder && previous.total !== null ? previous : null;
    held.current = { key, filter, sort, blocks: new Map(), places: new Map(), total: null, all: null };
    inFlight.current.clear();
  }
  useEffect(() => {
    fetchWanted();
  }, [key, fetchWanted]);

  const request = useCallback(
    (start: number, end: number) => {
      wanted.current = [start, end];
      fetchWanted();
    },
    [fetchWanted],
  );

  const current = held.current;
  const shown = current.total === null && stale.current ? stale.current : current;
  const rowAt = useCallback((index: number) => shown.blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK], [shown]);
  const indexOf = useCallback((id: string) => shown.places.get(id) ?? -1, [shown]);
  // Rows arriving change what rowAt answers: a new object then (arrivals), so the table renders them.
  return useMemo(() => ({ total: shown.total, all: shown.all, rowAt, indexOf, request, error, arrivals }), [shown, rowAt, indexOf, request, error, arrivals]);
}

/** Files an answer's rows by block and place. */
function store(held: Held, page: DocumentPage, located: string | undefined): void {
  held.total = page.total;
  held.all = page.all;
  if (located && typeof page.located === 'number') held.places.set(located, page.located);
  for (let start = 0; start < page.documents.length; start += BLOCK) {
    const rows = page.documents.slice(start, start + BLOCK);
    held.blocks.set((page.offset + start) / BLOCK, rows);
    rows.forEach((row, index) => held.places.set(row.id, page.offset + start + index));
  }
}
