import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  /** Counts the library's changes seen since the workbench opened (imports, scans, edits): views that ask the engine for parts of the list ask again when it changes. */
  revision: number;
  /** Reloads documents and stories (after an import). */
  reload(): Promise<void>;
  /** Puts an updated summary in place of the old one (after a metadata edit). */
  replace(summary: DocumentSummary): void;
}

/** Documents asked for per request when loading the whole list. */
const LIST_PART = 5_000;

/** How long after an ingest ends the list is reloaded, so a burst of folder scans makes one reload. */
const LIBRARY_CHANGE_QUIET_MS = 300;

/** Loads the library's documents and stories once, and keeps them current through reload and replace. */
export function useDocuments(): LibraryData {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const [revision, setRevision] = useState(0);
  const loads = useRef(0);

  const load = useCallback(async () => {
    setLoading(true);
    // The stories (a few rows) first: the library's filters need them before the whole list arrives.
    const storiesLoaded = api()
      .listStories({})
      .then((storyList) => storyList.ok && setStories(storyList.value));
    // In parts: one answer of 100k rows is 28 MB of JSON, parsed in one go on the page's thread (a quarter of a second
    // when the reporter may already be scrolling the library); parts of 5,000 take a few milliseconds each.
    const generation = ++loads.current;
    const parts: DocumentSummary[][] = [];
    let failed: AppError | null = null;
    for (let offset = 0; ; offset += LIST_PART) {
      const listed = await api().listDocuments({ offset, limit: LIST_PART });
      // A newer load started (the library changed meanwhile): it alone sets the list.
      if (generation !== loads.current) return;
      if (!listed.ok) {
        failed = listed.error;
        break;
      }
      parts.push(listed.value);
      if (listed.value.length < LIST_PART) break;
    }
    if (failed) setError(failed);
    else {
      setDocuments(parts.flat());
      setError(null);
    }
    await storiesLoaded;
    setLoading(false);
  }, []);

  const reload = useCallback(async () => {
    setRevision((current) => current + 1);
    await load();
  }, [load]);

  const replace = useCallback((summary: DocumentSummary) => {
    setRevision((current) => current + 1);
    // An edited summary lacks the list's missing flag: keep the one the list had.
    setDocuments((current) => current.map((document) => (document.id === summary.id ? { ...document, ...summary } : document)));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

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
  return useMemo(() => ({ documents, stories, loading, error, revision, reload, replace }), [documents, stories, loading, error, revision, reload, replace]);
}
