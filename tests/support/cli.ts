import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src-main/cli/main';
import type { IngestProgress } from '../../src-main/contract/library';

/** The repository root, for reading seeds and spawning the bin. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The sample story's folder. */
export const SEEDS = join(ROOT, 'seeds');

/** A fresh temporary folder removed by cleanup(). */
export function temporaryFolder(prefix = 'parallax-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What one CLI run printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  progress: IngestProgress[];
}

/** Runs the CLI in-process against a library file, capturing its streams. */
export async function runCli(dbFile: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const progress: IngestProgress[] = [];
  const status = await main([...args, '--db', dbFile], {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    write: (text) => (stdout += text),
    error: (text) => (stderr += `parallax: ${text}\n`),
    progress: (event) => progress.push(event),
  });
  return { status, stdout, stderr, progress };
}

/** Runs the CLI with --json and parses stdout, failing loudly when it is not exactly one JSON value. */
export async function runJson<T>(dbFile: string, ...args: string[]): Promise<T> {
  const run = await runCli(dbFile, ...args, '--json');
  if (run.status !== 0) throw new Error(`parallax ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
