import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Api } from '../contract/api';
import type { IngestReport } from '../contract/library';
import type { Result } from '../contract/result';

/** The story the sample articles are filed under on first run. */
export const SAMPLE_STORY = 'Sample story';

/** The repository's seeds folder (the sample story), found from this source file. */
export function samplesFolder(): string {
  return fileURLToPath(new URL('../../seeds', import.meta.url));
}

/** Whether opening this library file will be its first run (the file does not exist yet). */
export function isFirstRun(dbFile: string): boolean {
  return !existsSync(dbFile);
}

/** Loads the sample story into a new library so a reporter sees something real on first launch. */
export async function loadSamples(api: Pick<Api, 'ingest'>, folder = samplesFolder()): Promise<Result<IngestReport> | null> {
  if (!existsSync(folder)) return null;
  return api.ingest({ paths: [folder], story: SAMPLE_STORY });
}
