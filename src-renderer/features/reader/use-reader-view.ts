import { useEffect, useState } from 'react';
import type { ReaderView } from '../../../src-main/contract/reader';
import type { Result } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/**
 * Characters of a document's text asked for first, about two screens of the widest pane: a long article paints its
 * opening from them while the whole view is still on its way.
 */
export const HEAD_CHARACTERS = 6_000;

/** A document's reader view on its way: its opening first (the whole view already, for a short text), then the whole. */
interface Loading {
  first: Promise<Result<ReaderView>>;
  whole: Promise<Result<ReaderView>>;
  /** The whole view (or the error that ended the loading), once it has arrived. */
  settled: Result<ReaderView> | null;
}

/** Reader views by document id, shared by every pane (a document in two panes is fetched once). */
const cache = new Map<string, Loading>();

/** Forgets every cached view (after an import changed texts). */
export function clearReaderViews(): void {
  cache.clear();
}

/**
 * Fetches a document's reader view once (again only after clearReaderViews): its opening (`head`), then, only when
 * that is not the whole text, the whole view, so a short article costs one request.
 */
function load(doc: string): Loading {
  const cached = cache.get(doc);
  if (cached) return cached;
  const first = api().getReaderView({ doc, head: HEAD_CHARACTERS });
  const whole = first.then((result) => (result.ok && !result.value.complete ? api().getReaderView({ doc }) : result));
  const loading: Loading = { first, whole, settled: null };
  cache.set(doc, loading);
  void whole.then((result) => {
    loading.settled = result;
    // A failure is not kept: the next look tries again.
    if (!result.ok && cache.get(doc) === loading) cache.delete(doc);
  });
  return loading;
}

/** Starts fetching a document's reader view now (a click in a list): its opening, then the rest, before the reader mounts. */
export function preloadReaderView(doc: string): void {
  load(doc);
}

/**
 * A document's reader view, or its error, or null while it loads. A long text comes as its opening first
 * (`complete: false`, same offsets), then as the whole view, which replaces it; a view already whole is never
 * replaced by a partial one.
 */
export function useReaderView(doc: string | null): Result<ReaderView> | null {
  const [state, setState] = useState<{ doc: string | null; result: Result<ReaderView> | null }>({ doc: null, result: null });
  useEffect(() => {
    if (doc === null) return;
    let current = true;
    const loading = load(doc);
    let shown: Result<ReaderView> | null = null;
    const show = (result: Result<ReaderView>) => {
      if (!current || result === shown) return;
      shown = result;
      setState({ doc, result });
    };
    if (loading.settled) show(loading.settled);
    else {
      void loading.first.then((result) => {
        if (loading.settled === null) show(result);
      });
      void loading.whole.then(show);
    }
    return () => {
      current = false;
    };
  }, [doc]);
  if (state.doc === doc) return state.result;
  // A view already whole is shown at once, without a frame of "Opening…".
  return doc === null ? null : (cache.get(doc)?.settled ?? null);
}
