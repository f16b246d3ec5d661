import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { watchTree, type TreeWatcher } from './directory-watch';
import { IGNORE_FILE } from './ignore-file';

/** Quiet time after the last event before a folder is reconciled: long enough to gather a copy of many files. */
const SETTLE_MS = 750;

/** How long a changed file must keep its size and time before it is read, so a half-written file is never read. */
const STABLE_MS = 1000;

/** Full reconcile period of a folder whose watcher failed, and how often a vanished folder is looked for. */
const POLL_MS = 30_000;

/** Longest wait for quiet and stable files: after this, a folder that never stops changing is reconciled anyway. */
const PATIENCE_MS = 60_000;

/** Scratch files of editors, office suites and browsers: never articles, never a reason to reconcile. */
const SCRATCH_NAME = /^~\$|^#.*#$|~$|\.(swp|swx|swo|part|partial|crdownload|download|tmp|temp)$/i;

/** Watches story folders and calls `reconcile` when something under one of them changed and has settled. */
export interface FolderWatcher {
  /** Starts watching a folder (its path is made absolute); resolves once changes in it are being watched. */
  watch(folder: string): Promise<void>;
  /** Stops watching a folder; resolves when its watcher is closed and its running reconcile, if any, has ended. */
  unwatch(folder: string): Promise<void>;
  /** The watched folders, as absolute paths. */
  folders(): string[];
  /** Stops everything: pending reconciles are dropped, a running one is awaited, no timer or handle is left. */
  close(): Promise<void>;
  /** Resolves when no event is waiting and no reconcile is running (events the system has not delivered yet are unknown): for tests. */
  idle(): Promise<void>;
}

/** What the watcher watches for and calls; the times are in milliseconds. */
export interface FolderWatcherOptions {
  /** The file names that matter (folder events always do). */
  isSupported: (path: string) => boolean;
  /** The caller's scan of one folder; never called twice at once for the same folder. */
  reconcile: (folder: string) => Promise<void>;
  /** Quiet time after the last event before reconciling (default 750). */
  settleMs?: number;
  /** A changed file must keep the same size and modification time this long before it is read (default 1000). */
  stableMs?: number;
  /** Period of full reconciles when the system watcher fails, and of looking for a vanished folder (default 30000). */
  pollMs?: number;
  /** Told once, in one sentence, when watching a folder fails, and when a reconcile fails. */
  onError?: (folder: string, message: string) => void;
}

/** Size and time of a changed file at its last look, and since when it has had them; size -1 until first looked at. */
interface Sighting {
  size: number;
  mtimeMs: number;
  since: number;
}

/** One watched folder: its system watcher (or polling), the changes waiting for a reconcile, the reconcile running. */
interface Watched {
  folder: string;
  mode: 'watching' | 'polling' | 'missing';
  watcher: TreeWatcher | null;
  /** A failed or orphaned system watcher, closed at the next poll: closing it while it still handles deletions can leave a system watch open. */
  retired: TreeWatcher | null;
  /** Files added or changed since the last reconcile started, waiting until they stop changing. */
  changed: Map<string, Sighting>;
  /** Something happened since the last reconcile started. */
  dirty: boolean;
  firstEventAt: number;
  lastEventAt: number;
  timer: NodeJS.Timeout | null;
  poller: NodeJS.Timeout | null;
  checking: boolean;
  running: Promise<void> | null;
  /** The current failure (watcher or reconcile) was already reported. */
  reported: boolean;
  reconcileFailed: boolean;
  stopped: boolean;
}

/** Says "every second" or "every 30 seconds". */
function every(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? 'every second' : `every ${seconds} seconds`;
}

/** Explains in one sentence why a folder's watcher failed and what Parallax does instead. */
export function describeWatchError(folder: string, error: unknown, pollMs: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const instead = `so Parallax looks for changes in "${folder}" ${every(pollMs)} instead of at once.`;
  if (code === 'ENOSPC') return `The system limit on watched folders is reached, ${instead}`;
  if (code === 'EMFILE' || code === 'ENFILE') return `Too many files are open, ${instead}`;
  if (code === 'EACCES' || code === 'EPERM') return `Parallax may not watch a folder in there, ${instead}`;
  return `Watching for changes failed (${code ?? 'unknown error'}), ${instead}`;
}

/** Whether a name is hidden (a dot name) or an editor's or browser's scratch file. */
function isScratch(name: string): boolean {
  return name.startsWith('.') || SCRATCH_NAME.test(name);
}

/**
 * A folder watcher: events are hints gathered per folder until the folder is quiet for `settleMs` and every added or
 * changed file kept its size and time for `stableMs`; then `reconcile` scans the folder, once at a time per folder
 * (events during a scan lead to one more scan after it). A failing system watcher falls back to a full reconcile
 * every `pollMs`; a vanished folder is looked for every `pollMs` and watched again when it is back.
 */
export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const settleMs = options.settleMs ?? SETTLE_MS;
  const stableMs = options.stableMs ?? STABLE_MS;
  const pollMs = options.pollMs ?? POLL_MS;
  const watched = new Map<string, Watched>();
  const waiters: (() => void)[] = [];
  let closed = false;

  /** Tells the caller about a failure once, until the folder is watched normally again. */
  const report = (state: Watched, message: string) => {
    if (state.reported) return;
    state.reported = true;
    try {
      options.onError?.(state.folder, message);
    } catch {
      // The caller's reporting failing must not stop the watching.
    }
  };

  const busy = () => [...watched.values()].some((state) => state.dirty || state.timer !== null || state.checking || state.running !== null);
  const wake = () => {
    if (busy()) return;
    for (const resolve of waiters.splice(0)) resolve();
  };

  /** Whether a path under the folder can matter: hidden and scratch names never do, files only when supported. */
  const matters = (state: Watched, path: string, stats: Stats | undefined): boolean => {
    const inside = relative(state.folder, path);
    if (inside === '') return true;
    const names = inside.startsWith('..') || isAbsolute(inside) ? [basename(path)] : inside.split(sep);
    const name = names[names.length - 1]!;
    if (name === IGNORE_FILE && !names.slice(0, -1).some(isScratch)) return true;
    if (names.some(isScratch)) return false;
    return stats?.isFile() !== true || options.isSupported(path);
  };

  const clearTimer = (state: Watched) => {
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = null;
  };

  /** (Re)schedules the folder's next check. */
  const arm = (state: Watched, delay: number) => {
    clearTimer(state);
    if (state.stopped) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      void check(state);
    }, Math.max(0, delay));
  };

  /** Records one event; the first of a burst arms the timer, later ones only move the quiet time. */
  const note = (state: Watched, kind: 'changed' | 'gone' | 'folder', path: string) => {
    if (state.stopped) return;
    const now = Date.now();
    if (kind === 'changed') state.changed.set(path, { size: -1, mtimeMs: -1, since: now });
    if (kind === 'gone') state.changed.delete(path);
    if (!state.dirty) state.firstEventAt = now;
    state.dirty = true;
    state.lastEventAt = now;
    if (state.timer === null && !state.checking && state.running === null) arm(state, settleMs);
  };

  /** Looks at every changed file; returns how long to wait until the last unsettled one may be stable, or 0. */
  const unsettled = async (state: Watched): Promise<number> => {
    let wait = 0;
    await Promise.all(
      [...state.changed].map(async ([path, sighting]) => {
        let stats: Stats;
        try {
          stats = await stat(path);
        } catch {
          if (state.changed.get(path) === sighting) state.changed.delete(path);
          return;
        }
        const now = Date.now();
        if (state.changed.get(path) !== sighting) return;
        if (stats.size !== sighting.size || stats.mtimeMs !== sighting.mtimeMs) {
          if (sighting.size !== -1) sighting.since = now;
          sighting.size = stats.size;
          sighting.mtimeMs = stats.mtimeMs;
          wait = Math.max(wait, sighting.since + stableMs - now, settleMs / 4, 10);
        } else if (now - sighting.since < stableMs) {
          wait = Math.max(wait, sighting.since + stableMs - now);
        }
      }),
    );
    return wait;
  };

  /** Runs when the timer fires: reconciles if the folder is there, quiet and its changed files stable; else waits more. */
  const check = async (state: Watched) => {
    if (state.stopped || state.running !== null || state.checking || !state.dirty) return wake();
    state.checking = true;
    const startedAt = Date.now();
    try {
      const patient = Date.now() - state.firstEventAt < PATIENCE_MS;
      const quietAt = state.lastEventAt + settleMs;
      if (patient && Date.now() < quietAt) return arm(state, quietAt - Date.now());
      if (!(await isFolder(state.folder))) return missing(state);
      const wait = await unsettled(state);
      if (state.stopped) return;
      const again = wait > 0 || state.lastEventAt >= startedAt;
      if (patient && again) return arm(state, Math.max(wait, state.lastEventAt + settleMs - Date.now()));
      run(state);
    } finally {
      state.checking = false;
      wake();
    }
  };

  /** Calls the caller's reconcile; what happened meanwhile leads to one more check after it. */
  const run = (state: Watched) => {
    state.dirty = false;
    state.changed.clear();
    state.running = (async () => {
      try {
        await options.reconcile(state.folder);
        state.reconcileFailed = false;
      } catch (error) {
        if (!state.reconcileFailed) {
          state.reconcileFailed = true;
          const reason = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
          try {
            options.onError?.(state.folder, `Parallax could not update the library from "${state.folder}" (${reason}); it tries again at the next change.`);
          } catch {
            // The caller's reporting failing must not stop the watching.
          }
        }
      } finally {
        state.running = null;
        if (state.dirty && !state.stopped) arm(state, state.lastEventAt + settleMs - Date.now());
        wake();
      }
    })();
  };

  /** Closes the system watchers of a folder. */
  const stopTree = async (state: Watched): Promise<void> => {
    const watchers = [state.watcher, state.retired];
    state.watcher = null;
    state.retired = null;
    for (const watcher of watchers) await watcher?.close().catch(() => undefined);
  };

  /** Sets the system watcher aside, to be closed at the next poll, and polls every `pollMs` instead. */
  const retire = (state: Watched, tick: () => Promise<void>) => {
    if (state.watcher !== null) state.retired = state.watcher;
    state.watcher = null;
    if (state.poller !== null) clearInterval(state.poller);
    state.poller = setInterval(() => {
      const retired = state.retired;
      state.retired = null;
      void (retired?.close().catch(() => undefined) ?? Promise.resolve()).then(tick);
    }, pollMs);
  };

  /** The system watcher failed: full reconciles every `pollMs` instead, for as long as the folder is watched. */
  const fallBack = (state: Watched, error: unknown) => {
    if (state.stopped || state.mode !== 'watching') return;
    state.mode = 'polling';
    report(state, describeWatchError(state.folder, error, pollMs));
    retire(state, async () => note(state, 'folder', state.folder));
  };

  /** The folder vanished (moved, deleted, drive removed): nothing is reconciled until it is back, then it is watched again. */
  const missing = (state: Watched) => {
    if (state.stopped || state.mode === 'missing') return;
    state.mode = 'missing';
    clearTimer(state);
    state.changed.clear();
    state.dirty = false;
    report(state, `The folder "${state.folder}" can no longer be found; Parallax will watch it again when it is back.`);
    retire(state, async () => {
      if (!(await isFolder(state.folder)) || state.stopped || state.mode !== 'missing') return;
      if (state.poller !== null) clearInterval(state.poller);
      state.poller = null;
      state.reported = false;
      await start(state);
      note(state, 'folder', state.folder);
    });
  };

  /** Starts the system watcher of a folder; resolves when it is ready or has failed. */
  const start = (state: Watched): Promise<void> => {
    if (state.stopped) return Promise.resolve();
    state.mode = 'watching';
    const watcher = watchTree(state.folder, { ignored: (path: string, stats?: Stats) => !matters(state, path, stats) });
    state.watcher = watcher;
    watcher.on('all', (event, path) => {
      if (state.watcher !== watcher || !matters(state, path, undefined)) return;
      if (event === 'unlinkDir' && resolve(path) === state.folder) return missing(state);
      if (event === 'change') {
        if (basename(path) === IGNORE_FILE || options.isSupported(path)) note(state, 'changed', path);
      } else if (event === 'unlink') {
        if (basename(path) === IGNORE_FILE || options.isSupported(path)) note(state, 'gone', path);
      } else note(state, 'folder', path);
    });
    return new Promise((ready) => {
      watcher.on('error', (error) => {
        if (state.watcher === watcher) fallBack(state, error);
        ready();
      });
      watcher.on('ready', () => ready());
    });
  };

  /** Stops one folder for good: timers and pending changes dropped, system watchers closed, a running reconcile awaited. */
  const stop = async (state: Watched) => {
    state.stopped = true;
    clearTimer(state);
    if (state.poller !== null) clearInterval(state.poller);
    state.poller = null;
    state.changed.clear();
    state.dirty = false;
    await stopTree(state);
    await state.running;
  };

  return {
    async watch(folder) {
      const path = resolve(folder);
      if (closed || watched.has(path)) return;
      const state: Watched = {
        folder: path,
        mode: 'watching',
        watcher: null,
        retired: null,
        changed: new Map(),
        dirty: false,
        firstEventAt: 0,
        lastEventAt: 0,
        timer: null,
        poller: null,
        checking: false,
        running: null,
        reported: false,
        reconcileFailed: false,
        stopped: false,
      };
      watched.set(path, state);
      if (!(await isFolder(path))) return missing(state);
      await start(state);
    },
    async unwatch(folder) {
      const state = watched.get(resolve(folder));
      if (state === undefined) return;
      watched.delete(state.folder);
      await stop(state);
      wake();
    },
    folders: () => [...watched.keys()],
    async close() {
      closed = true;
      const states = [...watched.values()];
      watched.clear();
      await Promise.all(states.map(stop));
      wake();
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        wake();
      });
    },
  };
}

/** Whether a path is an existing folder. */
async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
