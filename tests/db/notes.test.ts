import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import { openDatabase } from '../../src-main/core/store/database';
import { createEngine, resolveDocument } from '../../src-main/core/engine';
import { createNoteService, REVISION_INTERVAL_MS } from '../../src-main/core/notes/note-service';
import type { Note } from '../../src-main/contract/notes';
import type { IngestReport } from '../../src-main/contract/library';

/** A copy of the seeds in a temporary folder, so tests can edit, move and delete the files. */
function seedCopy(dir: string): string {
  const folder = join(dir, 'story');
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) copyFileSync(join(SEEDS, name), join(folder, name));
  return folder;
}

const seedFile = (folder: string, prefix: string) => join(folder, readdirSync(folder).find((name) => name.startsWith(prefix))!);

/** Rewrites a file with a later modification time, so ingest sees the change. */
function rewrite(file: string, edit: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(file, after);
}

type ListedNote = { id: string; body: string; tags: string[]; anchors: { docId: string; path: string; exact: string; start: number; end: number; state: string }[] };

describe('notes through the CLI', () => {
  const folder = temporaryFolder();
  const db = join(folder.dir, 'library.db');
  let story = '';
  before(async () => {
    story = seedCopy(folder.dir);
    await runJson<IngestReport>(db, 'ingest', story);
  });
  after(() => folder.cleanup());

  test('notes add prints {id, state} and notes list has exactly the shape of CLI.md, offsets into the reading text', async () => {
    const doc = seedFile(story, '003');
    const added = await runJson<Record<string, unknown>>(db, 'notes', 'add', '--doc', doc, '--exact', 'the deployment is not imminent', '--body', 'Check with **NBC**', '--tag', 'troops', '--tag', 'follow-up');
    assert.deepEqual(Object.keys(added).sort(), ['id', 'state']);
    assert.equal(added.state, 'ok');
    const listed = await runJson<ListedNote[]>(db, 'notes', 'list');
    assert.equal(listed.length, 1);
    const [note] = listed;
    assert.deepEqual(Object.keys(note!).sort(), ['anchors', 'body', 'id', 'tags']);
    assert.deepEqual(note!.tags, ['troops', 'follow-up']);
    assert.equal(note!.body, 'Check with **NBC**');
    const [anchor] = note!.anchors;
    assert.deepEqual(Object.keys(anchor!).sort(), ['docId', 'end', 'exact', 'path', 'start', 'state']);
    assert.equal(anchor!.path, doc);
    const text = (await runCli(db, 'text', doc)).stdout;
    assert.equal(text.slice(anchor!.start, anchor!.end), 'the deployment is not imminent');
  });

  test('an ambiguous or absent passage is refused with a reason, and nothing is added', async () => {
    const doc = seedFile(story, '003');
    const ambiguous = await runCli(db, 'notes', 'add', '--doc', doc, '--exact', 'Mexico');
    assert.equal(ambiguous.status, 2);
    assert.match(ambiguous.stderr, /appears \d+ times/);
    const absent = await runCli(db, 'notes', 'add', '--doc', doc, '--exact', 'words no article has');
    assert.equal(absent.status, 1);
    assert.match(absent.stderr, /is not in/);
    const missingArgs = await runCli(db, 'notes', 'add', '--exact', 'x');
    assert.equal(missingArgs.status, 2);
    assert.equal((await runJson<ListedNote[]>(db, 'notes', 'list')).length, 1);
  });

  test('every export format prints the notebook; JSON re-imports losslessly into another library', async () => {
    const markdown = (await runCli(db, 'notes', 'export', '--format', 'md')).stdout;
    assert.match(markdown, /> the deployment is not imminent\[\^1\]/);
    assert.match(markdown, /\[\^1\]: .*003_/);
    const csv = (await runCli(db, 'notes', 'export', '--format', 'csv')).stdout;
    assert.equal(csv.trim().split('\r\n').length, 2);
    const w3c = JSON.parse((await runCli(db, 'notes', 'export', '--format', 'w3c')).stdout);
    const [annotation] = w3c.first.items;
    assert.equal(annotation.type, 'Annotation');
    assert.deepEqual(annotation.target.selector.map((selector: { type: string }) => selector.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.equal((await runCli(db, 'notes', 'export', '--format', 'pdf')).status, 2);

    const json = (await runCli(db, 'notes', 'export', '--format', 'json')).stdout;
    const exportFile = join(folder.dir, 'notebook.json');
    writeFileSync(exportFile, json);
    const other = join(folder.dir, 'other.db');
    await runJson(other, 'ingest', story);
    const report = await runJson<{ imported: number; skipped: number; orphanedAnchors: number }>(other, 'notes', 'import', exportFile);
    assert.deepEqual(report, { imported: 1, skipped: 0, orphanedAnchors: 0 });
    const again = await runJson<{ imported: number; skipped: number }>(other, 'notes', 'import', exportFile);
    assert.deepEqual(again, { imported: 0, skipped: 1, orphanedAnchors: 0 });
    // The same notes, passages and states; documents matched by content (ids are per library).
    const strip = (notes: ListedNote[]) => notes.map((note) => ({ ...note, anchors: note.anchors.map(({ docId: _docId, ...anchor }) => anchor) }));
    assert.deepEqual(strip(await runJson<ListedNote[]>(other, 'notes', 'list')), strip(await runJson<ListedNote[]>(db, 'notes', 'list')));
    const broken = join(folder.dir, 'broken.json');
    writeFileSync(broken, '{"format": "something else"}');
    const refused = await runCli(other, 'notes', 'import', broken);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /notebook/i);
  });
});

describe('anchors follow their documents through edits, moves and deletions', () => {
  const folder = temporaryFolder();
  const db = join(folder.dir, 'library.db');
  let story = '';
  const passages = {
    shifted: 'the deployment is not imminent but early stages of training',
    edited: 'The US military has entered Mexico only a few times, most notably in 1916',
    removed: 'Can the US Legally Send Troops Into Mexico?',
  };
  const states = async () => {
    const notes = await runJson<ListedNote[]>(db, 'notes', 'list');
    return Object.fromEntries(notes.map((note) => [note.body, note.anchors[0]!]));
  };

  before(async () => {
    story = seedCopy(folder.dir);
    await runJson(db, 'ingest', story);
    const doc = seedFile(story, '003');
    for (const [body, exact] of Object.entries(passages)) await runJson(db, 'notes', 'add', '--doc', doc, '--exact', exact, '--body', body);
  });
  after(() => folder.cleanup());

  test('an edited file re-anchors on the next ingest: shifted stays ok, changed words drift, deleted passages orphan', async () => {
    const file = seedFile(story, '003');
    rewrite(file, (text) =>
      `An editor's note added at the top of the article, long enough to move every offset.\n\n${text}`
        .replace('most notably in 1916', 'most famously in 1916')
        .replace(`${passages.removed}\n`, ''),
    );
    const report = await runJson<IngestReport>(db, 'ingest', story);
    assert.equal(report.updated, 1);
    const after = await states();
    const text = (await runCli(db, 'text', file)).stdout;
    assert.equal(after.shifted!.state, 'ok');
    assert.equal(text.slice(after.shifted!.start, after.shifted!.end), passages.shifted);
    assert.equal(after.edited!.state, 'drifted');
    assert.equal(after.edited!.exact, passages.edited, 'the noted text is kept');
    assert.equal(text.slice(after.edited!.start, after.edited!.end), passages.edited.replace('notably', 'famously'));
    assert.equal(after.removed!.state, 'orphan');
    assert.equal(after.removed!.exact, passages.removed);
  });

  test('a file that disappears orphans its notes; its content coming back elsewhere re-attaches them', async () => {
    const file = seedFile(story, '003');
    const elsewhere = join(folder.dir, 'moved');
    mkdirSync(elsewhere, { recursive: true });
    const moved = join(elsewhere, 'renamed-article.txt');
    renameSync(file, moved);
    await runJson(db, 'ingest', story);
    const gone = await states();
    for (const anchor of Object.values(gone)) assert.equal(anchor.state, 'orphan');
    await runJson(db, 'ingest', elsewhere);
    const back = await states();
    assert.equal(back.shifted!.state, 'ok');
    assert.equal(back.shifted!.path, moved);
    assert.equal(back.edited!.state, 'drifted');
    assert.equal(back.removed!.state, 'orphan');
    const text = (await runCli(db, 'text', moved)).stdout;
    assert.equal(text.slice(back.shifted!.start, back.shifted!.end), passages.shifted);
  });
});

describe('the text a passage was noted in is kept, and re-anchoring follows the edit through it', () => {
  test('a passage edited in place under a new heading, while a copy of it as noted stands elsewhere, follows the edit to the original', async () => {
    const folder = temporaryFolder();
    try {
      const db = join(folder.dir, 'library.db');
      const story = seedCopy(folder.dir);
      await runJson(db, 'ingest', story);
      const file = seedFile(story, '003');
      const passage = 'The US military has entered Mexico only a few times, most notably in 1916';
      await runJson(db, 'notes', 'add', '--doc', file, '--exact', passage, '--body', 'history');
      const connection = openDatabase(db);
      const kept = connection.prepare('SELECT count(*) FROM noted_texts').pluck().get();
      connection.close();
      assert.equal(kept, 1, 'the noted text is kept once');

      // The original is reworded under a new heading; the passage as noted now also stands, word for word, in a new
      // closing paragraph. Its words and context alone cannot tell which is the original (the selector search orphans it).
      const copy = `A reader wrote in to quote an earlier version: "${passage}." The editors replied the next day.`;
      rewrite(file, (text) => {
        const edited = text.replace('Can the US Legally Send Troops Into Mexico?', 'What the law allows').replace('most notably in 1916', 'most famously, in 1916');
        return `${edited}\n\n${copy}\n`;
      });
      await runJson(db, 'ingest', story);
      const [note] = await runJson<ListedNote[]>(db, 'notes', 'list');
      const anchor = note!.anchors[0]!;
      const text = (await runCli(db, 'text', file)).stdout;
      assert.equal(anchor.state, 'drifted');
      assert.equal(text.slice(anchor.start, anchor.end), passage.replace('most notably', 'most famously,'));
      assert.ok(anchor.start < text.indexOf(copy), 'the anchor stays on the edited original');
    } finally {
      folder.cleanup();
    }
  });
});

describe('migration 4', () => {
  test('keeps the noted text of existing anchors whose document still holds it', async () => {
    const { MIGRATIONS } = await import('../../src-main/core/store/migrations');
    const folder = temporaryFolder();
    try {
      const file = join(folder.dir, 'library.db');
      const version3 = openDatabase(file, MIGRATIONS.filter((migration) => migration.version <= 3));
      version3.prepare(`INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
        raw_text, reading_text, text_hash, words, added_at, updated_at) VALUES (?, ?, 'txt', 'utf-8', ?, 1, 1, 1, 'raw', ?, ?, 1, 'now', 'now')`)
        .run('d1', '/a.txt', 'h1', 'the first text', 't1');
      version3.prepare(`INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
        raw_text, reading_text, text_hash, words, added_at, updated_at) VALUES (?, ?, 'txt', 'utf-8', ?, 1, 1, 1, 'raw', ?, ?, 1, 'now', 'now')`)
        .run('d2', '/b.txt', 'h2', 'the second text, edited since', 't2-new');
      const note = Number(version3.prepare("INSERT INTO notes (id, body, created_at, updated_at) VALUES ('n1', '', 'now', 'now')").run().lastInsertRowid);
      const anchor = version3.prepare(`INSERT INTO note_anchors (id, note_rowid, ordinal, document_rowid, document_id, document_path, exact, prefix, suffix,
        start, end, content_hash, text_hash, state, current_start, current_end, created_at) VALUES (?, ?, ?, ?, ?, ?, 'the', '', ' ', 0, 3, 'h', ?, 'ok', 0, 3, 'now')`);
      anchor.run('a1', note, 0, 1, 'd1', '/a.txt', 't1');
      anchor.run('a2', note, 1, 2, 'd2', '/b.txt', 't2-old');
      version3.close();
      const db = openDatabase(file);
      assert.deepEqual(db.prepare('SELECT text_hash, text FROM noted_texts').all(), [{ text_hash: 't1', text: 'the first text' }]);
      db.close();
    } finally {
      folder.cleanup();
    }
  });
});

describe('the notebook service: revisions, trash, undo, restoring boilerplate', () => {
  const folder = temporaryFolder();
  const file = join(folder.dir, 'library.db');
  let now = Date.parse('2026-11-21T10:00:00.000Z');
  const connection = openDatabase(file);
  const engine = createEngine(connection);
  const notes = createNoteService(connection, { resolveDocument, now: () => new Date(now) });
  const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) assert.fail(result.error.message);
    return result.value;
  };
  let doc = '';
  before(async () => {
    value(await engine.ingest({ paths: [SEEDS] }));
    doc = value(engine.listDocuments({})).find((entry) => entry.path.includes('/003_'))!.id;
  });
  after(() => {
    connection.close();
    folder.cleanup();
  });

  test('a revision at creation, then at most one per interval while typing, and one before each destructive action', () => {
    const created = value(notes.createNote({ body: '', passages: [{ doc, exact: 'the deployment is not imminent' }] }));
    const revisions = () => value(notes.listNoteRevisions({ id: created.id }));
    assert.deepEqual(revisions().map((revision) => revision.reason), ['created']);
    for (let typed = 1; typed <= 30; typed++) {
      now += 1000;
      value(notes.updateNote({ id: created.id, body: 'x'.repeat(typed) }));
    }
    assert.equal(revisions().length, 1, 'typing for 30 s keeps no extra revision');
    now += REVISION_INTERVAL_MS;
    value(notes.updateNote({ id: created.id, body: 'later words', tags: ['#Troops', 'troops', ' cia '] }));
    assert.deepEqual(revisions().map((revision) => revision.reason), ['edited', 'created']);
    assert.deepEqual(value(notes.getNote({ id: created.id })).tags, ['Troops', 'cia']);

    const second = value(notes.addNotePassage({ id: created.id, passage: { doc, exact: 'Joint Special Operations Command' } }));
    assert.equal(second.anchors.length, 2);
    const removed = value(notes.removeNotePassage({ id: created.id, anchorId: second.anchors[0]!.id }));
    assert.equal(removed.anchors.length, 1);
    const beforeRemoval = revisions().find((revision) => revision.reason === 'before-anchor-removal')!;
    assert.equal(beforeRemoval.anchors.length, 2);
    const undone = value(notes.restoreNoteRevision({ id: created.id, revision: beforeRemoval.id }));
    assert.deepEqual(undone.anchors.map((anchor) => anchor.id).sort(), second.anchors.map((anchor) => anchor.id).sort());
    assert.ok(undone.anchors.every((anchor) => anchor.state === 'ok'));

    value(notes.deleteNote({ id: created.id }));
    assert.equal(value(notes.listNotes({})).length, 0);
    assert.equal(value(notes.listNotes({ trash: true }))[0]!.id, created.id);
    assert.equal(revisions()[0]!.reason, 'before-delete');
    value(notes.restoreNote({ id: created.id }));
    assert.equal(value(notes.listNotes({}))[0]!.body, 'later words');
  });

  test('search matches words of bodies, tags and passages; the tag filter and the document filter narrow the list', () => {
    value(notes.createNote({ body: 'Ask the Pentagon about drones', tags: ['drones'], passages: [{ doc, exact: 'rely primarily on drone strikes' }] }));
    const ids = (filter: Parameters<typeof notes.listNotes>[0]) => value(notes.listNotes(filter)).map((note: Note) => note.body);
    assert.deepEqual(ids({ query: 'pentagon' }), ['Ask the Pentagon about drones']);
    assert.deepEqual(ids({ query: '"drone strikes"' }), ['Ask the Pentagon about drones']);
    assert.deepEqual(ids({ query: 'imminent later' }), ['later words']);
    assert.deepEqual(ids({ tag: 'DRONES' }), ['Ask the Pentagon about drones']);
    assert.deepEqual(ids({ query: 'nothing-like-this' }), []);
    assert.equal(ids({ doc }).length, 2);
    assert.deepEqual(value(notes.listNoteTags({})).map((tag) => tag.tag).sort(), ['Troops', 'cia', 'drones']);
    const marks = value(notes.listDocumentNotes({ doc }));
    const text = value(engine.getDocumentText({ doc })).text;
    assert.ok(marks.some((mark) => text.slice(mark.start, mark.end) === 'rely primarily on drone strikes'));
  });

  test('restoring a hidden boilerplate span re-anchors the document\'s notes at their new offsets', () => {
    const spans = value(engine.listBoilerplate({ doc }));
    const index = spans.findIndex((span) => !span.restored);
    assert.ok(index >= 0, 'seed 003 has a hidden span');
    const before = value(notes.listNotes({ doc })).flatMap((note) => note.anchors.map((anchor) => anchor.selector.exact));
    value(engine.setBoilerplateRestored({ doc, index, restored: true }));
    const text = value(engine.getDocumentText({ doc })).text;
    for (const note of value(notes.listNotes({ doc }))) {
      for (const anchor of note.anchors) {
        assert.equal(anchor.state, 'ok');
        assert.equal(text.slice(anchor.start, anchor.end), anchor.selector.exact);
      }
    }
    assert.ok(before.length >= 2);
  });

  test('bad passages are refused with a reason and leave no half-made note', () => {
    const count = value(notes.listNotes({})).length;
    const outside = notes.createNote({ passages: [{ doc, start: 0, end: 5 }, { doc, start: 10, end: 10_000_000 }] });
    assert.ok(!outside.ok && /ends after the end/.test(outside.error.message));
    const unknown = notes.createNote({ passages: [{ doc: 'no-such-document', start: 0, end: 5 }] });
    assert.ok(!unknown.ok && unknown.error.code === 'not-found');
    assert.equal(value(notes.listNotes({})).length, count);
    const missingNote = notes.updateNote({ id: 'nope', body: 'x' });
    assert.ok(!missingNote.ok && missingNote.error.code === 'not-found');
  });
});

describe('migration 3', () => {
  test('adds the notebook tables to a version-2 library and keeps its documents', async () => {
    const { MIGRATIONS } = await import('../../src-main/core/store/migrations');
    const folder = temporaryFolder();
    try {
      const file = join(folder.dir, 'library.db');
      const version2 = openDatabase(file, MIGRATIONS.filter((migration) => migration.version <= 2));
      version2.prepare(`INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
        raw_text, reading_text, text_hash, words, added_at, updated_at) VALUES ('d1', '/a.txt', 'txt', 'utf-8', 'h', 1, 1, 1, 'raw', 'text', 't', 1, 'now', 'now')`).run();
      version2.close();
      const db = openDatabase(file);
      assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
      assert.equal(db.prepare('SELECT count(*) FROM documents').pluck().get(), 1);
      for (const table of ['notes', 'note_tags', 'note_anchors', 'note_revisions']) {
        assert.match(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string, /STRICT/);
      }
      const note = Number(db.prepare("INSERT INTO notes (id, body, created_at, updated_at) VALUES ('n1', '', 'now', 'now')").run().lastInsertRowid);
      const anchor = db.prepare(`INSERT INTO note_anchors (id, note_rowid, ordinal, document_rowid, document_id, document_path, exact, prefix, suffix,
        start, end, content_hash, text_hash, state, current_start, current_end, created_at) VALUES (?, ?, 0, 1, 'd1', '/a.txt', 'te', '', 'xt', 0, 2, 'h', 't', ?, 0, 2, 'now')`);
      anchor.run('a1', note, 'ok');
      assert.throws(() => anchor.run('a2', note, 'lost'), /CHECK/);
      assert.throws(() => anchor.run('a1', note, 'ok'), /UNIQUE/);
      // A document's row going away never takes its notes with it.
      db.prepare('DELETE FROM documents').run();
      assert.deepEqual(db.prepare('SELECT document_rowid, document_id FROM note_anchors').get(), { document_rowid: null, document_id: 'd1' });
      db.close();
    } finally {
      folder.cleanup();
    }
  });
});
