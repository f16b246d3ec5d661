/**
 * Hostile files (issue 8, item 1): each one is ingested correctly or refused with its own sentence, nothing crashes
 * or hangs, memory stays bounded, and the rest of the folder is ingested. PARALLAX_SLOW=1 adds a 60 MB single-line
 * file just under the size limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { isSupportedPath } from '../../src-main/core/engine';
import { MAX_FILE_BYTES } from '../../src-main/core/extract';
import { openDatabase } from '../../src-main/core/store/database';
import { ingestPaths } from '../../src-main/core/ingest/ingest';
import { CHANGED_WHILE_READ, readAndExtract, readSnapshot } from '../../src-main/core/ingest/read-file';
import type { ExtractPool } from '../../src-main/core/ingest/extract-pool';
import { temporaryFolder } from '../support/cli';
import { ok, temporaryLibrary } from '../support/engine-library';

const SLOW = process.env.PARALLAX_SLOW === '1';
const MB = 1024 * 1024;
const AS_ROOT = process.getuid?.() === 0;
const PROSE = 'The harbour council voted on Tuesday to close the old pier. The mayor said the decision had been hard.';
const FRENCH = 'Le conseil du port a voté mardi la fermeture de la vieille jetée. « C’était difficile », a dit la maire.';
const GREEK = 'Το λιμενικό συμβούλιο ψήφισε την Τρίτη να κλείσει την παλιά προβλήτα. Ο δήμαρχος είπε ότι ήταν δύσκολο.';

/** Writes one line of prose, `megabytes` long, a megabyte at a time (the test never holds the file whole). */
function writeOneLine(path: string, megabytes: number): void {
  const chunk = Buffer.from(`${PROSE} `.repeat(Math.ceil(MB / (PROSE.length + 1)))).subarray(0, MB);
  const fd = openSync(path, 'w');
  try {
    for (let index = 0; index < megabytes; index++) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Deterministic bytes that look like compressed data: every value 0–255 (or 1–255 without NUL). */
function noise(length: number, withNul: boolean): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 2026;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const byte = state >>> 24;
    bytes[index] = withNul || byte !== 0 ? byte : 1;
  }
  return bytes;
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  if (!bom) return body;
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Peak resident memory of this process so far, in bytes. */
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

test('a 200 MB single-line file is refused by its size before a byte is read; the rest of the folder is ingested', { timeout: 60_000 }, async () => {
  // First in the file, so the process's peak memory so far is the baseline the assertion below compares with.
  const { dir, engine, done } = temporaryLibrary();
  try {
    const story = join(dir, 'story');
    mkdirSync(story);
    writeOneLine(join(story, 'dump.txt'), 200);
    writeFileSync(join(story, 'article.txt'), PROSE);
    // One byte over the limit (a sparse file: refused on its size, its zeros are never read).
    writeFileSync(join(story, 'just-over.txt'), '');
    truncateSync(join(story, 'just-over.txt'), MAX_FILE_BYTES + 1);
    const before = Math.max(process.memoryUsage().rss, peakRss());
    const started = performance.now();
    const report = await ok(engine.ingest({ paths: [story] }));
    const seconds = (performance.now() - started) / 1000;
    const growth = peakRss() - before;
    assert.deepEqual(report.failed, [
      { path: join(story, 'dump.txt'), error: 'This file is 200 MB, more than the 64 MB Parallax reads; it was not read.' },
      { path: join(story, 'just-over.txt'), error: 'This file is 64.1 MB, more than the 64 MB Parallax reads; it was not read.' },
    ]);
    assert.equal(report.added, 1);
    // Reading the file whole would raise the peak by 200 MB at least: the open file's stat refused it first.
    assert.ok(growth < 64 * MB, `peak memory grew by ${Math.round(growth / MB)} MB`);
    assert.ok(seconds < 10, `${seconds.toFixed(1)} s`);
    console.log(`200 MB file: refused in ${seconds.toFixed(2)} s, peak memory +${Math.round(growth / MB)} MB`);
  } finally {
    done();
  }
});

test(`a single-line file of ${SLOW ? 60 : 8} MB, under the limit, is ingested whole in bounded time and memory`, { timeout: 120_000 }, async () => {
  const megabytes = SLOW ? 60 : 8;
  const { dir, engine, done } = temporaryLibrary();
  try {
    const file = join(dir, 'one-line.txt');
    writeOneLine(file, megabytes);
    const before = Math.max(process.memoryUsage().rss, peakRss());
    const started = performance.now();
    const report = await ok(engine.ingest({ paths: [file] }));
    const seconds = (performance.now() - started) / 1000;
    const growth = Math.max(0, peakRss() - before);
    assert.deepEqual([report.added, report.failed], [1, []]);
    const [doc] = await ok(engine.listDocuments({}));
    const expectedWords = (megabytes * MB) / (PROSE.length + 1) * PROSE.split(' ').length;
    assert.ok(Math.abs(doc!.words - expectedWords) / expectedWords < 0.01, `${doc!.words} words, about ${Math.round(expectedWords)} expected`);
    // Measured: about 15 bytes of peak memory per byte of file (decoded string, normalized copies, the row).
    assert.ok(growth < 40 * megabytes * MB, `peak memory grew by ${Math.round(growth / MB)} MB`);
    console.log(`${megabytes} MB single line: ingested in ${seconds.toFixed(2)} s, peak memory +${Math.round(growth / MB)} MB`);
  } finally {
    done();
  }
});

/** What a case must give: its reading text (exactly, or matching), or a refusal matching a pattern. */
type Expected = { text: string | RegExp } | { error: RegExp };

test('hostile files in one folder: each is ingested or refused with its reason, nothing hangs, the rest is ingested', { timeout: 60_000 }, async () => {
  const { dir, engine, done } = temporaryLibrary();
  const story = join(dir, 'story');
  const servers: Server[] = [];
  try {
    mkdirSync(story);
    const expected = new Map<string, Expected>();
    const file = (name: string, content: string | Buffer, outcome: Expected) => {
      writeFileSync(join(story, name), content);
      expected.set(join(story, name), outcome);
    };

    // Ordinary articles: they must all be there whatever their neighbours do.
    file('article.txt', `${PROSE}\n`, { text: PROSE });
    file('article.md', `# Pier closes\n\n${PROSE}\n`, { text: `Pier closes\n\n${PROSE}` });
    file('article.html', `<html><head><title>Pier closes</title></head><body><article><p>${PROSE}</p></article></body></html>`, { text: PROSE });

    file('empty.txt', '', { error: /^The file is empty\.$/ });
    file('whitespace.txt', ' \n\t\r\n ', { error: /^The file is empty\.$/ });
    file('binary.txt', noise(4096, true), { error: /NUL bytes all through it .*binary data/ });
    file('binary-without-nul.txt', noise(4096, false), { error: /^This file contains binary data, not readable text\.$/ });
    file('image.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2048, true)]), { error: /^This file looks like a PNG image, not text\.$/ });
    const laden = PROSE.split(' ').join('\0 ');
    const nuls = laden.split('\0').length - 1;
    file('nul-laden.txt', laden, { error: new RegExp(`^This file has NUL bytes all through it \\(${nuls} of ${laden.length} bytes\\): it is binary data or a damaged file, not readable text\\.$`) });
    // A copy cut short on a preallocated file: text, then zeros. The text is kept, the zeros dropped.
    file('nul-padded.txt', Buffer.concat([Buffer.from(PROSE), Buffer.alloc(65_536)]), { text: PROSE });
    file('utf16le-bom.txt', utf16(FRENCH, 'le', true), { text: FRENCH });
    file('utf16be-bom.txt', utf16(FRENCH, 'be', true), { text: FRENCH });
    file('utf16le.txt', utf16(FRENCH, 'le', false), { text: FRENCH });
    file('utf16be.txt', utf16(FRENCH, 'be', false), { text: FRENCH });
    file('utf16le-greek.txt', utf16(GREEK, 'le', false), { text: GREEK });
    file('utf16be-greek.txt', utf16(GREEK, 'be', false), { text: GREEK });
    file('windows-1252.txt', Buffer.from('The mayor said \x93no\x94 \x96 it costs \x805 million, caf\xe9 included.', 'latin1'), { text: 'The mayor said “no” – it costs €5 million, café included.' });
    // UTF-8 with two damaged bytes (a lone 0xFF, an é cut to its first byte): UTF-8 with U+FFFD there, not mojibake.
    const damaged = Buffer.concat([Buffer.from(FRENCH.slice(0, 30)), Buffer.from([0xff]), Buffer.from(FRENCH.slice(30, 60)), Buffer.from([0xc3]), Buffer.from(FRENCH.slice(60))]);
    file('invalid-utf8.txt', damaged, { text: `${FRENCH.slice(0, 30)}\uFFFD${FRENCH.slice(30, 60)}\uFFFD${FRENCH.slice(60)}` });
    const depth = 100_000;
    file('deep.html', `<html><body><p>${PROSE}</p>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body></html>`, { text: `${PROSE}\n\ndeep text` });
    file('deep-unclosed.html', `<html><body><p>${PROSE}</p>${'<table><tr><td>'.repeat(depth)}deep cell</body></html>`, { text: /^The harbour council voted[\s\S]*deep cell$/ });
    file('attribute.html', `<html><body><div data-blob="${'x'.repeat(10 * MB)}"><p>${PROSE}</p></div></body></html>`, { text: PROSE });

    // Names: spaces, Unicode, a line break, and bytes that are not UTF-8 (Node cannot name such a file).
    file('with  two spaces.txt', `${PROSE} Spaces.`, { text: `${PROSE} Spaces.` });
    file('Ünïcødé 新闻 — ✓.txt', `${PROSE} Unicode.`, { text: `${PROSE} Unicode.` });
    file('new\nline.txt', `${PROSE} Newline.`, { text: `${PROSE} Newline.` });
    writeFileSync(Buffer.from(`${story}/caf\xe9.txt`, 'latin1'), PROSE);
    expected.set(join(story, 'caf\uFFFD.txt'), { error: /^This name is not valid UTF-8 text .*rename it/ });

    // Special files are reported from their stat and never opened (opening a FIFO for reading would block).
    execFileSync('mkfifo', [join(story, 'pipe.txt')]);
    expected.set(join(story, 'pipe.txt'), { error: /^This is a named pipe \(FIFO\), not a file; it was not read\.$/ });
    symlinkSync(join(story, 'pipe.txt'), join(story, 'pipe-link.txt'));
    expected.set(join(story, 'pipe-link.txt'), { error: /named pipe/ });
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(join(story, 'socket.txt'), resolve));
    expected.set(join(story, 'socket.txt'), { error: /^This is a socket, not a file; it was not read\.$/ });
    symlinkSync('/dev/zero', join(story, 'zero.txt'));
    expected.set(join(story, 'zero.txt'), { error: /^This is a device, not a file; it was not read\.$/ });
    symlinkSync('self-loop.txt', join(story, 'self-loop.txt'));
    expected.set(join(story, 'self-loop.txt'), { error: /loops back on itself/ });
    symlinkSync(join(story, 'nowhere.txt'), join(story, 'dangling.txt'));
    expected.set(join(story, 'dangling.txt'), { error: /^No such file or folder\.$/ });

    // Links to folders above: the walk neither circles nor climbs to "/" (which would walk the whole disk).
    mkdirSync(join(story, 'links'));
    symlinkSync(story, join(story, 'links', 'up'));
    symlinkSync('/', join(story, 'links', 'root'));
    for (const name of ['up', 'root']) expected.set(join(story, 'links', name), { error: /^This symbolic link points to a folder that contains it; it was not followed/ });
    mkdirSync(join(story, 'links', 'inner'));
    file(join('links', 'inner', 'nested.txt'), `${PROSE} Nested.`, { text: `${PROSE} Nested.` });

    // No permission: a folder or file Parallax may not read is refused with "Permission denied…". These tests run as
    // root here, and root reads through chmod 000: then the files are simply ingested, and the case checks that nothing
    // else breaks. (The refusal branch passes under `runuser -u nobody -- node --import tsx --test …`.)
    mkdirSync(join(story, 'locked'));
    writeFileSync(join(story, 'locked', 'inside.txt'), `${PROSE} Locked in.`);
    if (AS_ROOT) expected.set(join(story, 'locked', 'inside.txt'), { text: `${PROSE} Locked in.` });
    else expected.set(join(story, 'locked'), { error: /^Permission denied/ });
    file('unreadable.txt', `${PROSE} Unreadable.`, AS_ROOT ? { text: `${PROSE} Unreadable.` } : { error: /^Permission denied/ });
    chmodSync(join(story, 'locked'), 0);
    chmodSync(join(story, 'unreadable.txt'), 0);

    const started = performance.now();
    const report = await ok(engine.ingest({ paths: [story] }));
    const seconds = (performance.now() - started) / 1000;

    const refusals = new Map(report.failed.map((entry) => [entry.path, entry.error]));
    const documents = await ok(engine.listDocuments({}));
    const stored = new Map(documents.map((doc) => [doc.path, doc]));
    for (const [path, outcome] of expected) {
      const name = path.slice(story.length + 1);
      if ('error' in outcome) {
        assert.match(refusals.get(path) ?? `(not refused${stored.has(path) ? ', ingested' : ''})`, outcome.error, name);
        assert.ok(!stored.has(path), `${name} is refused, not stored`);
        continue;
      }
      assert.equal(refusals.get(path), undefined, `${name} is not refused`);
      const doc = stored.get(path);
      assert.ok(doc, `${name} is ingested`);
      const { text } = await ok(engine.getDocumentText({ doc: doc.id }));
      if (typeof outcome.text === 'string') assert.equal(text, outcome.text, name);
      else assert.match(text, outcome.text, name);
      assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F]/, `${name}: no control characters are stored`);
    }
    assert.deepEqual([...refusals.keys()].filter((path) => !expected.has(path)), [], 'no unexpected refusal');
    assert.deepEqual([...stored.keys()].filter((path) => !expected.has(path)), [], 'no unexpected document (the links were not followed)');
    assert.equal(report.added, documents.length);

    // Again: what was stored is unchanged, what was refused is refused again with the same sentence.
    const again = await ok(engine.ingest({ paths: [story] }));
    assert.deepEqual([again.added, again.updated, again.unchanged, again.missing], [0, 0, documents.length, 0]);
    assert.deepEqual(new Map(again.failed.map((entry) => [entry.path, entry.error])), refusals);

    // A FIFO given by name, not found by the walk, is refused the same way.
    const direct = await ok(engine.ingest({ paths: [join(story, 'pipe.txt')] }));
    assert.deepEqual(direct.failed, [{ path: join(story, 'pipe.txt'), error: 'This is a named pipe (FIFO), not a file; it was not read.' }]);

    assert.ok(seconds < 20, `${seconds.toFixed(1)} s`);
    console.log(`hostile folder: ${documents.length} ingested, ${report.failed.length} refused in ${seconds.toFixed(2)} s (running as ${AS_ROOT ? 'root' : 'a user'})`);
  } finally {
    for (const server of servers) server.close();
    chmodSync(join(story, 'locked'), 0o755);
    done();
  }
});

test('a file that grows, shrinks, is rewritten or becomes a FIFO between the walk and the read is stored as read, with its own size and time, or refused', { timeout: 30_000 }, async () => {
  const folder = temporaryFolder();
  const db = openDatabase(join(folder.dir, 'library.db'));
  try {
    const story = join(folder.dir, 'story');
    mkdirSync(story);
    const grows = join(story, 'grows.txt');
    const shrinks = join(story, 'shrinks.txt');
    const rewritten = join(story, 'rewritten.txt');
    const pipe = join(story, 'becomes-a-pipe.txt');
    for (const path of [grows, shrinks, rewritten, pipe]) writeFileSync(path, `${PROSE}\n\n${PROSE}\n`);
    // The walk has taken every file's stat when the pool is asked to read them: change them now.
    const pool: ExtractPool = {
      async run(jobs) {
        appendFileSync(grows, '\nA paragraph added after the walk.\n');
        truncateSync(shrinks, PROSE.length);
        writeFileSync(rewritten, 'Other words entirely, written after the walk.\n');
        // Opened without O_NONBLOCK, a FIFO with no writer would block the read (and the ingest) for ever.
        rmSync(pipe);
        execFileSync('mkfifo', [pipe]);
        return Promise.all(jobs.map(readAndExtract));
      },
      async close() {},
      usage: () => ({ workers: 0, onWorkers: 0, inline: 0 }),
    };
    const options = { pool, isSupported: isSupportedPath, maxFileBytes: MAX_FILE_BYTES };
    const refusal = { path: pipe, error: 'This is a named pipe (FIFO), not a file; it was not read.' };
    assert.deepEqual(await ingestPaths(db, [story], options), { added: 3, updated: 0, unchanged: 0, missing: 0, failed: [refusal] });
    const row = db.prepare('SELECT file_size, file_mtime_ms, content_hash, reading_text FROM documents WHERE path = ?');
    for (const path of [grows, shrinks, rewritten]) {
      const stats = statSync(path);
      const stored = row.get(path) as { file_size: number; file_mtime_ms: number; content_hash: string; reading_text: string };
      assert.equal(stored.content_hash, sha256(readFileSync(path)), `${path}: the bytes stored are the bytes on disk`);
      assert.deepEqual([stored.file_size, stored.file_mtime_ms], [stats.size, Math.trunc(stats.mtimeMs)], `${path}: stored with the size and time of what was read`);
    }
    assert.match((row.get(grows) as { reading_text: string }).reading_text, /added after the walk\.$/);
    assert.equal((row.get(shrinks) as { reading_text: string }).reading_text, PROSE);
    // So the next ingest rightly finds nothing to read.
    const quiet: ExtractPool = { ...pool, run: (jobs) => Promise.all(jobs.map(readAndExtract)) };
    assert.deepEqual(await ingestPaths(db, [story], { ...options, pool: quiet }), { added: 0, updated: 0, unchanged: 3, missing: 0, failed: [refusal] });
  } finally {
    db.close();
    folder.cleanup();
  }
});

/** One version a busy writer writes: a sentence repeated. */
interface Version {
  sentence: string;
  times: number;
}

const bytesOf = (version: Version): Buffer => Buffer.from(version.sentence.repeat(version.times));

/** Starts a child that rewrites (truncate, then write) or appends to a file as fast as it can until killed. */
function busyWriter(path: string, mode: 'rewrite' | 'append', first: Version, second: Version): { stop: () => Promise<void> } {
  const script = `const fs = require('fs'); const [path, mode, a, m, b, n] = process.argv.slice(1);
    const first = a.repeat(Number(m)), second = b.repeat(Number(n));
    if (mode === 'rewrite') for (;;) { fs.writeFileSync(path, first); fs.writeFileSync(path, second); }
    for (let count = 0; ; count++) fs.appendFileSync(path, count % 2 ? first : second);`;
  const versions = [first.sentence, String(first.times), second.sentence, String(second.times)];
  const child = spawn(process.execPath, ['-e', script, path, mode, ...versions], { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

test('a file rewritten or growing while it is read is stored as one consistent version or refused, never as a mix', { timeout: 30_000 }, async () => {
  const folder = temporaryFolder();
  try {
    const path = join(folder.dir, 'live.txt');
    const versions: [Version, Version] = [
      { sentence: 'Alpha version of the article. ', times: 40_000 },
      { sentence: 'Beta, the rewritten version, a little longer. ', times: 40_000 },
    ];
    const [first, second] = versions.map(bytesOf) as [Buffer, Buffer];
    writeFileSync(path, first);
    const consistent = (bytes: Buffer) => first.subarray(0, bytes.length).equals(bytes) || second.subarray(0, bytes.length).equals(bytes);
    // Partial: empty or a prefix, the file caught mid-write.
    const counts = { whole: 0, partial: 0, refused: 0 };
    const rewriter = busyWriter(path, 'rewrite', ...versions);
    try {
      const end = performance.now() + 1500;
      while (performance.now() < end) {
        const snapshot = readSnapshot(path, MAX_FILE_BYTES);
        if ('error' in snapshot) {
          assert.equal(snapshot.error, CHANGED_WHILE_READ);
          counts.refused++;
          continue;
        }
        // Empty or a prefix is what the file held at that instant (truncated, then being written); a mix never was.
        assert.ok(consistent(snapshot.bytes), `a mix of both versions was read (${snapshot.bytes.length} bytes)`);
        assert.equal(snapshot.bytes.length, snapshot.stat.size);
        if (snapshot.bytes.equals(first) || snapshot.bytes.equals(second)) counts.whole++;
        else counts.partial++;
      }
      const outcome = await readAndExtract({ path, maxBytes: MAX_FILE_BYTES, knownHash: null });
      if (outcome.status === 'failed') assert.match(outcome.error, /changed while Parallax was reading it|empty/);
    } finally {
      await rewriter.stop();
    }
    assert.ok(counts.whole + counts.partial + counts.refused > 50, JSON.stringify(counts));

    const log = join(folder.dir, 'growing.txt');
    writeFileSync(log, '');
    const appender = busyWriter(log, 'append', { sentence: 'A line appended by the writer.\n', times: 1 }, { sentence: 'Another line, a little longer.\n', times: 1 });
    const snapshots: Buffer[] = [];
    try {
      const end = performance.now() + 500;
      while (performance.now() < end) {
        const snapshot = readSnapshot(log, MAX_FILE_BYTES);
        if ('error' in snapshot) assert.equal(snapshot.error, CHANGED_WHILE_READ);
        else {
          assert.equal(snapshot.bytes.length, snapshot.stat.size);
          snapshots.push(snapshot.bytes);
        }
      }
    } finally {
      await appender.stop();
    }
    const final = readFileSync(log);
    for (const bytes of snapshots) assert.ok(final.subarray(0, bytes.length).equals(bytes), 'every read of a growing file is a prefix of it');
    console.log(`rewritten file: ${counts.whole} whole reads, ${counts.partial} empty or partial (mid-write) reads, ${counts.refused} refused as changing; growing file: ${snapshots.length} consistent reads`);
  } finally {
    folder.cleanup();
  }
});
