import type { IngestProgress } from '../contract/library';

/** Where a command writes: stdout for results, stderr for errors and progress. */
export interface Output {
  /** Writes a line (a newline is added when missing). */
  out(text: string): void;
  /** Writes text exactly as given. */
  write(text: string): void;
  error(text: string): void;
  progress(progress: IngestProgress): void;
}

/** A mistake in how the command was called (exit status 2). */
export class UsageError extends Error {}

/** A failure of the command itself, already phrased for the reporter (exit status 1). */
export class CommandFailure extends Error {}
