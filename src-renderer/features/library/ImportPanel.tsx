import { useEffect, useRef, useState } from 'react';
import type { IngestProgress, IngestReport } from '../../../src-main/contract/library';
import { formatCount, plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import type { useImport } from './use-import';

const PHASES: Record<IngestProgress['phase'], string> = { scanning: 'Looking for files', reading: 'Reading', indexing: 'Indexing', done: 'Finishing' };

/** The import area under the library toolbar: path field (browser), progress bar, and what the import did. */
export function ImportPanel({ flow }: { flow: ReturnType<typeof useImport> }) {
  const { state } = flow;
  const [path, setPath] = useState('');
  const [story, setStory] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.pathFormOpen) field.current?.focus();
  }, [state.pathFormOpen]);

  if (!state.pathFormOpen && !state.running && !state.report && !state.error) return null;
  return (
    <section className="import-panel" aria-label="Import">
      {state.pathFormOpen ? (
        <form
          className="import-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (path.trim()) void flow.ingest(path.trim(), story);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              flow.cancel();
            }
          }}
        >
          <label className="import-path">
            <span>Folder to import (its full path on this computer)</span>
            <input ref={field} value={path} onChange={(event) => setPath(event.target.value)} placeholder="/home/you/Stories/mexico-mission" spellCheck={false} required />
          </label>
          <label className="import-story">
            <span>Story name (optional)</span>
            <input value={story} onChange={(event) => setStory(event.target.value)} placeholder="the folder's name" />
          </label>
          <button type="submit" className="primary">
            Import
          </button>
          <button type="button" onClick={flow.cancel}>
            Cancel
          </button>
        </form>
      ) : null}
      {state.running ? <ImportProgress progress={state.progress} /> : null}
      {state.error ? <ErrorNote error={state.error} /> : null}
      {state.report ? <ImportSummary report={state.report} onDismiss={flow.dismiss} /> : null}
    </section>
  );
}

/** The progress bar of a running import, with the phase in words. */
function ImportProgress({ progress }: { progress: IngestProgress | null }) {
  const known = progress !== null && progress.total > 0;
  const label = progress
    ? `${PHASES[progress.phase]}${known ? ` ${formatCount(progress.done)} of ${plural(progress.total, 'file')}` : '…'}`
    : 'Starting the import…';
  return (
    <div className="import-progress">
      <progress max={known ? progress.total : undefined} value={known ? progress.done : undefined} aria-label="Import progress" />
      <span role="status">{label}</span>
    </div>
  );
}

/** What an import did, in one line, with the refused files listed under it. */
function ImportSummary({ report, onDismiss }: { report: IngestReport; onDismiss(): void }) {
  const parts = [`${formatCount(report.added)} added`, `${formatCount(report.updated)} updated`, `${formatCount(report.unchanged)} unchanged`];
  if (report.missing > 0) parts.push(`${formatCount(report.missing)} now missing`);
  return (
    <div className="import-summary" role="status">
      <p>
        Import finished: {parts.join(', ')}.
        {report.failed.length > 0 ? ` ${plural(report.failed.length, 'file was', 'files were')} not read.` : ''}{' '}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
      {report.failed.length > 0 ? (
        <details>
          <summary>Files not read</summary>
          <ul>
            {report.failed.map((failure) => (
              <li key={failure.path}>
                <code>{failure.path}</code>: {failure.error}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
