import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractPool } from '../../src-main/core/ingest/extract-pool';
import { readAndExtract } from '../../src-main/core/ingest/read-file';
import { temporaryFolder } from '../support/cli';
import { makeArticlePdf } from '../support/pdf-fixture';
import { makeArticleDocx } from '../support/docx-fixture';
import { makeArticleEml } from '../support/eml-fixture';

test('the pool extracts on worker threads, in job order, with the same results as the calling thread', async () => {
  const folder = temporaryFolder();
  const pool = createExtractPool({ size: 2, minimumJobs: 10 });
  try {
    const jobs = Array.from({ length: 40 }, (_, index) => {
      const path = join(folder.dir, `article-${index}.txt`);
      writeFileSync(path, index === 5 ? '' : `Headline ${index}\n\nBody of article ${index}.\n`);
      return { path, maxBytes: 1024 * 1024, knownHash: null };
    });
    // PDF, Word and e-mail parsers are asynchronous and load their libraries in the worker: they must work there too.
    const body = ['The council voted on Tuesday to close the harbour for repairs, the mayor said on Wednesday.'];
    const binary = [
      ['article.pdf', makeArticlePdf(body)],
      ['article.docx', makeArticleDocx(body)],
      ['article.eml', makeArticleEml(body, { attachments: [{ fileName: 'statement.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('A statement of the port.') }] })],
    ] as const;
    for (const [name, bytes] of binary) {
      const path = join(folder.dir, name);
      writeFileSync(path, bytes);
      jobs.splice(20, 0, { path, maxBytes: 1024 * 1024, knownHash: null });
    }
    jobs.push({ path: join(folder.dir, 'absent.txt'), maxBytes: 1024, knownHash: null });
    const small = await pool.run(jobs.slice(0, 3));
    assert.deepEqual(pool.usage(), { workers: 0, onWorkers: 0, inline: 3 }, 'small runs stay on the calling thread');
    const outcomes = await pool.run(jobs);
    assert.equal(pool.usage().workers, 2);
    assert.equal(pool.usage().onWorkers, jobs.length);
    assert.deepEqual(outcomes, await Promise.all(jobs.map(readAndExtract)));
    assert.deepEqual(small, outcomes.slice(0, 3));
    assert.equal(outcomes[5]!.status, 'failed');
    for (const outcome of outcomes.slice(20, 23)) {
      assert.equal(outcome.status, 'extracted', `${outcome.path} on a worker: ${JSON.stringify(outcome).slice(0, 300)}`);
      if (outcome.status === 'extracted') assert.match(outcome.extraction.rawText, /close the harbour/);
    }
    const mail = outcomes.find((outcome) => outcome.path.endsWith('.eml'));
    assert.deepEqual(mail?.status === 'extracted' ? mail.attachments.map((attachment) => attachment.name) : [], ['statement.txt']);
    assert.equal(outcomes.at(-1)!.status, 'failed');
    const known = outcomes[1]!;
    assert.equal(known.status, 'extracted');
    const again = await readAndExtract({ ...jobs[1]!, knownHash: known.status === 'extracted' ? known.contentHash : null });
    assert.equal(again.status, 'same');
  } finally {
    await pool.close();
    folder.cleanup();
  }
});
