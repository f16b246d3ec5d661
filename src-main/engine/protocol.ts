import type { ApiMethod } from '../contract/api';
import type { IngestProgress } from '../contract/library';
import type { Result } from '../contract/result';

/** A call from a host to the engine worker. */
export interface EngineRequest {
  id: number;
  method: ApiMethod;
  input: unknown;
}

/** Messages from the engine worker: a method's result, a progress event, or readiness/failure at start. */
export type EngineMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'ready' }
  | { type: 'fatal'; message: string };

/** What the worker needs to start. */
export interface EngineWorkerData {
  dbFile: string;
}
