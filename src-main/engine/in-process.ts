import type { LibraryNotice } from '../contract/library';
import { createEngine, type EngineHandlers, type EngineOptions } from '../core/engine';
import { openDatabase } from '../core/store/database';
import { openCheckedLibrary } from '../core/store/library-open';

/** Opens a library and runs the engine on the calling thread: for the CLI and tests, where nothing else must stay responsive. */
export function openLibrary(dbFile: string, options: EngineOptions = {}): { engine: EngineHandlers; close: () => void } {
  const db = openDatabase(dbFile);
  return { engine: createEngine(db, options), close: () => db.close() };
}

/**
 * Opens a library as the CLI does: checked first (a damaged one is replaced by its newest sound backup), backed up
 * daily; with the notices the reporter must read.
 */
export async function openCheckedEngine(
  dbFile: string,
  options: EngineOptions & { now?: () => Date } = {},
): Promise<{ engine: EngineHandlers; close: () => void; notices: LibraryNotice[] }> {
  const { connection, notices } = await openCheckedLibrary(dbFile, { now: options.now });
  return { engine: createEngine(connection, { ...options, notices: () => notices }), close: () => connection.close(), notices };
}
