/** An in-process engine on a fresh temporary library, and unwrapping of contract results, for the db tests. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openLibrary } from '../../src-main/engine/in-process';
import type { EngineHandlers } from '../../src-main/core/engine';
import type { Result } from '../../src-main/contract/result';
import { temporaryFolder } from './cli';

/** A new library in a temporary folder with its engine; `done` closes it and removes the folder. */
export function temporaryLibrary(): { dir: string; engine: EngineHandlers; done: () => void } {
  const folder = temporaryFolder();
  const opened = openLibrary(join(folder.dir, 'library.db'));
  return { dir: folder.dir, engine: opened.engine, done: () => (opened.close(), folder.cleanup()) };
}

/** A result's value; the test fails with the error's sentence otherwise. */
export async function ok<T>(pending: Result<T> | Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
}
