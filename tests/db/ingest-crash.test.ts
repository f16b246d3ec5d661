/**
 * Crash safety of ingest (issue 8, item 3): a child ingesting a 1,000-file folder is SIGKILLed at a random moment;
 * the library must be sound (integrity, foreign keys, full-text index matching the documents), hold no document
 * twice and only whole batches, and a following ingest must complete the interrupted one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../src-main/engine/in-process';
import { ROOT, SEEDS, temporaryFolder } from '../support/cli';
import { fillerParagraph, seededRandom, vocabularyOf } from '../support/random-edits';

/** Trials: a few in `npm test`, a hundred with PARALLAX_SLOW=1 (`npm run test:slow`). */
const TRIALS = process.env.PARALLAX_SLOW === '1' ? 100 : 10;
const FILES = 1000;
/** Batch sizes the trials alternate: the engine's (one transaction for the whole folder) and ten commits. */
const BATCHES = [1000, 100] as const;

/** The synthetic folder: its files, each with its content hash and the one word only it holds. */
interface Corpus {
  folder: string;
  files: { path: string; hash: string; code: string }[];
}

/** Writes 1,000 article-like text files (ten subfolders), the same on every run. */
function buildCorpus(dir: string): Corpus {
  const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(SEEDS, name), 'utf8'));
  const vocabulary = vocabularyOf(seeds);
  const random = seededRandom(8);
  const folder = join(dir, 'harbour');
  const files: Corpus['files'] = [];
  for (let index = 0; index < FILES; index++) {
    const code = `code${String(index).padStart(4, '0')}`;
    const paragraphs = Array.from({ length: random.between(3, 6) }, () => fillerParagraph(random, vocabulary));
    const text = `Headline number ${index} about the harbour\n\nBy Staff Reporter\n\n${paragraphs.join('\n\n')}\n\nFiled under reference ${code} for the harbour council.\n`;
    const subfolder = join(folder, `day-${index % 10}`);
    if (index < 10) mkdirSync(subfolder, { recursive: true });
    const path = join(subfolder, `article-${String(index).padStart(4, '0')}.txt`);
    writeFileSync(path, text);
    files.push({ path, hash: createHash('sha256').update(text).digest('hex'), code });
  }
  return { folder, files };
}

/** When to kill the child: a delay after it prints a given line ("ready", or "read K" just before batch K's transaction). */
interface Kill {
  on: string;
  afterMs: number;
}

/** What one child run printed (each line with its time in ms after "ready"), and whether it finished. */
interface ChildRun {
  committed: number;
  done: boolean;
  ingestMs: number;
  lines: Map<string, number>;
}

/** Runs the ingest child, SIGKILLing it as told (null: lets it finish). */
function runChild(library: string, folder: string, batch: number, kill: Kill | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/ingest-child.ts'), library, folder, String(batch)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let errors = '';
    let ready = 0;
    const lines = new Map<string, number>();
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) {
        if (line === 'ready') ready = performance.now();
        lines.set(line, performance.now() - ready);
        if (kill && line === kill.on) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) {
        reject(new Error(`the ingest child failed (${code ?? signal}): ${errors}`));
        return;
      }
      const committed = Math.max(0, ...[...lines.keys()].filter((line) => line.startsWith('committed ')).map((line) => Number(line.slice(10))));
      const done = [...lines.keys()].find((line) => line.startsWith('done '));
      resolve({ committed, done: done !== undefined, ingestMs: done === undefined ? -1 : lines.get(done)!, lines });
    });
  });
}

/** Median time from "read K" to its "committed" line: how long one batch's transaction takes. */
function writeMs(run: ChildRun, batch: number): number {
  const spans: number[] = [];
  for (let index = 1; index * batch <= FILES; index++) {
    const read = run.lines.get(`read ${index}`);
    const committed = run.lines.get(`committed ${index * batch}`);
    if (read !== undefined && committed !== undefined) spans.push(committed - read);
  }
  spans.sort((left, right) => left - right);
  return Math.max(5, spans[Math.floor(spans.length / 2)] ?? 0);
}

/** Checks a library after a crash (or a finished ingest) and returns how many documents it holds. */
function checkLibrary(file: string, corpus: Corpus, label: string): number {
  const db = new Database(file);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `${label}: integrity_check`);
    assert.deepEqual(db.pragma('foreign_key_check'), [], `${label}: foreign_key_check`);
    // Throws when the full-text index and the documents it indexes disagree (rank 1: against the content too).
    db.prepare("INSERT INTO document_index (document_index, rank) VALUES ('integrity-check', 1)").run();
    const duplicates = (column: string) =>
      db.prepare(`SELECT count(*) FROM (SELECT ${column} FROM documents GROUP BY ${column} HAVING count(*) > 1)`).pluck().get() as number;
    assert.equal(duplicates('path'), 0, `${label}: a path stored twice`);
    assert.equal(duplicates('content_hash'), 0, `${label}: the same content stored twice`);
    const rows = db.prepare('SELECT path, content_hash FROM documents').all() as { path: string; content_hash: string }[];
    const expected = new Map(corpus.files.map((entry) => [entry.path, entry.hash]));
    for (const row of rows) assert.equal(row.content_hash, expected.get(row.path), `${label}: ${row.path} is stored whole`);
    const storyless = db.prepare('SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_documents s WHERE s.document_rowid = d.rowid)').pluck().get();
    assert.equal(storyless, 0, `${label}: every document is in its story (written in the same transaction)`);
    const indexed = db.prepare("SELECT count(*) FROM document_index WHERE document_index MATCH 'council'").pluck().get();
    assert.equal(indexed, rows.length, `${label}: every document, and only those, in the full-text index`);
    return rows.length;
  } finally {
    db.close();
  }
}

test(`SIGKILL at random moments during a 1,000-file ingest (${TRIALS} trials): the library is sound and the next ingest completes it`, { timeout: TRIALS * 60_000 }, async () => {
  const folder = temporaryFolder();
  try {
    const started = performance.now();
    const corpus = buildCorpus(folder.dir);
    const built = performance.now() - started;

    // A full run per batch size first: how long an ingest takes, and how long one batch's transaction.
    const references: { batch: number; fullMs: number; writeMs: number }[] = [];
    for (const batch of BATCHES) {
      const reference = await runChild(join(folder.dir, `reference-${batch}.db`), corpus.folder, batch, null);
      assert.equal(reference.done, true);
      assert.equal(checkLibrary(join(folder.dir, `reference-${batch}.db`), corpus, `reference (batch ${batch})`), FILES);
      references.push({ batch, fullMs: Math.max(100, reference.ingestMs), writeMs: writeMs(reference, batch) });
    }

    const random = seededRandom(2026);
    const outcomes: string[] = [];
    let interrupted = 0;
    let rolledBack = 0;
    const timing = { child: 0, resume: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const { batch, fullMs, writeMs: transactionMs } = references[trial % references.length]!;
      // Half the kills at a random time of the whole ingest (most land while files are read: the worker starts, then
      // extraction is the bulk), half during a batch's transaction: a little after "read K", its last step before it.
      const kill: Kill =
        trial % 4 < 2
          ? { on: 'ready', afterMs: Math.round(50 + random.next() * (fullMs - 50)) }
          : { on: `read ${1 + random.below(FILES / batch)}`, afterMs: Math.round(random.next() * transactionMs) };
      const library = join(folder.dir, `trial-${trial}.db`);
      const childStarted = performance.now();
      const run = await runChild(library, corpus.folder, batch, kill);
      timing.child += performance.now() - childStarted;
      const label = `trial ${trial} (batch ${batch}, killed ${kill.afterMs} ms after "${kill.on}")`;

      const stored = checkLibrary(library, corpus, label);
      assert.ok(stored >= run.committed, `${label}: ${run.committed} acknowledged as committed, ${stored} stored`);
      assert.ok(stored % batch === 0, `${label}: ${stored} documents is not a whole number of batches`);
      if (!run.done) interrupted++;
      if (kill.on.startsWith('read ') && stored < Number(kill.on.slice(5)) * batch) rolledBack++;
      outcomes.push(`${kill.on}+${kill.afterMs}ms→${stored}`);

      // The next ingest completes the interrupted one.
      const resumeStarted = performance.now();
      const opened = openLibrary(library);
      try {
        const report = await opened.engine.ingest({ paths: [corpus.folder] });
        assert.ok(report.ok, `${label}: the following ingest ran`);
        assert.deepEqual(report.value, { added: FILES - stored, updated: 0, unchanged: stored, missing: 0, failed: [] }, `${label}: the following ingest`);
        const sample = random.pick(corpus.files);
        const hits = await opened.engine.search({ query: sample.code });
        assert.ok(hits.ok, `${label}: search ran`);
        assert.deepEqual(hits.value.map((hit) => hit.path), [sample.path], `${label}: ${sample.code} finds its document`);
      } finally {
        opened.close();
      }
      timing.resume += performance.now() - resumeStarted;
      assert.equal(checkLibrary(library, corpus, `${label}, completed`), FILES);
      const db = new Database(library, { readonly: true });
      try {
        const find = db.prepare('SELECT d.path FROM document_index JOIN documents d ON d.rowid = document_index.rowid WHERE document_index MATCH ?').pluck();
        for (const entry of corpus.files) assert.deepEqual(find.all(entry.code), [entry.path], `${label}: ${entry.code} is searchable`);
      } finally {
        db.close();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // The figures for the closing note.
    console.log(
      `ingest crash trials: ${TRIALS}, killed mid-ingest: ${interrupted} (${rolledBack} before their batch committed), failures: 0; ` +
        `corpus built in ${Math.round(built)} ms; ` +
        references.map((entry) => `batch ${entry.batch}: full ingest ${Math.round(entry.fullMs)} ms, a transaction ${Math.round(entry.writeMs)} ms; `).join('') +
        `all in ${seconds.toFixed(1)} s (per trial: child ${Math.round(timing.child / TRIALS)} ms, completing ingest ${Math.round(timing.resume / TRIALS)} ms); ` +
        `kill→documents stored: ${outcomes.join(', ')}`,
    );
  } finally {
    folder.cleanup();
  }
});
