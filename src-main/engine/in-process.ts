import { createEngine, type EngineHandlers, type EngineOptions } from '../core/engine';
import { openDatabase } from '../core/store/database';

/** Opens a library and runs the engine on the calling thread: for the CLI and tests, where nothing else must stay responsive. */
export function openLibrary(dbFile: string, options: EngineOptions = {}): { engine: EngineHandlers; close: () => void } {
  const db = openDatabase(dbFile);
  return { engine: createEngine(db, options), close: () => db.close() };
}
