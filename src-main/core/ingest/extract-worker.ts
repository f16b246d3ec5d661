// An extraction worker: reads, hashes and extracts files sent by the ingest pool, so parsing uses every core.
import { parentPort } from 'node:worker_threads';
import { readAndExtract, type ReadJob } from './read-file';

parentPort?.on('message', async (message: { id: number; jobs: ReadJob[] }) => {
  const outcomes = [];
  for (const job of message.jobs) outcomes.push(await readAndExtract(job));
  parentPort!.postMessage({ id: message.id, outcomes });
});
