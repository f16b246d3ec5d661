// The engine worker: owns the library's single writer connection and runs every contract method off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../core/engine';
import { openDatabase } from '../core/store/database';
import { API_METHODS } from '../contract/api';
import type { Result } from '../contract/result';
import type { EngineMessage, EngineRequest, EngineWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('The engine worker must run in a worker thread.');
const send = (message: EngineMessage) => port.postMessage(message);

try {
  const { dbFile } = workerData as EngineWorkerData;
  const db = openDatabase(dbFile);
  const engine = createEngine(db, { onProgress: (progress) => send({ type: 'progress', progress }) });
  port.on('message', async (request: EngineRequest | { type: 'close' }) => {
    if ('type' in request) {
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
      send({ type: 'result', id: request.id, result: { ok: false, error: { code: 'internal', message: `The engine failed: ${(error as Error).message}` } } });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'fatal', message: (error as Error).message });
}
