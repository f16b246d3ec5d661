import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractPool } from '../../src-main/core/ingest/extract-pool';
import { readAndExtract } from '../../src-main/core/ingest/read-file';
import { temporaryFolder } from '../support/cli';

test('the pool extracts on worker threads, in job order, with the same results as the calling thread', async () => {
  const folder = temporaryFolder();
  const pool = createExtractPool({ size: 2, minimumJobs: 10 });
  try {
    const jobs = Array.from({ length: 40 }, (_, index) => {
      const path = join(folder.dir, `article-${index}.txt`);
      writeFileSync(path, index === 5 ? '' : `Headline ${index}\n\nBody of article ${index}.\n`);
      return { path, maxBytes: 1024 * 1024, knownHash: null };
    });
    jobs.push({ path: join(folder.dir, 'absent.txt'), maxBytes: 1024, knownHash: null });
    const small = await pool.run(jobs.slice(0, 3));
    assert.deepEqual(pool.usage(), { workers: 0, onWorkers: 0, inline: 3 }, 'small runs stay on the calling thread');
    const outcomes = await pool.run(jobs);
    assert.equal(pool.usage().workers, 2);
    assert.equal(pool.usage().onWorkers, jobs.length);
    assert.deepEqual(outcomes, jobs.map(readAndExtract));
    assert.deepEqual(small, outcomes.slice(0, 3));
    assert.equal(outcomes[5]!.status, 'failed');
    assert.equal(outcomes.at(-1)!.status, 'failed');
    const known = outcomes[1]!;
    assert.equal(known.status, 'extracted');
    const again = readAndExtract({ ...jobs[1]!, knownHash: known.status === 'extracted' ? known.contentHash : null });
    assert.equal(again.status, 'same');
  } finally {
    await pool.close();
    folder.cleanup();
  }
});
