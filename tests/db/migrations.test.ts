import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion, DatabaseTooNewError, migrate } from '../../src-main/core/store/database';
import { MIGRATIONS } from '../../src-main/core/store/migrations';

function temporaryFile(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-db-'));
  return { file: join(dir, 'library.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('migration 1 creates the schema on a real database file, with WAL and foreign keys', () => {
  const { file, cleanup } = temporaryFile();
  try {
    const db = openDatabase(file);
    assert.equal(schemaVersion(db), MIGRATIONS.at(-1)!.version);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table','view') ORDER BY name").pluck().all();
    for (const name of ['documents', 'boilerplate_spans', 'metadata_overrides', 'stories', 'story_documents', 'document_index', 'document_index_content']) {
      assert.ok(tables.includes(name), `missing ${name}`);
    }
    const strict = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents'").pluck().get() as string;
    assert.match(strict, /STRICT/);
    const automerge = db.prepare("SELECT v FROM document_index_config WHERE k = 'automerge'").pluck().get();
    assert.equal(automerge, 16);
    const hashsize = db.prepare("SELECT v FROM document_index_config WHERE k = 'hashsize'").pluck().get();
    assert.equal(hashsize, 64 * 1024 * 1024, 'migration 5: large in-memory postings before a segment is written');
    db.prepare("INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version, raw_text, reading_text, text_hash, words, added_at, updated_at) VALUES ('d1', '/a.txt', 'txt', 'utf-8', 'h', 1, 1, 1, 'raw', 'The harbour closes', 't', 3, 'now', 'now')").run();
    db.prepare("INSERT INTO metadata_overrides (document_rowid, field, value) VALUES (1, 'title', 'Harbour')").run();
    assert.deepEqual(db.prepare('SELECT title, text FROM document_index_content').get(), { title: 'Harbour', text: 'The harbour closes' });
    assert.throws(() => db.prepare("INSERT INTO metadata_overrides (document_rowid, field, value) VALUES (1, 'colour', 'x')").run(), /CHECK/);
    assert.throws(() => db.prepare("INSERT INTO metadata_overrides (document_rowid, field, value) VALUES (99, 'title', 'x')").run(), /FOREIGN KEY/);
    db.close();
    const reopened = openDatabase(file);
    assert.equal(schemaVersion(reopened), MIGRATIONS.at(-1)!.version);
    reopened.close();
  } finally {
    cleanup();
  }
});

test('a database newer than the code is refused and left untouched', () => {
  const { file, cleanup } = temporaryFile();
  try {
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    assert.throws(() => openDatabase(file), DatabaseTooNewError);
    const again = openDatabase(file, [...MIGRATIONS, { version: 999, name: 'future', up: '' }]);
    assert.equal(schemaVersion(again), 999);
    again.close();
  } finally {
    cleanup();
  }
});

test('a failing migration rolls back whole and leaves the version unchanged', () => {
  const { file, cleanup } = temporaryFile();
  try {
    const db = openDatabase(file);
    const latest = MIGRATIONS.at(-1)!.version;
    const broken = { version: latest + 1, name: 'broken', up: 'CREATE TABLE half_done (x INTEGER) STRICT; THIS IS NOT SQL;' };
    assert.throws(() => migrate(db, [...MIGRATIONS, broken]));
    assert.equal(schemaVersion(db), latest);
    const table = db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get();
    assert.equal(table, undefined);
    db.close();
  } finally {
    cleanup();
  }
});
