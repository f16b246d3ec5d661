import { useCallback, useEffect, useState } from 'react';
import type { Quote, QuoteCluster } from '../../../src-main/contract/quotes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** The quotes and clusters of one scope (a story, or the whole library when empty), as last fetched. */
export interface QuoteLedgerData {
  quotes: Quote[];
  clusters: QuoteCluster[];
  loading: boolean;
  error: AppError | null;
  retry(): void;
}

/**
 * Fetches a story's quotes and clusters while the ledger is showing: again when the story or the library changes
 * (`version`), never while the view is hidden.
 */
export function useQuoteLedger(story: string, active: boolean, version: unknown): QuoteLedgerData {
  const [state, setState] = useState<{ key: unknown[]; quotes: Quote[]; clusters: QuoteCluster[]; error: AppError | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fresh = state !== null && state.key[0] === story && state.key[1] === version && state.key[2] === attempt;

  useEffect(() => {
    if (!active || fresh) return;
    let current = true;
    const scope = story ? { story } : {};
    void Promise.all([api().listQuotes(scope), api().listQuoteClusters(scope)]).then(([quotes, clusters]) => {
      if (!current) return;
      const error = !quotes.ok ? quotes.error : !clusters.ok ? clusters.error : null;
      setState({ key: [story, version, attempt], quotes: quotes.ok ? quotes.value : [], clusters: clusters.ok ? clusters.value : [], error });
    });
    return () => {
      current = false;
    };
  }, [active, fresh, story, version, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { quotes: state?.quotes ?? [], clusters: state?.clusters ?? [], loading: !fresh, error: state?.error ?? null, retry };
}
