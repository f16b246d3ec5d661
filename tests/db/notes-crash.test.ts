import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mulberry32 } from '../support/mulberry32';
import { ROOT, SEEDS, temporaryFolder } from '../support/cli';
import { openLibrary } from '../../src-main/engine/in-process';
import { typedBody } from '../support/typed-body';

/** Trials: a few in `npm test`, a hundred with PARALLAX_SLOW=1 (`npm run test:slow`). */
const TRIALS = process.env.PARALLAX_SLOW === '1' ? 100 : 10;


/** Runs the writer until it has acknowledged saves for `lifetimeMs` after being ready, then SIGKILLs it; returns its acknowledgements. */
function killDuringSaves(file: string, noteId: string, docId: string, lifetimeMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/note-writer.ts'), file, noteId, docId], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!timer && output.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), lifetimeMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself: ${errors}`));
      else resolve(output.split('\n').filter((line) => line !== ''));
    });
  });
}

test(`SIGKILL at random moments during note saves (${TRIALS} trials): the library is intact and every acknowledged save is there`, async () => {
  const folder = temporaryFolder();
  try {
    const file = join(folder.dir, 'library.db');
    const library = openLibrary(file);
    const ingested = await library.engine.ingest({ paths: [SEEDS] });
    assert.ok(ingested.ok);
    const docs = library.engine.listDocuments({});
    assert.ok(docs.ok);
    const docId = docs.value[0]!.id;
    const created = library.engine.createNote({ body: 'first words', passages: [{ doc: docId, start: 0, end: 30 }] });
    assert.ok(created.ok);
    library.close();
    const noteId = created.value.id;

    const next = mulberry32(2026);
    let saves = 0;
    const acknowledgedNotes = new Map<string, string>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const lines = await killDuringSaves(file, noteId, docId, 20 + Math.floor(next() * 400));
      const acknowledged = lines.filter((line) => line.startsWith('save ')).map((line) => Number(line.slice(5)));
      for (const line of lines.filter((entry) => entry.startsWith('note '))) {
        const [, id, index] = line.split(' ');
        acknowledgedNotes.set(id!, `New note ${index}`);
      }
      saves += acknowledged.length;

      const db = new Database(file);
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `trial ${trial}: integrity_check`);
        assert.equal((db.pragma('foreign_key_check') as unknown[]).length, 0, `trial ${trial}: foreign keys`);
        const body = db.prepare('SELECT body FROM notes WHERE id = ?').pluck().get(noteId) as string;
        const last = acknowledged.at(-1);
        if (last !== undefined) {
          // The acknowledged save is there, or the one in flight when the process died (committed, not yet acknowledged).
          assert.ok(body === typedBody(last) || body === typedBody(last + 1), `trial ${trial}: save ${last} was acknowledged but the note holds "${body.slice(0, 20)}"`);
        }
        for (const [id, expected] of acknowledgedNotes) {
          const row = db.prepare('SELECT body, (SELECT count(*) FROM note_anchors a WHERE a.note_rowid = n.rowid) AS anchors FROM notes n WHERE id = ?').get(id) as { body: string; anchors: number } | undefined;
          assert.deepEqual(row, { body: expected, anchors: 1 }, `trial ${trial}: acknowledged note ${id}`);
        }
      } finally {
        db.close();
      }
    }
    // The figures for the closing note.
    console.log(`crash trials: ${TRIALS}, acknowledged saves checked: ${saves}, acknowledged new notes checked: ${acknowledgedNotes.size}, failures: 0`);
  } finally {
    folder.cleanup();
  }
});
