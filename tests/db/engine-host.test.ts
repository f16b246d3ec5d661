import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startEngineHost } from '../../src-main/engine/host';
import { SEEDS, temporaryFolder } from '../support/cli';
import type { IngestProgress } from '../../src-main/contract/library';

test('the engine worker owns the library: ingest with progress, list, search, errors as data, clean shutdown', async () => {
  const folder = temporaryFolder();
  const host = await startEngineHost({ dbFile: join(folder.dir, 'library.db') });
  try {
    const progress: IngestProgress[] = [];
    host.onProgress((event) => progress.push(event));
    const report = await host.api.ingest({ paths: [SEEDS] });
    assert.ok(report.ok);
    assert.equal(report.value.added, 5);
    assert.ok(progress.some((event) => event.phase === 'done' && event.total === 5));
    const documents = await host.api.listDocuments({});
    assert.ok(documents.ok && documents.value.length === 5);
    const hits = await host.api.search({ query: 'Pershing' });
    assert.ok(hits.ok && hits.value.length === 1);
    const bad = await host.api.search({ query: 'cartel AND' });
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.error.code, 'bad-query');
    const missing = await host.api.getDocumentText({ doc: 'nope' });
    assert.equal(!missing.ok && missing.error.code, 'not-found');
  } finally {
    await host.close();
    folder.cleanup();
  }
  const after = await host.api.listDocuments({});
  assert.equal(after.ok, false, 'calls after close are answered with an error, not left hanging');
});
