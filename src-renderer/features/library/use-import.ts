import { useCallback, useEffect, useRef, useState } from 'react';
import type { IngestProgress, IngestReport } from '../../../src-main/contract/library';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';

/** Where an import stands: idle, asking for a path (browser), running with progress, or finished. */
export interface ImportState {
  /** True once the host said it has no folder dialog: the panel then shows a path field. */
  needsPath: boolean;
  pathFormOpen: boolean;
  running: boolean;
  progress: IngestProgress | null;
  report: IngestReport | null;
  error: AppError | null;
}

/** The import flow: the system dialog where there is one, a path field where there is not, progress, a report. */
export function useImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>({ needsPath: false, pathFormOpen: false, running: false, progress: null, report: null, error: null });
  // True while the folder dialog is open, so a second request (menu and shortcut together) opens no second dialog.
  const choosing = useRef(false);

  useEffect(
    () =>
      api().on('progress', (progress) => {
        setState((current) => (current.running ? { ...current, progress } : current));
      }),
    [],
  );

  const ingest = useCallback(
    async (path: string, story?: string) => {
      setState((current) => ({ ...current, running: true, progress: null, report: null, error: null, pathFormOpen: false }));
      const answer = await api().ingest({ paths: [path], story: story?.trim() || undefined });
      setState((current) => ({
        ...current,
        running: false,
        report: answer.ok ? answer.value : null,
        error: answer.ok ? null : answer.error,
        pathFormOpen: !answer.ok && current.needsPath,
      }));
      if (answer.ok) onImported();
    },
    [onImported],
  );

  /** Starts an import: the folder dialog in the desktop app, else (or once it said "unsupported") the path field. */
  const start = useCallback(async () => {
    if (state.running || choosing.current) return;
    if (state.needsPath) return setState((current) => ({ ...current, pathFormOpen: true, error: null }));
    choosing.current = true;
    const chosen = await api().chooseFolder({});
    choosing.current = false;
    if (chosen.ok) {
      if (chosen.value.path) await ingest(chosen.value.path);
      return;
    }
    if (chosen.error.code === 'unsupported') setState((current) => ({ ...current, needsPath: true, pathFormOpen: true, error: null }));
    else setState((current) => ({ ...current, error: chosen.error }));
  }, [ingest, state.needsPath, state.running]);

  const cancel = useCallback(() => setState((current) => ({ ...current, pathFormOpen: false, error: null })), []);
  const dismiss = useCallback(() => setState((current) => ({ ...current, report: null, error: null })), []);

  return { state, start, ingest, cancel, dismiss };
}
