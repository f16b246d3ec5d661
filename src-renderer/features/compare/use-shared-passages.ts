import { useEffect, useState } from 'react';
import type { SharedPassage } from '../../../src-main/contract/reader';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** The passages the given documents share (fetched again when the set of documents changes). */
export function useSharedPassages(docIds: readonly string[]): { passages: SharedPassage[]; error: AppError | null; loading: boolean } {
  const key = [...new Set(docIds)].sort().join(',');
  const [state, setState] = useState<{ key: string; passages: SharedPassage[]; error: AppError | null }>({ key: '', passages: [], error: null });

  useEffect(() => {
    const docs = key === '' ? [] : key.split(',');
    if (docs.length < 2) return;
    let current = true;
    void api()
      .listSharedPassages({ docs })
      .then((result) => {
        if (current) setState({ key, passages: result.ok ? result.value : [], error: result.ok ? null : result.error });
      });
    return () => {
      current = false;
    };
  }, [key]);

  const multiple = key.includes(',');
  if (!multiple) return { passages: [], error: null, loading: false };
  return state.key === key ? { passages: state.passages, error: state.error, loading: false } : { passages: [], error: null, loading: true };
}
