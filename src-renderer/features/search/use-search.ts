import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src-main/contract/result';
import type { SearchHitDetails } from '../../../src-main/contract/search';
import { api } from '../../api/client';

/** Milliseconds of typing pause before a query runs. */
const DEBOUNCE_MS = 180;
/** How many results a search asks for. */
const LIMIT = 50;

/** The state of the library search: what was asked, what came back, and which result is active. */
export interface SearchState {
  query: string;
  /** The query the shown results answer (may lag `query` while typing). */
  answered: string;
  hits: SearchHitDetails[];
  error: AppError | null;
  searching: boolean;
  activeIndex: number;
}

/** Library search as the reporter types: debounced, stale answers dropped, errors kept as data. */
export function useSearch() {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ answered: string; hits: SearchHitDetails[]; error: AppError | null }>({ answered: '', hits: [], error: null });
  const [searching, setSearching] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const trimmed = query.trim();
    const ticket = ++latest.current;
    if (trimmed === '') {
      setAnswer({ answered: '', hits: [], error: null });
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(async () => {
      const result = await api().search({ query: trimmed, limit: LIMIT });
      if (ticket !== latest.current) return;
      setSearching(false);
      setActiveIndex(0);
      setAnswer(result.ok ? { answered: trimmed, hits: result.value, error: null } : { answered: trimmed, hits: [], error: result.error });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const state: SearchState = { query, ...answer, searching, activeIndex };
  /** Moves the active result by `step`, staying within the list. */
  const move = (step: number) => setActiveIndex((current) => Math.max(0, Math.min(answer.hits.length - 1, current + step)));
  return { state, setQuery, setActiveIndex, move };
}
