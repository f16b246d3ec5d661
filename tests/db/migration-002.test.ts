import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion } from '../../src-main/core/store/database';
import { MIGRATIONS } from '../../src-main/core/store/migrations';

function temporaryFile(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-db-'));
  return { file: join(dir, 'library.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const insertDocument = `INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
  raw_text, reading_text, text_hash, words, added_at, updated_at)
  VALUES (?, ?, 'txt', 'utf-8', 'h', 1, 1, 1, 'raw', ?, 't', 4, 'now', 'now')`;
const insertQuote = 'INSERT INTO quotes (document_rowid, ordinal, start, end, text, speaker, kind) VALUES (?, ?, ?, ?, ?, ?, ?)';

test('migration 2 adds the quotes table to a version-1 library and keeps its documents', () => {
  const { file, cleanup } = temporaryFile();
  try {
    const version1 = openDatabase(file, MIGRATIONS.filter((migration) => migration.version === 1));
    assert.equal(schemaVersion(version1), 1);
    version1.prepare(insertDocument).run('d1', '/a.txt', 'She said: “The harbour closes.”');
    version1.prepare(insertDocument).run('d2', '/b.txt', 'Nothing quoted here.');
    version1.close();

    const db = openDatabase(file, MIGRATIONS.filter((migration) => migration.version <= 2));
    assert.equal(schemaVersion(db), 2);
    assert.deepEqual(db.prepare('SELECT id, reading_text AS text FROM documents ORDER BY id').all(), [
      { id: 'd1', text: 'She said: “The harbour closes.”' },
      { id: 'd2', text: 'Nothing quoted here.' },
    ]);
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'quotes'").pluck().get() as string;
    assert.match(table, /STRICT/);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'quotes'").pluck().all();
    assert.ok(indexes.includes('quotes_speaker'));
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM quotes').get(), { n: 0 });
    db.close();
  } finally {
    cleanup();
  }
});

test('the quotes table holds its constraints: kinds, offsets, one ordinal per document, documents that exist', () => {
  const { file, cleanup } = temporaryFile();
  try {
    const db = openDatabase(file);
    const rowid = Number(db.prepare(insertDocument).run('d1', '/a.txt', 'She said: “The harbour closes.”').lastInsertRowid);
    const quote = db.prepare(insertQuote);
    quote.run(rowid, 0, 11, 29, 'The harbour closes.', 'Jane Roe', 'direct');
    quote.run(rowid, 1, 11, 29, 'The harbour closes.', null, 'partial');
    assert.throws(() => quote.run(rowid, 0, 0, 3, 'She', null, 'direct'), /UNIQUE|PRIMARY KEY/);
    assert.throws(() => quote.run(rowid, 2, 0, 3, 'She', null, 'scare'), /CHECK/);
    assert.throws(() => quote.run(rowid, 3, 5, 3, 'She', null, 'direct'), /CHECK/);
    assert.throws(() => quote.run(rowid, 4, -1, 3, 'She', null, 'direct'), /CHECK/);
    assert.throws(() => quote.run(99, 0, 0, 3, 'She', null, 'direct'), /FOREIGN KEY/);
    assert.throws(() => quote.run(rowid, 5, 'zero', 3, 'She', null, 'direct'), /cannot store TEXT value in INTEGER column/);
    assert.throws(() => db.prepare("INSERT INTO quotes (document_rowid, ordinal, start, end, text, kind) VALUES (?, 6, 0, 3, NULL, 'direct')").run(rowid), /NOT NULL/);
    const bySpeaker = db.prepare('SELECT ordinal FROM quotes WHERE speaker = ? COLLATE NOCASE').pluck().all('jane roe');
    assert.deepEqual(bySpeaker, [0]);
    db.prepare('DELETE FROM documents WHERE rowid = ?').run(rowid);
    assert.equal(db.prepare('SELECT count(*) FROM quotes').pluck().get(), 0, 'quotes go with their document');
    db.close();
  } finally {
    cleanup();
  }
});
