import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../src-main/engine/in-process';
import { temporaryFolder } from '../support/cli';

test('the story passage index is stored in SQLite, reused after reopening, and rebuilt when the story changes', async () => {
  const folder = temporaryFolder();
  const dbFile = join(folder.dir, 'library.db');
  const story = join(folder.dir, 'harbour');
  mkdirSync(story);
  writeFileSync(join(story, 'a.txt'), 'The council voted to close the harbour, the mayor said.\n\nNothing more was said.\n');
  writeFileSync(join(story, 'b.txt'), 'Fishing fleet\n\nFishermen protested at the quay on Monday.\n');
  try {
    let library = openLibrary(dbFile);
    assert.equal((await library.engine.ingest({ paths: [story] })).ok, true);
    const first = library.engine.search({ query: 'harbour', story: 'harbour' });
    assert.ok(first.ok);
    assert.equal(first.value.length, 1);
    library.close();

    const raw = new Database(dbFile);
    const stored = raw.prepare('SELECT fingerprint, length(index_json) AS size FROM story_passage_indexes').all() as { fingerprint: string; size: number }[];
    raw.close();
    assert.equal(stored.length, 1);
    assert.ok(stored[0]!.size > 100);

    library = openLibrary(dbFile);
    const reopened = library.engine.search({ query: 'protest*', story: 'harbour' });
    assert.ok(reopened.ok && reopened.value.length === 1);

    writeFileSync(join(story, 'b.txt'), 'Fishing fleet\n\nFishermen protested at the harbour on Monday.\n');
    utimesSync(join(story, 'b.txt'), new Date(), new Date(Date.now() + 5000));
    await library.engine.ingest({ paths: [story] });
    const after = library.engine.search({ query: 'harbour', story: 'harbour' });
    assert.ok(after.ok);
    assert.equal(after.value.length, 2, 'the index was rebuilt with the edited file');
    const fleet = after.value.find((hit) => hit.path.endsWith('b.txt'))!;
    const text = library.engine.getDocumentText({ doc: fleet.id });
    assert.ok(text.ok);
    const highlighted = fleet.highlights.flat().map((hit) => text.value.text.slice(hit.start, hit.end));
    assert.deepEqual(highlighted, ['harbour']);
    // Boolean operators apply to passages (paragraphs): a passage with harbour but without mayor.
    const boolean = library.engine.search({ query: 'harbour -mayor', story: 'harbour' });
    assert.ok(boolean.ok);
    assert.deepEqual(boolean.value.map((hit) => hit.path.endsWith('b.txt')), [true]);
    const both = library.engine.search({ query: '+harbour +mayor', story: 'harbour' });
    assert.ok(both.ok);
    assert.deepEqual(both.value.map((hit) => hit.path.endsWith('a.txt')), [true]);
    library.close();
  } finally {
    folder.cleanup();
  }
});
