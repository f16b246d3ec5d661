import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTagEdits } from '../../src-renderer/features/notebook/tag-edits';
import type { Note } from '../../src-main/contract/notes';

const note = (tags: string[]): Note => ({ id: 'n1', body: 'body', tags, createdAt: 't', updatedAt: 't', deletedAt: null, anchors: [] }) as unknown as Note;

test('an answer or fetch older than the newest tag edit never puts older tags back; settled answers pass through', () => {
  const edits = createTagEdits();
  const fetchBefore = edits.generation();
  assert.deepEqual(edits.view(note(['cartels']), fetchBefore).tags, ['cartels'], 'nothing edited: the engine is right');

  edits.begin(['cartels', 'mexico']);
  // The answer to the first edit is still out when the reporter adds a second tag.
  edits.begin(['cartels', 'mexico', 'draft']);
  edits.end();
  assert.deepEqual(edits.view(note(['cartels', 'mexico'])).tags, ['cartels', 'mexico', 'draft'], 'an edit in flight wins');
  // A fetch that left before the edits answers with the tags of then.
  assert.deepEqual(edits.view(note(['cartels']), fetchBefore).tags, ['cartels', 'mexico', 'draft']);
  edits.end();
  assert.deepEqual(edits.view(note(['cartels']), fetchBefore).tags, ['cartels', 'mexico', 'draft'], 'still older than the newest edit');
  // A fetch that leaves after the last edit, and the last edit's own answer, are the engine's word.
  const fetchAfter = edits.generation();
  assert.deepEqual(edits.view(note(['cartels', 'mexico', 'draft', 'border']), fetchAfter).tags, ['cartels', 'mexico', 'draft', 'border']);
  assert.deepEqual(edits.view(note(['cartels', 'mexico', 'draft'])).tags, ['cartels', 'mexico', 'draft']);
});
