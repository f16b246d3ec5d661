// Ids for an ingest batch's new documents (ingest/identity.ts BatchIds): one lookup for the batch, the same ids as
// documentIdForPath file by file, a taken id lengthened.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/store/database';
import { insertDocument, type DocumentContent } from '../../src-main/core/store/documents';
import { BatchIds, documentIdForPath } from '../../src-main/core/ingest/identity';
import { temporaryFolder } from '../support/cli';

const folder = temporaryFolder();
after(() => folder.cleanup());

const NOW = '2026-01-01T00:00:00Z';

function content(text: string): DocumentContent {
  return {
    format: 'text',
    encoding: 'utf-8',
    contentHash: `content-${text}`,
    fileSize: text.length,
    fileMtimeMs: 0,
    extractorVersion: 1,
    rawText: text,
    readingText: text,
    textHash: `text-${text}`,
    title: null,
    outlet: null,
    byline: null,
    published: null,
    url: null,
    words: 1,
  };
}

const digest = (path: string) => createHash('sha256').update(path, 'utf8').digest('hex');

test('a batch gives its new paths the ids documentIdForPath gives, and lengthens an id another document holds', () => {
  const db = openDatabase(join(folder.dir, 'ids.db'));
  try {
    const paths = Array.from({ length: 50 }, (_, index) => `/story/article-${index}.txt`);
    // Another document already holds the 12-digit id of article-7 (as after a collision of two paths' digests).
    insertDocument(db, digest(paths[7]!).slice(0, 12), '/elsewhere/holder.txt', content('holder'), NOW);
    const expected = paths.map((path) => documentIdForPath(db, path));
    assert.equal(expected[7], digest(paths[7]!).slice(0, 16));
    const ids = new BatchIds(db, paths);
    const given = paths.map((path) => {
      const id = ids.next(path);
      insertDocument(db, id, path, content(path), NOW);
      return id;
    });
    assert.deepEqual(given, expected);
    // A path the batch did not list (an attachment found while writing) still gets its id.
    const attachment = '/story/article-3.eml#report.pdf';
    assert.equal(ids.next(attachment), digest(attachment).slice(0, 12));
  } finally {
    db.close();
  }
});
