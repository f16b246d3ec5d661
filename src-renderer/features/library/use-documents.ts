import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** A story and how many documents it holds. */
export interface StorySummary {
  name: string;
  documents: number;
}

/** The library as the workbench holds it: every document, the stories, and how to refresh them. */
export interface LibraryData {
  documents: DocumentSummary[];
  stories: StorySummary[];
  loading: boolean;
  error: AppError | null;
  /** Reloads documents and stories (after an import). */
  reload(): Promise<void>;
  /** Puts an updated summary in place of the old one (after a metadata edit). */
  replace(summary: DocumentSummary): void;
}

/** How long after an ingest ends the list is reloaded, so a burst of folder scans makes one reload. */
const LIBRARY_CHANGE_QUIET_MS = 300;

/** Loads the library's documents and stories once, and keeps them current through reload and replace. */
export function useDocuments(): LibraryData {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    const [listed, storyList] = await Promise.all([api().listDocuments({}), api().listStories({})]);
    if (listed.ok) {
      setDocuments(listed.value);
      setError(null);
    } else setError(listed.error);
    if (storyList.ok) setStories(storyList.value);
    setLoading(false);
  }, []);

  const replace = useCallback((summary: DocumentSummary) => {
    // An edited summary lacks the list's missing flag: keep the one the list had.
    setDocuments((current) => current.map((document) => (document.id === summary.id ? { ...document, ...summary } : document)));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Any ingest that ends, the reporter's own or a watched folder's scan after files changed on disk, may have changed
  // the library: reload once things are quiet (scans of a folder receiving many files end close together).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api().on('progress', (progress) => {
      if (progress.phase !== 'done') return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), LIBRARY_CHANGE_QUIET_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reload]);

  // One object while nothing changes, so views given the library can skip re-rendering.
  return useMemo(() => ({ documents, stories, loading, error, reload, replace }), [documents, stories, loading, error, reload, replace]);
}
