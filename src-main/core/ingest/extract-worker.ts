// An extraction worker: reads, hashes and extracts files sent by the ingest pool, so parsing uses every core.
import { parentPort } from 'node:worker_threads';
import { readAndExtract, type ReadJob } from './read-file';

parentPort?.on('message', (message: { id: number; jobs: ReadJob[] }) => {
  parentPort!.postMessage({ id: message.id, outcomes: message.jobs.map(readAndExtract) });
});
