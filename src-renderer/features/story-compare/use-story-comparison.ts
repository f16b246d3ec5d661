import { useCallback, useEffect, useState } from 'react';
import type { StoryComparison } from '../../../src-main/contract/compare';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** A story's comparison as last fetched, with its state. */
export interface StoryComparisonData {
  comparison: StoryComparison | null;
  loading: boolean;
  error: AppError | null;
  retry(): void;
}

/**
 * Fetches the comparison of one story (the whole library when `story` is empty) while the view is showing: again
 * when the story or the library changes (`version`), never while the view is hidden.
 */
export function useStoryComparison(story: string, active: boolean, version: unknown): StoryComparisonData {
  const [state, setState] = useState<{ key: unknown[]; comparison: StoryComparison | null; error: AppError | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fresh = state !== null && state.key[0] === story && state.key[1] === version && state.key[2] === attempt;

  useEffect(() => {
    if (!active || fresh) return;
    let current = true;
    void api()
      .getStoryComparison(story ? { story } : {})
      .then((result) => {
        if (!current) return;
        setState({ key: [story, version, attempt], comparison: result.ok ? result.value : null, error: result.ok ? null : result.error });
      });
    return () => {
      current = false;
    };
  }, [active, fresh, story, version, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  // A stale comparison of the same story stays on screen while the new one loads.
  const shown = state !== null && state.key[0] === story ? state : null;
  return { comparison: shown?.comparison ?? null, loading: !fresh, error: fresh ? (state?.error ?? null) : null, retry };
}
