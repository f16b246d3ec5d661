/**
 * A story folder stays in step with the library while the workbench runs: files added, changed, moved and deleted
 * reach the library within seconds through the engine worker's watcher, and the folder is still watched after a
 * restart. The watcher's own timing rules (stable files, coalescing) are tested in tests/unit/folder-watch.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngineHost, type EngineHost } from '../../src-main/engine/host';
import type { DocumentSummary } from '../../src-main/contract/library';
import { temporaryFolder } from '../support/cli';
import { makeArticleDocx } from '../support/docx-fixture';

const article = (headline: string, body: string) => `${headline}\n\n${body} The council met on Tuesday and the mayor spoke for an hour.\n`;

async function documents(host: EngineHost): Promise<(DocumentSummary & { missing?: boolean })[]> {
  const listed = await host.api.listDocuments({});
  assert.ok(listed.ok);
  return listed.value;
}

/** Polls the library until the condition holds (the watcher settles, then reconciles), or fails after 30 s. */
async function eventually(host: EngineHost, what: string, condition: (docs: Awaited<ReturnType<typeof documents>>) => boolean): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    const docs = await documents(host);
    if (condition(docs)) return;
    if (Date.now() > end) assert.fail(`${what}: not seen within 30 s; library: ${JSON.stringify(docs.map((doc) => doc.path))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a watched story folder: new, changed, moved and deleted files reach the library, and watching survives a restart', async () => {
  const folder = temporaryFolder();
  const dbFile = join(folder.dir, 'library.db');
  const story = join(folder.dir, 'harbour');
  mkdirSync(join(story, 'archive'), { recursive: true });
  writeFileSync(join(story, 'first.txt'), article('Harbour to close', 'The harbour will close on Friday.'));
  let host = await startEngineHost({ dbFile });
  try {
    const report = await host.api.ingest({ paths: [story] });
    assert.ok(report.ok && report.value.added === 1);

    writeFileSync(join(story, 'second.txt'), article('Repairs begin', 'Repairs on the quay begin next week.'));
    writeFileSync(join(story, 'memo.docx'), makeArticleDocx(['A memo from the port authority about the closure of the harbour on Friday.'], { title: 'Port memo' }));
    await eventually(host, 'added files', (docs) => docs.some((doc) => doc.path.endsWith('second.txt')) && docs.some((doc) => doc.title === 'Port memo'));
    const second = (await documents(host)).find((doc) => doc.path.endsWith('second.txt'))!;
    assert.deepEqual(second.stories, ['harbour'], 'a new file joins the folder\'s story');

    writeFileSync(join(story, 'second.txt'), article('Repairs delayed', 'Repairs on the quay are delayed by a month.'));
    await eventually(host, 'changed file', (docs) => docs.some((doc) => doc.id === second.id && doc.title === 'Repairs delayed'));

    renameSync(join(story, 'second.txt'), join(story, 'archive', 'second.txt'));
    await eventually(host, 'moved file', (docs) => docs.some((doc) => doc.id === second.id && doc.path === join(story, 'archive', 'second.txt')));

    rmSync(join(story, 'first.txt'));
    await eventually(host, 'deleted file', (docs) => docs.some((doc) => doc.path.endsWith('first.txt') && doc.missing === true));

    await host.close();
    host = await startEngineHost({ dbFile });
    // The watcher is set up again from the library's list of watched folders; give it a moment to be ready.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writeFileSync(join(story, 'third.txt'), article('Quay reopens', 'The quay reopened on Monday after the repairs.'));
    await eventually(host, 'a file added after a restart', (docs) => docs.some((doc) => doc.path.endsWith('third.txt')));
  } finally {
    await host.close();
    folder.cleanup();
  }
});
