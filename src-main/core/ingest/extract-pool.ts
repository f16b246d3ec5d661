import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readAndExtract, type ReadJob, type ReadOutcome } from './read-file';

/** Files per message to a worker: enough to amortize messaging, small enough to balance the load. */
const CHUNK = 16;

/** Reads and extracts files on worker threads, or on the calling thread when no worker can start. */
export interface ExtractPool {
  run(jobs: readonly ReadJob[]): Promise<ReadOutcome[]>;
  close(): Promise<void>;
  /** How many jobs ran on workers and on the calling thread: for tests and the benchmark. */
  usage(): { workers: number; onWorkers: number; inline: number };
}

/** The built worker beside a bundled engine, else the tsx bootstrap of the TypeScript source. */
export function defaultExtractWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./extract-worker-bootstrap.mjs', import.meta.url)
    : new URL('./extract-worker.js', import.meta.url);
}

/** Options of an extraction pool. */
export interface ExtractPoolOptions {
  /** Number of workers (default: one per core but the one the writing thread keeps busy). */
  size?: number;
  workerUrl?: URL | string;
  /** Smallest run that starts the workers; smaller runs, before any start, are read on the calling thread. */
  minimumJobs?: number;
}

/**
 * An extraction pool: workers start on the first run big enough to pay for them, a run's jobs all go out at once in
 * chunks (so the workers keep reading while the calling thread writes), results come back in job order. If a worker
 * cannot start or dies, its jobs are read on the calling thread instead.
 */
export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  const size = Math.max(1, options.size ?? availableParallelism() - 1);
  const workerUrl = options.workerUrl ?? defaultExtractWorkerUrl();
  const minimumJobs = options.minimumJobs ?? 48;
  const workers: Worker[] = [];
  /** Chunks sent to each worker and not answered yet: their jobs, and what to do with the outcomes. */
  const pending = new Map<Worker, Map<number, { jobs: ReadJob[]; resolve: (outcomes: ReadOutcome[]) => void }>>();
  let failed = false;
  let nextId = 1;
  const counts = { onWorkers: 0, inline: 0 };
  const inline = async (jobs: readonly ReadJob[]): Promise<ReadOutcome[]> => {
    counts.inline += jobs.length;
    const outcomes: ReadOutcome[] = [];
    for (const job of jobs) outcomes.push(await readAndExtract(job));
    return outcomes;
  };

  const start = () => {
    try {
      for (let index = 0; index < size; index++) {
        const worker = new Worker(workerUrl);
        const sent = new Map<number, { jobs: ReadJob[]; resolve: (outcomes: ReadOutcome[]) => void }>();
        pending.set(worker, sent);
        worker.on('message', (message: { id: number; outcomes: ReadOutcome[] }) => {
          const chunk = sent.get(message.id);
          if (!chunk) return;
          sent.delete(message.id);
          counts.onWorkers += chunk.jobs.length;
          chunk.resolve(message.outcomes);
        });
        worker.on('error', () => {
          failed = true;
        });
        // A worker that dies leaves its unanswered chunks to the calling thread.
        worker.on('exit', () => {
          for (const chunk of sent.values()) void inline(chunk.jobs).then(chunk.resolve);
          sent.clear();
        });
        workers.push(worker);
      }
    } catch {
      failed = true;
    }
  };

  /** Sends a chunk to a worker at once: it queues there, so the worker keeps reading while this thread writes. */
  const runChunk = (worker: Worker, jobs: ReadJob[]): Promise<ReadOutcome[]> => {
    const sent = pending.get(worker);
    if (failed || !sent) return inline(jobs);
    const id = nextId++;
    return new Promise((resolve) => {
      sent.set(id, { jobs, resolve });
      worker.postMessage({ id, jobs });
    });
  };

  return {
    async run(jobs) {
      if (jobs.length === 0) return [];
      if (workers.length === 0 && !failed && jobs.length >= minimumJobs) start();
      if (failed || workers.length === 0) return inline(jobs);
      // Every chunk is sent at once, round robin: a worker must not wait for this thread (busy writing the previous
      // batch in one synchronous transaction) to hand it its next chunk.
      const chunks: ReadJob[][] = [];
      for (let offset = 0; offset < jobs.length; offset += CHUNK) chunks.push(jobs.slice(offset, offset + CHUNK));
      const results = await Promise.all(chunks.map((chunk, index) => runChunk(workers[index % workers.length]!, chunk)));
      return results.flat();
    },
    async close() {
      await Promise.all(workers.splice(0).map((worker) => worker.terminate()));
    },
    usage: () => ({ workers: workers.length, ...counts }),
  };
}
