/**
 * A child process for the ingest crash test: ingests a folder into a library the way the engine does (extraction
 * workers, batched transactions), printing "ready" once the library is open, "read K" when batch K has been read
 * (its transaction starts right after), "committed N" after each batch's transaction and "done N" at the end. The
 * parent SIGKILLs it at a random moment and checks the library.
 *
 * Usage: node --import tsx tests/support/ingest-child.ts LIBRARY FOLDER [BATCH_SIZE]
 */
import { writeSync } from 'node:fs';
import { MAX_FILE_BYTES, SUPPORTED_EXTENSIONS } from '../../src-main/core/extract';
import { createExtractPool, type ExtractPool } from '../../src-main/core/ingest/extract-pool';
import { ingestPaths } from '../../src-main/core/ingest/ingest';
import { openDatabase } from '../../src-main/core/store/database';

const [file, folder, batch] = process.argv.slice(2);
if (!file || !folder) throw new Error('usage: ingest-child LIBRARY FOLDER [BATCH_SIZE]');

const ack = (line: string) => writeSync(1, `${line}\n`);
// The engine's isSupportedPath, without importing the whole engine (a second and more of start-up per trial).
const isSupported = (path: string) => SUPPORTED_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
const db = openDatabase(file);
const workers = createExtractPool();
let batches = 0;
const pool: ExtractPool = {
  ...workers,
  run: async (jobs) => {
    const outcomes = await workers.run(jobs);
    ack(`read ${++batches}`);
    return outcomes;
  },
};
ack('ready');
const report = await ingestPaths(db, [folder], {
  pool,
  isSupported,
  maxFileBytes: MAX_FILE_BYTES,
  batchSize: batch ? Number(batch) : undefined,
  onProgress: (progress) => {
    if (progress.phase === 'reading') ack(`committed ${progress.done}`);
  },
});
db.close();
ack(`done ${report.added}`);
