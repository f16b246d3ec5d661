// The library list's lean query (store/document-list.ts) against the reference query it replaced: the same entries in
// the same order, with overrides (even to null), several stories, missing files and paths SQLite orders by code point.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/store/database';
import { listDocumentEntries } from '../../src-main/core/store/document-list';
import { insertDocument, listDocumentSummaries, markMissing } from '../../src-main/core/store/documents';
import { setOverride } from '../../src-main/core/store/overrides';
import { addToStory, ensureStory } from '../../src-main/core/store/stories';
import { temporaryFolder } from '../support/cli';

const folder = temporaryFolder();
after(() => folder.cleanup());

const NOW = '2026-01-01T00:00:00Z';

/** Paths whose code-unit and code-point orders differ (a character beyond U+FFFF against U+E000–U+FFFF), and cases. */
const PATHS = ['/b/a.txt', '/a/Z.txt', '/a/z.txt', '/a/\u{1F4F0}.txt', '/a/\uFF21.txt', '/a/\uE000.txt', '/a/é.txt', '/a/e.txt', '/c/missing.txt'];

function build() {
  const db = openDatabase(join(folder.dir, 'library.db'));
  const rowids = PATHS.map((path, index) =>
    insertDocument(
      db,
      `id-${index}`,
      path,
      {
        format: 'text',
        encoding: 'utf-8',
        contentHash: `hash-${index}`,
        fileSize: 10,
        fileMtimeMs: 0,
        extractorVersion: 1,
        rawText: `text ${index}`,
        readingText: `text ${index}`,
        textHash: `text-hash-${index}`,
        title: index % 3 === 0 ? null : `Title ${index}`,
        outlet: index % 2 === 0 ? 'Courier' : null,
        byline: `Writer ${index}`,
        published: index % 4 === 0 ? null : `2025-0${1 + (index % 9)}-01`,
        url: null,
        words: 100 + index,
      },
      NOW,
    ),
  );
  const harbour = ensureStory(db, 'harbour', NOW);
  const zebra = ensureStory(db, 'Zebra', NOW);
  const emoji = ensureStory(db, '\u{1F4F0} wire', NOW);
  const last = ensureStory(db, '\uFF21 last', NOW);
  for (const rowid of rowids.slice(0, 5)) addToStory(db, harbour, rowid);
  for (const rowid of rowids.slice(3)) addToStory(db, zebra, rowid);
  addToStory(db, emoji, rowids[4]!);
  addToStory(db, last, rowids[4]!);
  setOverride(db, rowids[1]!, 'title', null);
  setOverride(db, rowids[2]!, 'outlet', 'Gazette');
  setOverride(db, rowids[3]!, 'title', 'Corrected title');
  setOverride(db, rowids[3]!, 'published', '2020-02-02');
  setOverride(db, rowids[6]!, 'byline', null);
  setOverride(db, rowids[6]!, 'url', 'https://example.org/');
  markMissing(db, rowids[8]!, NOW);
  return db;
}

test('the lean list gives exactly the entries and order of the reference query, whole and per story', () => {
  const db = build();
  try {
    const whole = listDocumentEntries(db);
    assert.equal(whole.length, PATHS.length);
    assert.deepEqual(whole, listDocumentSummaries(db));
    for (const story of ['harbour', 'Zebra', '\u{1F4F0} wire', 'nobody']) assert.deepEqual(listDocumentEntries(db, story), listDocumentSummaries(db, story), story);
    const corrected = whole.find((entry) => entry.id === 'id-3')!;
    assert.equal(corrected.title, 'Corrected title');
    assert.equal(corrected.published, '2020-02-02');
    assert.equal(whole.find((entry) => entry.id === 'id-1')!.title, null, 'an override to null wins');
    assert.deepEqual(whole.find((entry) => entry.id === 'id-4')!.stories.length, 4);
    assert.equal(whole.find((entry) => entry.id === 'id-8')!.missing, true);
  } finally {
    db.close();
  }
});

test('the list reads the covering listing index, never the rows that hold the texts', () => {
  const db = openDatabase(join(folder.dir, 'library.db'));
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT d.rowid AS rowid, d.id AS id, d.path AS path, d.title AS title, d.outlet AS outlet,
      d.published AS published, d.byline AS byline, d.url AS url, d.words AS words, d.missing AS missing FROM documents d`).all() as { detail: string }[];
    assert.deepEqual(plan.map((step) => step.detail), ['SCAN d USING COVERING INDEX documents_listing']);
  } finally {
    db.close();
  }
});
