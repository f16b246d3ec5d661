import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, temporaryLibrary } from '../support/engine-library';

const ARTICLE = 'Harbour to close\n\nThe council voted on Tuesday to close the harbour. “We had no choice,” the mayor said.\n';

test('a moved file keeps its id, stories and notes: the new path is recognised by its bytes, not added anew', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const story = join(dir, 'harbour');
    mkdirSync(join(story, 'archive'), { recursive: true });
    writeFileSync(join(story, 'a.txt'), ARTICLE);
    writeFileSync(join(story, 'other.txt'), 'Another article\n\nNothing to do with the first one at all.\n');
    await ok(engine.ingest({ paths: [story] }));
    const [before] = (await ok(engine.listDocuments({}))).filter((doc) => doc.path.endsWith('a.txt'));
    assert.ok(before);
    const note = await ok(engine.createNote({ body: 'The vote', passages: [{ doc: before.id, exact: 'voted on Tuesday' }] }));

    renameSync(join(story, 'a.txt'), join(story, 'archive', 'renamed.txt'));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 1, unchanged: 1, missing: 0, failed: [] });
    const after = await ok(engine.getDocument({ doc: before.id }));
    assert.equal(after.path, join(story, 'archive', 'renamed.txt'));
    assert.equal(after.missing, false);
    assert.deepEqual(after.stories, ['harbour']);
    const [listed] = await ok(engine.listNotes({}));
    assert.equal(listed?.id, note.id);
    assert.equal(listed?.anchors[0]?.path, join(story, 'archive', 'renamed.txt'));
    assert.equal(listed?.anchors[0]?.state, 'ok');
    assert.equal((await ok(engine.listDocuments({}))).length, 2, 'no second document for the moved file');

    // A copy (the original still in place) is a document of its own.
    writeFileSync(join(story, 'copy.txt'), ARTICLE);
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 1, updated: 0, unchanged: 2, missing: 0, failed: [] });
  } finally {
    done();
  }
});
