import { useEffect, useState } from 'react';
import type { ReaderView } from '../../../src-main/contract/reader';
import type { Result } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** Reader views by document id, shared by every pane (a document in two panes is fetched once). */
const cache = new Map<string, Promise<Result<ReaderView>>>();

/** Forgets every cached view (after an import changed texts). */
export function clearReaderViews(): void {
  cache.clear();
}

/** Fetches a document's reader view once, and again only after clearReaderViews. */
function load(doc: string): Promise<Result<ReaderView>> {
  let pending = cache.get(doc);
  if (!pending) {
    pending = api().getReaderView({ doc });
    cache.set(doc, pending);
    // A failure is not kept: the next look tries again.
    void pending.then((result) => {
      if (!result.ok) cache.delete(doc);
    });
  }
  return pending;
}

/** Starts fetching a document's reader view now (a click in a list), so it is on its way before the reader mounts. */
export function preloadReaderView(doc: string): void {
  void load(doc);
}

/** A document's reader view, or its error, or null while it loads. */
export function useReaderView(doc: string | null): Result<ReaderView> | null {
  const [state, setState] = useState<{ doc: string | null; result: Result<ReaderView> | null }>({ doc: null, result: null });
  useEffect(() => {
    if (doc === null) return;
    let current = true;
    void load(doc).then((result) => {
      if (current) setState({ doc, result });
    });
    return () => {
      current = false;
    };
  }, [doc]);
  return state.doc === doc ? state.result : null;
}
