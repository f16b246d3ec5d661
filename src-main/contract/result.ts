/** Errors cross every boundary (worker, IPC, HTTP, CLI) as data, never as thrown exceptions. */

/** Error codes a caller can branch on; `message` is one sentence a reporter understands. */
export type AppErrorCode =
  | 'bad-request'
  | 'bad-query'
  | 'not-found'
  | 'unreadable'
  | 'storage'
  | 'database-too-new'
  | 'unsupported'
  | 'internal';

/** A failure as data: a code for programs and a sentence for people. */
export interface AppError {
  code: AppErrorCode;
  message: string;
  /** Extra data for programs, e.g. the character position of a query error. */
  details?: Record<string, unknown>;
}

/** The outcome of every contract method. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a successful result. */
export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function failure<T = never>(code: AppErrorCode, message: string, details?: Record<string, unknown>): Result<T> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
