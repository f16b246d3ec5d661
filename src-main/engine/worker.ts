// The engine worker: owns the library's single writer connection and runs every contract method off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, isSupportedPath, type EngineInternals } from '../core/engine';
import { createFolderWatcher } from '../core/ingest/folder-watch';
import { isDamageError } from '../core/store/connection';
import { requestFullCheck } from '../core/store/library-health';
import { keepBackingUp, openCheckedLibrary } from '../core/store/library-open';
import { API_METHODS } from '../contract/api';
import type { Result } from '../contract/result';
import type { EngineMessage, EngineRequest, EngineWorkerData } from './protocol';

if (!parentPort) throw new Error('The engine worker must run in a worker thread.');
const port = parentPort;
const send = (message: EngineMessage) => port.postMessage(message);

/** How long after start the engine takes the daily backup when due: after the first requests, not before them. */
const DAILY_BACKUP_DELAY_MS = 60_000;

async function start(): Promise<void> {
  const { dbFile } = workerData as EngineWorkerData;
  // Checked first: a damaged library is replaced by its newest sound backup, and the reporter is told (getLibraryStatus).
  // The daily backup waits a minute, so a large library answers at once; its check then covers the whole library.
  const { connection: db, notices } = await openCheckedLibrary(dbFile, { deferDailyBackup: true });
  const backups = keepBackingUp(db, dbFile, { firstCheckAfterMs: DAILY_BACKUP_DELAY_MS, onNotice: (notice) => notices.push(notice) });
  // Story folders are watched while the workbench runs: a change is a hint, the reconcile (an ingest of the folder)
  // establishes what changed; the reporter sees it like any ingest (progress events, then the refreshed library).
  let reconcile: EngineInternals['reconcileFolder'] | null = null;
  const watcher = createFolderWatcher({
    isSupported: isSupportedPath,
    reconcile: async (folder) => {
      await reconcile?.(folder);
    },
    onError: (folder, message) => notices.push({ kind: 'watch-failed', message: `${folder}: ${message}` }),
  });
  const engine = createEngine(db, {
    onProgress: (progress) => send({ type: 'progress', progress }),
    notices: () => notices,
    watch: (folder) => watcher.watch(folder).catch(() => undefined),
  });
  reconcile = engine.reconcileFolder;
  port.on('message', async (request: EngineRequest | { type: 'close' }) => {
    if ('type' in request) {
      await watcher.close();
      await backups.stop();
      db.close();
      port.close();
      return;
    }
    if (!API_METHODS.includes(request.method)) {
      send({ type: 'result', id: request.id, result: { ok: false, error: { code: 'bad-request', message: `Unknown method "${String(request.method)}".` } } });
      return;
    }
    try {
      const handler = engine[request.method] as (input: unknown) => unknown;
      send({ type: 'result', id: request.id, result: (await handler(request.input ?? {})) as Result<unknown> });
    } catch (error) {
      // SQLite found damage while working: the next start checks the whole library and restores a backup if needed.
      if (isDamageError(error)) requestFullCheck(dbFile, (error as Error).message);
      send({ type: 'result', id: request.id, result: { ok: false, error: { code: 'internal', message: `The engine failed: ${(error as Error).message}` } } });
    }
  });
  send({ type: 'ready' });
  // The workbench opens on the library list: read it while the window loads, so its first rows come at once.
  setImmediate(() => {
    try {
      engine.prepareLibraryList();
    } catch {
      // The first request for the list reads it again, and reports what failed.
    }
  });
}

start().catch((error: unknown) => send({ type: 'fatal', message: (error as Error).message }));
